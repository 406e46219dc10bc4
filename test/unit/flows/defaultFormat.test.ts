import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { FlowAggregator } from '../../../src/core/flows/flowAggregator';
import { aggregateFlowStream } from '../../../src/core/flows/flowSource';
import type { FlowSummary } from '../../../src/core/inventory/telemetryModel';
import { aggregate, chunked, fixture } from './flowTestKit';

// default-v2.log, worked out by hand (see the fixture): eni-…0001 is 10.0.1.10 — the only address in
// every one of its flow groups — talking to postgres (3 records), to an https host (2 records, both
// directions) and rejecting ssh twice from the internet; eni-…0002 has one NTP record with equal ports.
const ENI1 = 'eni-0a1b2c3d4e5f60001';
const ENI2 = 'eni-0a1b2c3d4e5f60002';
const EXPECTED: FlowSummary[] = [
  { interfaceId: ENI1, localAddr: '10.0.1.10', peer: '10.0.2.20', port: 5432, protocol: 6, direction: 'egress', bytes: 5500, packets: 23, accepted: 3, rejected: 0, first: 1700000000, last: 1700000160 },
  { interfaceId: ENI1, localAddr: '10.0.1.10', peer: '198.51.100.7', port: 22, protocol: 6, direction: 'ingress', bytes: 80, packets: 2, accepted: 0, rejected: 2, first: 1700000200, last: 1700000300 },
  { interfaceId: ENI1, localAddr: '10.0.1.10', peer: '52.94.0.5', port: 443, protocol: 6, direction: 'egress', bytes: 48000, packets: 50, accepted: 2, rejected: 0, first: 1700003700, last: 1700003760 },
  { interfaceId: ENI2, localAddr: '10.0.3.30', peer: '10.0.3.31', port: 123, protocol: 17, direction: 'unknown', bytes: 152, packets: 2, accepted: 1, rejected: 0, first: 1700000000, last: 1700000010 },
];

test('default v2 file: flows, totals, gaps and skipped lines as worked out by hand', async () => {
  const r = await aggregate(fixture('default-v2.log'), { hourly: false, source: 'default-v2.log' });
  assert.equal(r.records, 8);
  assert.deepEqual(r.skipped, { nodata: 1, skipdata: 1, malformed: 2, header: 0 });
  assert.deepEqual(r.flows, EXPECTED);
  assert.deepEqual(r.gaps, [
    { interfaceId: ENI1, nodata: 1, skipdata: 0 },
    { interfaceId: ENI2, nodata: 0, skipdata: 1 },
  ]);
  assert.deepEqual(r.malformed, [
    { source: 'default-v2.log', line: 11, reason: '6 fields where the layout has 14' },
    { source: 'default-v2.log', line: 12, reason: 'bytes "abc" is not valid' },
  ]);
});

test('hour buckets: the same groups fall in their hours; first and last stay inside them', async () => {
  const r = await aggregate(fixture('default-v2.log'), { hourly: true });
  // All of the file's flows sit inside one hour each, so the rows are the same as without buckets.
  assert.deepEqual(r.flows, EXPECTED);
  const text = [
    // 22:59:00–23:01:00 UTC: starts in the 22:00 hour, ends in the next one.
    '2 1 eni-1 10.0.0.1 10.0.0.2 40000 443 6 1 100 1700002740 1700002860 ACCEPT OK',
    '2 1 eni-1 10.0.0.1 10.0.0.2 40001 443 6 2 200 1700002900 1700002960 ACCEPT OK',
  ].join('\n');
  const h = await aggregate(text, { hourly: true });
  assert.deepEqual(
    h.flows.map((f) => [f.bytes, f.first, f.last]),
    [
      [100, 1700002740, 1700002799],
      [200, 1700002900, 1700002960],
    ],
  );
  const whole = await aggregate(text, { hourly: false });
  assert.deepEqual(
    whole.flows.map((f) => [f.bytes, f.first, f.last]),
    [[300, 1700002740, 1700002960]],
  );
});

test('CRLF line ends and a missing final newline read the same as LF', async () => {
  const lf = fixture('default-v2.log').toString('latin1');
  const crlf = await aggregate(lf.replace(/\n/g, '\r\n'), { hourly: false });
  const noFinal = await aggregate(lf.replace(/\n$/, ''), { hourly: false });
  assert.deepEqual(crlf.flows, EXPECTED);
  assert.equal(crlf.records, 8);
  assert.deepEqual(crlf.skipped, { nodata: 1, skipdata: 1, malformed: 2, header: 0 });
  assert.deepEqual(noFinal.flows, EXPECTED);
  assert.deepEqual(noFinal.skipped, crlf.skipped);
  // The last line (a bad record) is still read and reported without its newline.
  assert.equal(noFinal.malformed[1].line, 12);
});

test('records split across chunk boundaries (every 7th byte), one-byte chunks, odd chunk sizes with CRLF', async () => {
  const buf = fixture('default-v2.log');
  for (let k = 1; k < buf.length; k += 7) {
    const r = await aggregate([buf.subarray(0, k), buf.subarray(k)], { hourly: false });
    assert.deepEqual(r.flows, EXPECTED, `split at ${k}`);
    assert.equal(r.records, 8);
  }
  const bytes = await aggregate(chunked(buf, [1]), { hourly: false });
  assert.deepEqual(bytes.flows, EXPECTED);
  assert.deepEqual(bytes.skipped, { nodata: 1, skipdata: 1, malformed: 2, header: 0 });
  const odd = await aggregate(chunked(Buffer.from(buf.toString('latin1').replace(/\n/g, '\r\n'), 'latin1'), [3, 17, 1, 64]), { hourly: false });
  assert.deepEqual(odd.flows, EXPECTED);
});

test('gzip input is detected by its magic bytes and read as a stream, in any chunking', async () => {
  const gz = gzipSync(fixture('default-v2.log'));
  const r = await aggregate(chunked(gz, [5, 1, 40]), { hourly: false });
  assert.deepEqual(r.flows, EXPECTED);
  assert.equal(r.records, 8);
});

test('malformed records: each bad field is named, nothing is aggregated from them', async () => {
  const lines = [
    '2 1 eni-1 10.0.0.1 10.0.0.2 70000 443 6 1 100 1700000000 1700000060 ACCEPT OK', // port out of range
    '2 1 eni-1 10.0.0.1 10.0.0.2 40000 443 6 1 100 1700000000 1700000060 MAYBE OK', // action
    '2 1 eni-1 10.0.0.1 10.0.0.2 40000 443 6 1 100 1700000000 1700000060 ACCEPT DONE', // log-status
    '2 1 eni-1 - 10.0.0.2 40000 443 6 1 100 1700000000 1700000060 ACCEPT OK', // no source address
    '2 1 eni-1 10.0.0.1 10.0.0.2 40000 443 6 1 1000000000000000 1700000000 1700000060 ACCEPT OK', // 16 digits
    '2 1 eni-1 10.0.0.1 10.0.0.2 40000 443 300 1 100 1700000000 1700000060 ACCEPT OK', // protocol
    '2 1 eni-1 10.0.0.1  10.0.0.2 40000 443 6 1 100 1700000000 1700000060 ACCEPT OK', // double space: 15 fields
    '2 1 eni-1 10.0.0.1 10.0.0.2 40000 443 6 1 100 1700000000 1700000060 ACCEPT OK extra',
    '',
    '   ',
  ];
  const r = await aggregate(lines.join('\n'));
  assert.equal(r.records, 0);
  assert.deepEqual(r.flows, []);
  assert.deepEqual(
    r.malformed.map((m) => [m.line, m.reason]),
    [
      [1, 'srcport "70000" is not valid'],
      [2, 'action "MAYBE" is not valid'],
      [3, 'log-status "DONE"'],
      [4, 'srcaddr is "-"'],
      [5, 'bytes "1000000000000000" is not valid'],
      [6, 'protocol "300" is not valid'],
      [7, '15 fields where the layout has 14'],
      [8, '15 fields where the layout has 14'],
      [10, '4 fields where the layout has 14'],
    ],
  );
  assert.equal(r.skipped.malformed, 9, 'the empty line 9 is ignored, the blank-but-spaces line 10 is not a record');
});

test('ICMP and other records without ports: port 0, direction unknown; "-" ports read as 0', async () => {
  const r = await aggregate(
    [
      '2 1 eni-1 10.0.0.1 10.0.0.2 0 0 1 1 84 1700000000 1700000000 ACCEPT OK',
      '2 1 eni-1 10.0.0.2 10.0.0.1 - - 1 1 84 1700000001 1700000001 ACCEPT OK',
    ].join('\n'),
    { hourly: false, localAddresses: new Map([['eni-1', ['10.0.0.1']]]) },
  );
  assert.deepEqual(
    r.flows.map((f) => [f.localAddr, f.peer, f.port, f.protocol, f.direction, f.bytes, f.accepted]),
    [['10.0.0.1', '10.0.0.2', 0, 1, 'unknown', 168, 2]],
  );
});

test('a line longer than 64 KiB is reported once and the next line is read', async () => {
  const long = `2 1 eni-1 ${'9'.repeat(70 * 1024)}`;
  const good = '2 1 eni-1 10.0.0.1 10.0.0.2 40000 443 6 1 100 1700000000 1700000060 ACCEPT OK';
  const r = await aggregate(chunked(Buffer.from(`${long}\n${good}\n`), [4096]));
  assert.equal(r.records, 1);
  assert.deepEqual(
    r.malformed.map((m) => [m.line, m.reason]),
    [[1, 'line longer than 64 KiB']],
  );
});

test('memory follows flows, not lines: rejected lines intern nothing, repeated flows add no entries', async () => {
  const bad = Array.from({ length: 2000 }, (_, i) => `2 1 eni-${i.toString(16)} fe80::${i.toString(16)} 10.0.0.2 40000 443 6 1 100 1700000000 1700000060 MAYBE OK`);
  const good = Array.from({ length: 2000 }, (_, i) => `2 1 eni-1 2600::1 10.0.0.2 ${40000 + i} 443 6 1 100 1700000000 1700000060 ACCEPT OK`);
  const agg = new FlowAggregator({ hourly: false });
  await aggregateFlowStream(Readable.from([Buffer.from([...bad, ...good].join('\n'))]), agg);
  assert.equal(agg.skipped.malformed, 2000);
  assert.equal(agg.records, 2000);
  assert.equal(agg.strings.size, 2, 'only eni-1 and 2600::1: the 2,000 rejected lines left no strings behind');
  assert.equal(agg.result().flows.length, 1);
});
