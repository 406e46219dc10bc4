import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { toJson } from '../../src/core/report/jsonReport';
import { scanPaths } from '../../src/core/scan/scanPaths';

const ROOT = path.resolve(__dirname, '../..');
const GOLDEN = path.join(ROOT, 'test/golden/examples.json');

// The whole examples/ folder through the scan pipeline and the JSON writer, compared with a reviewed
// golden file. The file is only ever written on request — after an intended change:
// UPDATE_GOLDEN=1 npm run test:unit, then read the diff before committing it. A missing file fails.
test('golden: scanning examples/ gives the reviewed findings', async () => {
  const result = await scanPaths(['examples'], { cwd: ROOT });
  const actual = toJson(result);
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(GOLDEN, actual);
  assert.ok(existsSync(GOLDEN), `${GOLDEN} is missing: it is reviewed output, never written by a plain test run (UPDATE_GOLDEN=1 writes it)`);
  const expected = readFileSync(GOLDEN, 'utf8');
  assert.deepEqual(JSON.parse(actual), JSON.parse(expected));
});

test('golden sanity: every rule LG001–LG015 fires somewhere in examples/, and suppressions are kept', () => {
  const golden = JSON.parse(readFileSync(GOLDEN, 'utf8'));
  const ids = new Set(golden.findings.map((f: { ruleId: string }) => f.ruleId));
  for (let i = 1; i <= 15; i++) assert.ok(ids.has(`LG0${String(i).padStart(2, '0')}`), `LG0${String(i).padStart(2, '0')} missing`);
  assert.ok(golden.findings.some((f: { suppressed: boolean }) => f.suppressed));
});
