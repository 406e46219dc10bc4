import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type * as Sarif from 'sarif';
import { FINGERPRINT_KEY, sarifText, toSarif, toUri } from '../../../src/core/report/sarifReport';
import type { ScanResult } from '../../../src/core/report/scanResult';
import { hostileScan } from '../../fixtures/report/hostileScan';

// The official OASIS schema is draft-04, hence ajv-draft-04 (Ajv 8) rather than the default Ajv class.
const schema = JSON.parse(readFileSync(join(__dirname, '../../fixtures/report/sarif-schema-2.1.0.json'), 'utf8'));
const ajv = new Ajv({ allErrors: true });
addFormats(ajv);
const validate = ajv.compile(schema);

function assertValid(log: unknown): void {
  const ok = validate(log);
  assert.ok(ok, JSON.stringify(validate.errors, null, 2));
}

const log = toSarif(hostileScan());
const run = log.runs[0];
const results = run.results ?? [];
const byRule = (id: string): Sarif.Result => {
  const found = results.find((x) => x.ruleId === id);
  assert.ok(found, `result for ${id}`);
  return found;
};

test('validates against the official SARIF 2.1.0 schema', () => {
  assertValid(log);
  assertValid(JSON.parse(sarifText(hostileScan())));
  assertValid(toSarif({ findings: [], errors: [], rules: [], filesScanned: 0, toolVersion: '0.1.0' }));
});

test('the schema check is real: a broken log is rejected', () => {
  const broken = JSON.parse(sarifText(hostileScan()));
  broken.runs[0].results[0].level = 'fatal';
  broken.runs[0].results[1].locations[0].physicalLocation.region.startLine = 0;
  assert.equal(validate(broken), false);
});

test('header, one run, driver metadata', () => {
  assert.equal(log.version, '2.1.0');
  assert.match(log.$schema ?? '', /sarif-schema-2\.1\.0\.json$/);
  assert.equal(log.runs.length, 1);
  const driver = run.tool.driver;
  assert.equal(driver.name, 'lambda-guard');
  assert.equal(driver.version, '0.1.0');
  // No link that would not resolve: the help travels inline (see the next test).
  assert.equal(driver.informationUri, undefined);
});

test('rules carry the descriptions, help and GitHub security-severity', () => {
  const rules = run.tool.driver.rules ?? [];
  const lg006 = rules.find((x) => x.id === 'LG006');
  assert.ok(lg006);
  assert.equal(lg006.name, 'PublicInvoke');
  assert.equal(lg006.shortDescription?.text, 'Anyone may invoke the function');
  assert.match(lg006.fullDescription?.text ?? '', /^Why LG006 matters/);
  assert.match(lg006.help?.text ?? '', /Add SourceArn or SourceAccount\./);
  assert.match(lg006.help?.text ?? '', /lambda-guard-ignore LG006: <reason>/);
  assert.match(lg006.help?.markdown ?? '', /^# LG006 — Anyone may invoke the function\n/);
  assert.match(lg006.help?.markdown ?? '', /## How to fix\n\nAdd SourceArn or SourceAccount\./);
  assert.match(lg006.help?.markdown ?? '', /docs\/rules\/LG006\.md/);
  assert.equal(lg006.helpUri, undefined);
  assert.equal(lg006.defaultConfiguration?.level, 'error');
  assert.equal(lg006.properties?.['security-severity'], '8.0');
  assert.ok(lg006.properties?.tags?.includes('security'));
  assert.equal(lg006.properties?.precision, 'high');
  assert.equal(rules.find((x) => x.id === 'LG007')?.properties?.['security-severity'], '5.0');
  assert.equal(rules.find((x) => x.id === 'LG012')?.properties?.['security-severity'], '2.0');
  assert.equal(rules.find((x) => x.id === 'LG012')?.defaultConfiguration?.level, 'note');
});

test('every result points at its rule by index; a rule without metadata gets a descriptor', () => {
  const rules = run.tool.driver.rules ?? [];
  for (const res of results) assert.equal(rules[res.ruleIndex ?? -1]?.id, res.ruleId);
  assert.ok(rules.some((x) => x.id === 'LG101'));
});

test('results have level, message and a relative %SRCROOT% location with the exact region', () => {
  const res = byRule('LG007');
  assert.equal(res.level, 'warning');
  assert.equal(res.message.text, 'Service principal s3.amazonaws.com may invoke ReceiptNotify without SourceArn or SourceAccount');
  assert.deepEqual(res.locations?.[0].physicalLocation, {
    artifactLocation: { uri: 'infra/template.yaml', uriBaseId: '%SRCROOT%' },
    region: { startLine: 41, startColumn: 7, endLine: 41, endColumn: 32 },
  });
  assert.equal(byRule('LG012').level, 'note');
  assert.equal(byRule('LG012').locations?.[0].physicalLocation?.artifactLocation?.uri, 'cdk/lib/stack%20%3Cx%3E.ts');
  assert.equal(byRule('LG006').relatedLocations?.[0].physicalLocation?.region?.startLine, 10);
});

test('URIs are percent-encoded URI references; a backslash is part of a (POSIX) file name', () => {
  assert.equal(toUri('infra\\nested\\template.yaml'), 'infra%5Cnested%5Ctemplate.yaml');
  assert.equal(toUri('./a b/c#d.yaml'), 'a%20b/c%23d.yaml');
  // A colon in the first segment would read as a URI scheme; `%`, `?` and quotes are data.
  assert.equal(toUri("c:odd/100%?.yaml"), 'c%3Aodd/100%25%3F.yaml');
  assert.equal(toUri("it's (1).yaml"), 'it%27s%20%281%29.yaml');
  // Paths outside the working folder are reported absolute: file URIs, no %SRCROOT% base.
  assert.equal(toUri('/tmp/x y/t.yaml'), 'file:///tmp/x%20y/t.yaml');
  assert.equal(toUri('C:/ws/t.yaml'), 'file:///C:/ws/t.yaml');
});

test('suppressed findings carry an inSource suppression with the justification', () => {
  assert.deepEqual(byRule('LG002').suppressions, [
    { kind: 'inSource', justification: 'legacy bucket <script>alert("pwned")</script> & "quoted"' },
  ]);
  assert.equal(byRule('LG007').suppressions, undefined);
});

test('live findings use a logical location with the ARN', () => {
  const res = byRule('LG008');
  assert.equal(res.locations?.[0].physicalLocation, undefined);
  assert.deepEqual(res.locations?.[0].logicalLocations, [
    { name: 'Resizer', fullyQualifiedName: 'arn:aws:lambda:us-east-1:123456789012:function:Resizer', kind: 'resource' },
  ]);
});

test('scan errors become error notifications and mark the execution unsuccessful', () => {
  const inv = run.invocations?.[0];
  assert.equal(inv?.executionSuccessful, false);
  const notes = inv?.toolExecutionNotifications ?? [];
  assert.equal(notes.length, 2);
  assert.equal(notes[0].level, 'error');
  assert.match(notes[0].message.text ?? '', /^could not parse/);
  assert.deepEqual(notes[0].locations?.[0].physicalLocation?.region, { startLine: 3, startColumn: 5 });
  const clean: ScanResult = { ...hostileScan(), errors: [] };
  assert.equal(toSarif(clean).runs[0].invocations?.[0].executionSuccessful, true);
});

function fingerprint(r: ScanResult, ruleId: string): string | undefined {
  return toSarif(r).runs[0].results?.find((x) => x.ruleId === ruleId)?.partialFingerprints?.[FINGERPRINT_KEY];
}

test('fingerprints ignore line numbers but change with rule, file, resource or message', () => {
  const base = fingerprint(hostileScan(), 'LG007');
  assert.match(base ?? '', /^[0-9a-f]{32}:1$/);
  const moved = hostileScan();
  const loc = moved.findings[0].location;
  assert.ok(loc);
  Object.assign(loc, { startLine: 90, endLine: 90, startColumn: 3, endColumn: 10 });
  assert.equal(fingerprint(moved, 'LG007'), base);
  const renamed = hostileScan();
  renamed.findings[0].resource = 'OtherPermission';
  assert.notEqual(fingerprint(renamed, 'LG007'), base);
  const reworded = hostileScan();
  reworded.findings[0].message += '!';
  assert.notEqual(fingerprint(reworded, 'LG007'), base);
});

test('identical findings at different lines get distinct fingerprints', () => {
  const r = hostileScan();
  const copy = structuredClone(r.findings[0]);
  copy.location = { ...copy.location!, startLine: 80, endLine: 80 };
  r.findings.push(copy);
  const prints = (toSarif(r).runs[0].results ?? []).filter((x) => x.ruleId === 'LG007').map((x) => x.partialFingerprints?.[FINGERPRINT_KEY]);
  assert.equal(prints.length, 2);
  assert.equal(new Set(prints).size, 2);
  assert.equal(prints[0]?.split(':')[0], prints[1]?.split(':')[0]);
});
