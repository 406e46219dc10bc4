// Lint: typescript-eslint recommended, plus the boundary rule that keeps src/core free of 'vscode'.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.cache/**', 'examples/**', 'test-results/**', '.venv-moto/**', 'test/fixtures/**', 'test/acceptance/**', 'test/acceptance-cdk/**', 'test/acceptance-2/**', 'test/acceptance-cdk-2/**', 'test/acceptance-3/**', 'test/acceptance-cdk-3/**', 'test/integration/vscode/workspace/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      'no-console': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    // Build, test-harness and demo scripts run in Node.
    files: ['**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // The webview front end runs in a browser.
    files: ['media/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['src/core/**/*.ts', 'src/shared/**/*.ts', 'src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'src/core, src/shared and src/cli must not import vscode.' }] }],
      'no-restricted-syntax': ['error', { selector: "CallExpression[callee.name='require'][arguments.0.value='vscode']", message: 'src/core must not require vscode.' }],
    },
  },
);
