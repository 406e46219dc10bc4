import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ESLint } from 'eslint';
import * as path from 'node:path';

// The layer rules are behaviour: prove that lint rejects each forbidden import, in every form, in each layer,
// and lets the allowed ones through. The probes are linted as if they lived at the given path.
const ROOT = path.resolve(__dirname, '../..');
const eslint = new ESLint({ cwd: ROOT });

/** Every way to reach a module; `@M` is replaced by the specifier. */
const FORMS: Record<string, string> = {
  'static import': "import * as m from '@M';\nexport const x = m;\n",
  'import type': "import type * as m from '@M';\nexport type X = typeof m;\n",
  'export from': "export * from '@M';\n",
  'dynamic import()': "export const load = (): Promise<unknown> => import('@M');\n",
  'require()': "// eslint-disable-next-line @typescript-eslint/no-require-imports\nexport const m = require('@M');\n",
  'import = require()': "import m = require('@M');\nexport const x = m;\n",
  'typeof import()': "export type T = typeof import('@M');\n",
};

async function boundaryMessages(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  // A probe that does not parse would pass every "no message" check: it must parse.
  assert.deepEqual(result.messages.filter((m) => m.fatal), [], code);
  return result.messages.filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
}

const FORBIDDEN: [layer: string, probe: string, specifier: string, names: string][] = [
  ['src/core', 'src/core/model/probe.ts', 'vscode', "'vscode'"],
  ['src/core', 'src/core/model/probe.ts', '../../extension/api', 'src/extension'],
  ['src/core', 'src/core/rules/probe.ts', '../../cli/main', 'src/cli'],
  ['src/cli', 'src/cli/probe.ts', 'vscode', "'vscode'"],
  ['src/cli', 'src/cli/probe.ts', '../extension/main', 'src/extension'],
  ['src/extension', 'src/extension/commands/probe.ts', '../../cli/main', 'src/cli'],
];

for (const [layer, probe, specifier, names] of FORBIDDEN) {
  for (const [form, template] of Object.entries(FORMS)) {
    test(`lint: ${layer} may not reach ${names} by ${form}`, async () => {
      const messages = await boundaryMessages(probe, template.replace(/@M/g, specifier));
      assert.deepEqual(messages, [`${layer} must not use ${names} (layer boundary).`]);
    });
  }
}

test('lint: what each layer may use passes the boundary rules', async () => {
  const allowed: [string, string][] = [
    ['src/extension/probe.ts', 'vscode'],
    ['src/extension/probe.ts', '../core/model/finding'],
    ['src/cli/probe.ts', '../core/scan/scanPaths'],
    ['src/core/rules/probe.ts', '../model/rule'],
    ['src/core/iac/cdk/probe.ts', 'typescript'],
    // A segment that merely contains the word is not the layer.
    ['src/core/model/probe.ts', './extensionPoints'],
  ];
  for (const [file, specifier] of allowed) {
    for (const template of Object.values(FORMS)) {
      assert.deepEqual(await boundaryMessages(file, template.replace(/@M/g, specifier)), [], `${file} → ${specifier}`);
    }
  }
});
