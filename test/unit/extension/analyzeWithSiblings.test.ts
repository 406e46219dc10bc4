import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyzeWithSiblings } from '../../../src/extension/analysis/analyzeWithSiblings';
import { tempDir } from '../../cli/cliHarness';

// The extension host's working folder is not the workspace: sibling imports must still be read from it.
test('CDK constants imported from a sibling file are read under the workspace root, whatever the cwd', () => {
  const root = tempDir('lg-ws-');
  mkdirSync(path.join(root, 'lib'));
  writeFileSync(path.join(root, 'lib', 'config.ts'), "export const ACTIONS = ['s3:*'];\n");
  const text = `import * as iam from 'aws-cdk-lib/aws-iam';
import { ACTIONS } from './config';
export const st = new iam.PolicyStatement({ actions: ACTIONS, resources: ['*'] });
`;
  const r = analyzeWithSiblings({ text, file: 'lib/stack.ts', absPath: path.join(root, 'lib', 'stack.ts'), opts: {}, wantModel: false }, readFileSync);
  assert.ok(process.cwd() !== root);
  assert.ok(r.findings.some((f) => f.ruleId === 'LG001' && f.message.includes('s3:*')), JSON.stringify(r.findings.map((f) => f.message)));
  const without = analyzeWithSiblings({ text, file: 'lib/stack.ts', opts: {}, wantModel: false }, readFileSync);
  assert.ok(!without.findings.some((f) => f.ruleId === 'LG001'), 'without a path the constant is unknown, never a wildcard');
});
