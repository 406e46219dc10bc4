// Lint: typescript-eslint recommended, plus one boundary rule per layer of src/ (see layer() below).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/** What a module specifier may name, as esquery regular expressions. */
const TARGETS = {
  vscode: { re: '/^vscode$/', what: "'vscode'" },
  extension: { re: '/^((\\.{1,2}\\/)+(.*\\/)?|src\\/)extension(\\/|$)/', what: 'src/extension' },
  cli: { re: '/^((\\.{1,2}\\/)+(.*\\/)?|src\\/)cli(\\/|$)/', what: 'src/cli' },
};

/** Every way a module can be reached: import, import type, export from, import(), require(), import = require(), typeof import(). */
const FORMS = [
  (re) => `ImportDeclaration[source.value=${re}]`,
  (re) => `ExportNamedDeclaration[source.value=${re}]`,
  (re) => `ExportAllDeclaration[source.value=${re}]`,
  (re) => `ImportExpression[source.value=${re}]`,
  (re) => `CallExpression[callee.name='require'][arguments.0.value=${re}]`,
  (re) => `TSImportEqualsDeclaration[moduleReference.expression.value=${re}]`,
  (re) => `TSImportType[source.value=${re}]`,
];

/**
 * One rule per layer: the files of `dir` must not reach the `forbidden` targets in any form. (Flat config
 * keeps the last `no-restricted-syntax` per file, so layers must not overlap.)
 */
function layer(dir, forbidden) {
  return {
    files: [`${dir}/**/*.ts`],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...forbidden.flatMap((t) => FORMS.map((form) => ({ selector: form(TARGETS[t].re), message: `${dir} must not use ${TARGETS[t].what} (layer boundary).` }))),
      ],
    },
  };
}

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.cache/**', 'examples/**', 'test-results/**', '.venv-moto/**', 'test/fixtures/**', 'test/acceptance/**', 'test/acceptance-cdk/**', 'test/acceptance-2/**', 'test/acceptance-cdk-2/**', 'test/acceptance-3/**', 'test/acceptance-cdk-3/**', 'test/acceptance-sls/**', 'test/acceptance-hostile/**', 'test/acceptance-aws/**', 'test/integration/vscode/workspace/**'] },
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
  // The core is plain TypeScript used by the CLI, the extension and the tests; the CLI never loads VS Code;
  // the extension reuses the core, never the CLI.
  layer('src/core', ['vscode', 'extension', 'cli']),
  layer('src/cli', ['vscode', 'extension']),
  layer('src/extension', ['cli']),
);
