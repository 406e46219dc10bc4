import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withAlpha } from '../../../media/dashboard/color';
import { chartSummary } from '../../../media/dashboard/headerView';
import { evidenceValueText, relativeText, timeText, type Fmt } from '../../../media/dashboard/format';
import { overviewTable } from '../../../media/dashboard/overviewTable';
import { peersTable, type ViewCtx } from '../../../media/dashboard/tables';
import { Toolbar } from '../../../media/dashboard/toolbar';
import type { PeerRow, RangeChoice } from '../../../src/shared/protocol';
import { FakeDocument, FakeElement } from './fakeDom';

// 1_700_000_000 is 2023-11-14 22:13:20 UTC.
const fmt: Fmt = { locale: 'en-US', timeZone: 'UTC', now: () => 1_700_000_000_000 };

test('times for people: local (here UTC) time, relative durations, ISO evidence values', () => {
  assert.equal(timeText(1_700_000_000, fmt), 'Nov 14, 22:13');
  assert.equal(timeText(1_600_000_000, fmt), 'Sep 13, 2020, 12:26', 'another year is named');
  assert.equal(relativeText(1_700_000_000_000 - 3 * 3_600_000, fmt), '3 hours ago');
  assert.equal(relativeText(1_700_000_000_000 - 90_000, fmt), '2 minutes ago');
  assert.equal(evidenceValueText('2023-11-14T22:13:20.000Z', fmt), 'Nov 14, 22:13:20');
  assert.equal(evidenceValueText('not a time', fmt), 'not a time');
});

test('a chart summary says the total, the peak and when, and the latest value', () => {
  const ctx = { doc: new FakeDocument(), fmt, post: () => undefined };
  const s = chartSummary(ctx, { id: 'invocations', title: 'Invocations', unit: 'count', period: 300, timestamps: [1_700_000_000, 1_700_000_300, 1_700_000_600], lines: [{ label: 'Invocations', values: [1200, 3400, null] }] });
  assert.equal(s, 'Invocations per 5 minutes: total 4,600, peak 3,400 at Nov 14, 22:18, latest 3,400');
  const d = chartSummary(ctx, { id: 'duration', title: 'Duration', unit: 'ms', timestamps: [1_700_000_000], lines: [{ label: 'p50', values: [850] }, { label: 'p99', values: [1250] }] });
  assert.equal(d, 'Duration: p50 peak 850 ms at Nov 14, 22:13, latest 850 ms; p99 peak 1.25 s at Nov 14, 22:13, latest 1.25 s');
});

test('theme colours take another opacity for the band', () => {
  assert.equal(withAlpha('#1a85ff', 0.2), 'rgba(26, 133, 255, 0.2)');
  assert.equal(withAlpha(' #abc', 0.5), 'rgba(170, 187, 204, 0.5)');
  assert.equal(withAlpha('rgb(1, 2, 3)', 0.4), 'rgba(1, 2, 3, 0.4)');
  assert.equal(withAlpha('rgba(1,2,3,0.9)', 0.4), 'rgba(1, 2, 3, 0.4)');
  assert.equal(withAlpha('red', 0.4), 'red');
});

const peer = (p: string, bytes: number, isNew = false): PeerRow => ({ peer: p, label: 'x', port: 443, protocol: 'TCP', direction: 'egress', bytes, packets: 1, accepted: 1, rejected: 0, first: 0, last: 0, isNew });

function ctx(): ViewCtx & { doc: FakeDocument } {
  return { doc: new FakeDocument(), fmt, post: () => undefined };
}

const order = (t: FakeElement): string[] => t.findAll('tr').slice(1).map((tr) => tr.getAttribute('data-key')!.split('|')[0]);

test('the peers table sorts by a header click, both ways, keeps the order when new rows arrive, and says so in aria-sort', () => {
  const sorts: unknown[] = [];
  const table = peersTable(ctx(), { onSort: (s) => sorts.push(s) });
  const el = table.element as FakeElement;
  table.setRows([peer('10.0.0.2', 5), peer('10.0.0.1', 50), peer('10.0.0.3', 500, true)]);
  assert.deepEqual(order(el), ['10.0.0.2', '10.0.0.1', '10.0.0.3'], 'the model order first');
  const bytes = el.findAll('button').find((b) => b.textContent === 'Bytes')!;
  bytes.fire('click');
  assert.deepEqual(order(el), ['10.0.0.3', '10.0.0.1', '10.0.0.2'], 'largest first');
  bytes.fire('click');
  assert.deepEqual(order(el), ['10.0.0.2', '10.0.0.1', '10.0.0.3']);
  const th = el.findAll('th').find((h) => h.textContent === 'Bytes')!;
  assert.equal(th.getAttribute('aria-sort'), 'ascending');
  // A live refresh: new data, same sort.
  table.setRows([peer('10.0.0.9', 7), peer('10.0.0.1', 1)]);
  assert.deepEqual(order(el), ['10.0.0.1', '10.0.0.9']);
  assert.deepEqual(sorts, [{ key: 'bytes', dir: 'desc' }, { key: 'bytes', dir: 'asc' }]);
  const newRow = el.findAll('tr').find((tr) => tr.getAttribute('class') === 'new-peer');
  assert.equal(newRow, undefined, 'no new peer in the refreshed rows');
  table.setRows([]);
  assert.equal(el.findAll('tr')[1].textContent, 'No flow records for these network interfaces in this range.');
});

test('new peers are marked on their row and by a badge with an explanation', () => {
  const table = peersTable(ctx(), {});
  table.setRows([peer('10.0.0.3', 500, true)]);
  const el = table.element as FakeElement;
  assert.equal(el.findAll('tr')[1].getAttribute('class'), 'new-peer');
  const badge = el.find((e) => e.getAttribute('class') === 'badge-new')!;
  assert.equal(badge.textContent, 'new');
  assert.equal(badge.getAttribute('title'), 'Not in the learned peer set (LG102)');
});

test('the range picker: presets, a custom range checked before it is asked for, the pressed state', () => {
  const chosen: RangeChoice[] = [];
  const c = ctx();
  const bar = new Toolbar(c, { range: (r) => chosen.push(r), refresh: () => undefined, savePng: () => undefined, saveCsv: () => undefined });
  const el = bar.element as FakeElement;
  const btn = (label: string) => el.findAll('button').find((b) => b.textContent === label)!;
  btn('7 d').fire('click');
  assert.deepEqual(chosen, [{ kind: '7d' }]);
  bar.setChoice({ kind: '7d' }, { start: 0, end: 1 });
  assert.equal(btn('7 d').getAttribute('aria-pressed'), 'true');
  assert.equal(btn('24 h').getAttribute('aria-pressed'), 'false');
  btn('Custom…').fire('click');
  assert.equal(btn('Custom…').getAttribute('aria-expanded'), 'true');
  const [from, to] = el.findAll('input') as (FakeElement & { value?: string })[];
  from.value = '2024-01-02T10:00';
  to.value = '2024-01-02T09:00';
  btn('Apply').fire('click');
  assert.equal(el.find((e) => e.getAttribute('role') === 'alert')!.textContent, 'The range must end after it starts.');
  assert.equal(chosen.length, 1, 'nothing asked for');
  to.value = '2024-01-02T12:00';
  btn('Apply').fire('click');
  assert.deepEqual(chosen[1], { kind: 'custom', start: new Date('2024-01-02T10:00').getTime(), end: new Date('2024-01-02T12:00').getTime() });
});

test('the overview names each function as a link and counts its alerts and findings in words', () => {
  const posted: unknown[] = [];
  const c = { doc: new FakeDocument(), fmt, post: (m: unknown) => posted.push(m) };
  const table = overviewTable(c, {});
  table.setRows([{ functionName: 'api', region: 'us-east-1', arn: 'arn:api', alerts: 2, worstAlert: 'error', errors: 1, warnings: 2, invocations: 12_345, spark: [1, 2] }]);
  const row = (table.element as FakeElement).findAll('tr')[1];
  assert.deepEqual(row.findAll('td').map((td) => td.textContent), ['api', 'us-east-1', 'error 2', '1 error, 2 warnings', '12,345']);
  row.findAll('button')[0].fire('click');
  assert.deepEqual(posted, [{ type: 'command', name: 'openFunction', arn: 'arn:api' }]);
});
