import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toMarkdown } from '../../../src/core/report/markdownReport';
import { hostileScan } from '../../fixtures/report/hostileScan';

const md = toMarkdown(hostileScan());
const lines = md.split('\n');

/** Cells of a GFM table row, splitting only on unescaped pipes. */
function cells(row: string): string[] {
  return row.slice(2, -2).split(/(?<!\\) \| /);
}

test('summary line counts problems per severity, suppressed findings and scan errors', () => {
  assert.ok(lines.includes('lambda-guard 0.1.0 · 4 files scanned · **5 problems** (1 error, 3 warnings, 1 info) · 1 suppressed · 2 scan errors'));
});

test('findings table: one row per live finding, sorted, every row with exactly five cells', () => {
  const start = lines.indexOf('| Severity | Rule | Location | Resource | Message |');
  const rows = lines.slice(start + 2, lines.indexOf('', start));
  assert.equal(rows.length, 5);
  for (const row of rows) {
    assert.equal(row.split(/(?<!\\)\|/).length - 2, 5, row);
  }
  assert.deepEqual(rows.map((row) => cells(row)[2]), [
    'cdk/lib/stack &lt;x&gt;.ts:12:1',
    'infra/template.yaml:3:5',
    'infra/template.yaml:41:7',
    'arn:aws:lambda:eu-west-1:123456789012:function:Thumbs',
    'arn:aws:lambda:us-east-1:123456789012:function:Resizer \\(Resizer, us-east-1\\)',
  ]);
  const lg006 = cells(rows[1]);
  assert.equal(lg006[0], '🔴 error');
  assert.equal(lg006[1], 'LG006', 'a plain id: the rule pages ship with the tool, not on a web page');
  assert.equal(lg006[4], 'Principal "\\*" may invoke &lt;script&gt;alert\\("pwned"\\)&lt;/script&gt; second line \\| with a pipe');
});

test('suppressed findings are listed apart with their reason', () => {
  const i = lines.indexOf('## Suppressed (1)');
  assert.ok(i > 0);
  const row = cells(lines[i + 4]);
  assert.equal(row[0], 'LG002');
  assert.equal(row[2], 'legacy bucket &lt;script&gt;alert\\("pwned"\\)&lt;/script&gt; &amp; "quoted"');
});

test('scan errors and fix hints are listed', () => {
  assert.ok(lines.includes('## Scan errors (2)'));
  assert.ok(lines.some((l) => l.startsWith('| infra/broken.yaml:3:5 | could not parse: &lt;/td&gt;')));
  assert.ok(lines.includes('| infra/unreadable.json | EACCES: permission denied |'));
  assert.ok(lines.includes('- LG007 **Service principal without SourceArn**: Add SourceArn &lt;b&gt;and&lt;/b&gt; SourceAccount.'));
  assert.ok(!lines.some((l) => l.startsWith('- LG002')), 'suppressed-only rules need no fix hint');
});

test('no raw HTML from the data survives', () => {
  assert.ok(!/<(script|img|b|\/td)\b/i.test(md));
});

test('an empty scan says so', () => {
  const out = toMarkdown({ findings: [], errors: [], rules: [], filesScanned: 2, toolVersion: '0.1.0' });
  assert.ok(out.includes('No problems found.'));
  assert.ok(!out.includes('## Scan errors'));
  assert.ok(out.endsWith('\n'));
});
