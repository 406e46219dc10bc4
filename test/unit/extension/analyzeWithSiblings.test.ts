import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyzeWithSiblings, boundedSiblingReader } from '../../../src/extension/analysis/analyzeWithSiblings';
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
  const r = analyzeWithSiblings({ text, file: 'lib/stack.ts', absPath: path.join(root, 'lib', 'stack.ts'), opts: {}, wantModel: false }, boundedSiblingReader());
  assert.ok(process.cwd() !== root);
  assert.ok(r.findings.some((f) => f.ruleId === 'LG001' && f.message.includes('s3:*')), JSON.stringify(r.findings.map((f) => f.message)));
  const without = analyzeWithSiblings({ text, file: 'lib/stack.ts', opts: {}, wantModel: false }, boundedSiblingReader());
  assert.ok(!without.findings.some((f) => f.ruleId === 'LG001'), 'without a path the constant is unknown, never a wildcard');
});

test('the editor reads no sibling outside the workspace root, and none over the size limit', () => {
  const outside = tempDir('lg-outside-');
  writeFileSync(path.join(outside, 'config.ts'), "export const ACTIONS = ['s3:*'];\n");
  const root = tempDir('lg-ws-');
  mkdirSync(path.join(root, 'lib'));
  const rel = path.relative(path.join(root, 'lib'), path.join(outside, 'config')).split(path.sep).join('/');
  const text = `import * as iam from 'aws-cdk-lib/aws-iam';
import { ACTIONS } from '${rel}';
export const st = new iam.PolicyStatement({ actions: ACTIONS, resources: ['*'] });
`;
  const escaped = analyzeWithSiblings({ text, file: 'lib/stack.ts', absPath: path.join(root, 'lib', 'stack.ts'), opts: {}, wantModel: false }, boundedSiblingReader());
  assert.ok(!escaped.findings.some((f) => f.ruleId === 'LG001'), 'a module outside the workspace is not read: the constant stays unknown');
  writeFileSync(path.join(root, 'lib', 'config.ts'), `export const ACTIONS = ['s3:*'];\n// ${'x'.repeat(4096)}\n`);
  const inside = text.replace(rel, './config');
  const big = analyzeWithSiblings({ text: inside, file: 'lib/stack.ts', absPath: path.join(root, 'lib', 'stack.ts'), opts: {}, wantModel: false }, boundedSiblingReader(1024));
  assert.ok(!big.findings.some((f) => f.ruleId === 'LG001'), 'a sibling over the size limit is not read');
  const small = analyzeWithSiblings({ text: inside, file: 'lib/stack.ts', absPath: path.join(root, 'lib', 'stack.ts'), opts: {}, wantModel: false }, boundedSiblingReader());
  assert.ok(small.findings.some((f) => f.ruleId === 'LG001'), 'the same file within the limit is read');
});
