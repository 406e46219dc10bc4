import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toJson } from '../../../src/core/report/jsonReport';
import { FINDINGS, IMG, SCRIPT, hostileScan } from '../../fixtures/report/hostileScan';

const r = hostileScan();
const json = toJson(r);
const doc = JSON.parse(json);

test('top level is the contract: tool, findings, errors, then extensions only', () => {
  assert.deepEqual(Object.keys(doc).slice(0, 3), ['tool', 'findings', 'errors']);
  assert.deepEqual(doc.tool, { name: 'lambda-guard', version: '0.1.0' });
  assert.deepEqual(doc.summary, { filesScanned: 4, filesSkipped: 0, problems: 5, error: 1, warning: 3, info: 1, suppressed: 1, scanErrors: 2, notices: 0, incomplete: true });
  assert.deepEqual(doc.notices, []);
  assert.ok(json.endsWith('}\n'));
});

test('every finding starts with the contract keys, in order', () => {
  assert.equal(doc.findings.length, FINDINGS.length);
  for (const f of doc.findings) {
    const contract = ['ruleId', 'severity', 'message', 'location', 'target', 'resource', 'suppressed'].filter((k) => k in f);
    const keys = Object.keys(f);
    assert.deepEqual(keys.slice(0, contract.length), contract);
    assert.equal(typeof f.suppressed, 'boolean');
    if (f.location) assert.deepEqual(Object.keys(f.location), ['file', 'startLine', 'startColumn', 'endLine', 'endColumn']);
  }
});

test('findings are sorted and round-trip without loss', () => {
  const first = doc.findings[0];
  assert.equal(first.location.file, 'cdk/lib/stack <x>.ts');
  const lg006 = doc.findings.find((f: { ruleId: string }) => f.ruleId === 'LG006');
  assert.equal(lg006.message, `Principal "*" may invoke ${SCRIPT}\nsecond line | with a pipe`);
  assert.equal(lg006.resource, `Evil${IMG}`);
  assert.deepEqual(lg006.location, { file: 'infra/template.yaml', startLine: 3, startColumn: 5, endLine: 3, endColumn: 20 });
  assert.deepEqual(lg006.related[0].location.startLine, 10);
  const live = doc.findings.find((f: { ruleId: string }) => f.ruleId === 'LG008');
  assert.deepEqual(live.target, { arn: 'arn:aws:lambda:us-east-1:123456789012:function:Resizer', functionName: 'Resizer', region: 'us-east-1' });
  assert.ok(!('location' in live));
  const suppressed = doc.findings.find((f: { ruleId: string }) => f.ruleId === 'LG002');
  assert.equal(suppressed.suppressed, true);
  assert.equal(suppressed.suppression.reason, `legacy bucket ${SCRIPT} & "quoted"`);
  // Sorting the input the same way and re-serialising gives the same text: nothing depends on input order.
  const reversed = hostileScan();
  reversed.findings.reverse();
  assert.equal(toJson(reversed), json);
});

test('errors keep the contract keys first', () => {
  assert.deepEqual(doc.errors[0], { file: 'infra/broken.yaml', line: 3, message: r.errors[0].message, column: 5 });
  assert.deepEqual(Object.keys(doc.errors[0]).slice(0, 3), ['file', 'line', 'message']);
  assert.deepEqual(doc.errors[1], { file: 'infra/unreadable.json', message: 'EACCES: permission denied' });
});
