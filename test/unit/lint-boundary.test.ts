import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ESLint } from 'eslint';
import * as path from 'node:path';

// The boundary rule is itself behaviour: prove that lint rejects a vscode import in src/core.
test('lint fails when src/core imports vscode', async () => {
  const eslint = new ESLint({ cwd: path.resolve(__dirname, '../..') });
  const [result] = await eslint.lintText("import * as vscode from 'vscode';\nexport const x = vscode;\n", {
    filePath: path.resolve(__dirname, '../../src/core/model/probe.ts'),
  });
  assert.ok(result.messages.some((m) => m.ruleId === 'no-restricted-imports'), JSON.stringify(result.messages));
});

test('lint allows vscode in src/extension', async () => {
  const eslint = new ESLint({ cwd: path.resolve(__dirname, '../..') });
  const [result] = await eslint.lintText("import * as vscode from 'vscode';\nexport const x = vscode;\n", {
    filePath: path.resolve(__dirname, '../../src/extension/probe.ts'),
  });
  assert.ok(!result.messages.some((m) => m.ruleId === 'no-restricted-imports'));
});
