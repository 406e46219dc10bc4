import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NOT_A_TEMPLATE } from '../../../src/core/report/scanResult';
import { toText } from '../../../src/core/report/textReport';
import { hostileScan } from '../../fixtures/report/hostileScan';

const text = toText(hostileScan());
const lines = text.split('\n');

test('groups findings by file (files before live resources) and sorts each group by line', () => {
  const headings = lines.filter((l) => l !== '' && !l.startsWith(' ') && !/^(⚠|✖|Scan errors)/.test(l));
  assert.deepEqual(headings, [
    'cdk/lib/stack <x>.ts',
    'infra/template.yaml',
    'arn:aws:lambda:eu-west-1:123456789012:function:Thumbs',
    'arn:aws:lambda:us-east-1:123456789012:function:Resizer (Resizer, us-east-1)',
  ]);
  const start = lines.indexOf('infra/template.yaml');
  const positions = lines.slice(start + 1).filter((l) => /^ {2}\d/.test(l)).slice(0, 3).map((l) => l.trim().split(/\s+/)[0]);
  assert.deepEqual(positions, ['3:5', '41:7', '52:9']);
});

test('prints the contract line format followed by the rule fix hint', () => {
  const i = lines.findIndex((l) => l.includes('LG007'));
  assert.match(lines[i], /^ {2}41:7 {2}warning {2}LG007 {2}Service principal s3\.amazonaws\.com may invoke/);
  assert.match(lines[i], /\[ReceiptNotifyPermission\]$/);
  assert.equal(lines[i + 1], '    ↳ fix: Add SourceArn <b>and</b> SourceAccount.');
});

test('shows suppressed findings with their reason and no fix hint', () => {
  const i = lines.findIndex((l) => l.includes('LG002'));
  assert.match(lines[i], /\(suppressed: legacy bucket <script>alert\("pwned"\)<\/script> & "quoted"\)$/);
  assert.ok(!lines[i + 1].includes('↳ fix:'));
});

test('keeps each finding on one line even when the message has newlines', () => {
  const i = lines.findIndex((l) => l.includes('LG006'));
  assert.match(lines[i], /Principal "\*" may invoke <script>.*second line \| with a pipe/);
  assert.ok(!lines.some((l) => l.startsWith('second line')));
  assert.ok(!lines.some((l) => l.startsWith('at "x"')));
});

test('live findings without a position show "-", with the branch of conditional findings', () => {
  assert.ok(lines.some((l) => /^ {2}- {2}warning {2}LG101 {2}Invocation spike/.test(l)));
  assert.ok(lines.some((l) => l.includes('LG012') && l.includes('(when IsProd=true)')));
});

test('lists scan errors with file:line and message', () => {
  const i = lines.indexOf('Scan errors:');
  assert.ok(i > 0);
  assert.match(lines[i + 1], /^ {2}infra\/broken\.yaml:3:5 {2}error {2}could not parse: /);
  assert.equal(lines[i + 2], '  infra/unreadable.json  error  EACCES: permission denied');
});

test('summary counts problems per severity, excluding suppressed findings, and says the scan is incomplete', () => {
  const summary = lines[lines.length - 2];
  assert.equal(summary, '⚠ scan incomplete (2 scan errors) · ✖ 5 problems (1 error, 3 warnings, 1 info) · 1 suppressed · 4 files scanned');
  assert.equal(lines[lines.length - 1], '', 'ends with a newline');
});

test('a scan that could not read everything says so first and last, and never shows a green tick', () => {
  assert.equal(lines[0], '⚠ Scan incomplete: 2 files could not be analysed (see "Scan errors"): the results below do not cover what is in them.');
  const clean = toText({ findings: [], errors: [{ file: 'a.yaml', line: 2, message: 'bad indentation' }], rules: [], filesScanned: 3, toolVersion: '0.1.0' }).split('\n');
  assert.equal(clean[0], '⚠ Scan incomplete: 1 file could not be analysed (see "Scan errors"): the results below do not cover what is in them.');
  assert.equal(clean[clean.length - 2], '⚠ scan incomplete (1 scan error) · no problems in what was analysed (0 errors, 0 warnings, 0 info) · 3 files scanned');
  assert.ok(!clean.some((l) => l.includes('✔')));
});

test('a file named explicitly that is not a template is listed with a notice and counted in the summary', () => {
  const out = toText({ findings: [], errors: [], notices: [{ file: 'buildspec.yml', message: NOT_A_TEMPLATE }], rules: [], filesScanned: 0, toolVersion: '0.1.0' }).split('\n');
  assert.deepEqual(out.slice(0, 2), ['Not analysed:', `  buildspec.yml  notice  ${NOT_A_TEMPLATE}`]);
  assert.equal(out[out.length - 2], 'no template or CDK source found (0 errors, 0 warnings, 0 info) · 1 file not analysed (not a template) · 0 files scanned');
});

test('a clean scan reports no problems', () => {
  const out = toText({ findings: [], errors: [], rules: [], filesScanned: 1, toolVersion: '0.1.0' });
  assert.equal(out, '✔ no problems (0 errors, 0 warnings, 0 info) · 1 file scanned\n');
});

test('colour is off by default and dims suppressed lines when on', () => {
  assert.ok(!text.includes('\u001b'));
  const coloured = toText(hostileScan(), { color: true }).split('\n');
  const suppressed = coloured.find((l) => l.includes('LG002'));
  assert.ok(suppressed?.startsWith('\u001b[2m'));
  const error = coloured.find((l) => l.includes('LG006'));
  assert.ok(error?.includes('\u001b[31merror'));
});

test('data cannot inject terminal escape sequences', () => {
  const r = hostileScan();
  r.findings[0].message = 'bad \u001b[2J\u001b]0;title\u0007 message';
  assert.ok(!toText(r).includes('\u001b'));
});

test('the branch is not repeated when the message already names it', () => {
  const r = hostileScan();
  const f = r.findings.find((x) => x.ruleId === 'LG012');
  assert.ok(f);
  f.message = 'Unknown action s3:GetObjekt (when IsProd=true)';
  const line = toText(r).split('\n').find((l) => l.includes('LG012'));
  assert.equal(line?.split('IsProd=true').length, 2);
});
