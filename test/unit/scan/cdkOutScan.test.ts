import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { scanPaths } from '../../../src/core/scan/scanPaths';

const ROOT = path.resolve(__dirname, '../../..');

test('scan maps cdk.out template findings back to the TypeScript line and reports each finding once', async () => {
  const r = await scanPaths(['test/fixtures/cdk/outApp'], { cwd: ROOT });
  const files = new Set(r.findings.map((f) => f.location?.file));
  assert.deepEqual([...files], ['test/fixtures/cdk/outApp/lib/out-stack.ts']);
  // dynamodb:* comes from grantFullAccess: only the synthesised template shows it.
  const dyn = r.findings.find((f) => f.ruleId === 'LG001' && f.message.includes('dynamodb'));
  assert.ok(dyn, 'template-only finding mapped to source');
  assert.ok(dyn.related?.some((x) => x.location.file.includes('cdk.out/')), 'keeps the template location as related information');
  // Findings seen both in source and template are not doubled.
  const keys = r.findings.map((f) => `${f.ruleId}:${f.location?.startLine}:${f.message}`);
  assert.equal(new Set(keys).size, keys.length);
  assert.equal(r.findings.filter((f) => f.ruleId === 'LG008').length, 1);
});

test('cdk.out named explicitly is scanned as plain templates', async () => {
  const r = await scanPaths(['test/fixtures/cdk/outApp/cdk.out'], { cwd: ROOT });
  assert.ok(r.findings.length > 0);
  assert.ok(r.findings.every((f) => f.location?.file.includes('cdk.out/')));
});
