import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { FlowAggregator } from '../../../src/core/flows/flowAggregator';
import { DEFAULT_FIELDS, FlowFormatError, layoutFromHeader, layoutVersion, missingFlowFields, parseLogFormat } from '../../../src/core/flows/flowLayout';
import { addFlowLogEvents, interfaceOfStream } from '../../../src/core/flows/flowLogEvents';
import { aggregateFlowStream, FlowSourceError } from '../../../src/core/flows/flowSource';
import { aggregate, fixture } from './flowTestKit';

const V5_FORMAT =
  '${version} ${account-id} ${interface-id} ${srcaddr} ${dstaddr} ${srcport} ${dstport} ${protocol} ${packets} ${bytes} ${start} ${end} ${action} ${log-status} ' +
  '${vpc-id} ${subnet-id} ${tcp-flags} ${type} ${pkt-srcaddr} ${pkt-dstaddr} ${region} ${az-id} ${pkt-src-aws-service} ${pkt-dst-aws-service} ${flow-direction} ${traffic-path}';

test('LogFormat: default when empty, fields in any order, bad tokens and duplicates refused', () => {
  assert.deepEqual(parseLogFormat(undefined).fields, DEFAULT_FIELDS);
  assert.deepEqual(parseLogFormat('  ').fields, DEFAULT_FIELDS);
  const l = parseLogFormat('${dstport}  ${srcaddr} ${flow-direction}\n${some-future-field}');
  assert.deepEqual(l.fields, ['dstport', 'srcaddr', 'flow-direction', 'some-future-field']);
  assert.equal(l.origin, 'logFormat');
  assert.throws(() => parseLogFormat('${srcaddr} dstaddr'), (e: Error) => e instanceof FlowFormatError && /"dstaddr" is not a \$\{field-name\}/.test(e.message));
  assert.throws(() => parseLogFormat('${srcaddr} ${srcaddr}'), /names the field "srcaddr" twice/);
  assert.deepEqual(missingFlowFields(parseLogFormat('${srcaddr} ${dstaddr} ${bytes}')), ['srcport', 'dstport', 'protocol', 'packets', 'start', 'action']);
  assert.equal(layoutVersion(parseLogFormat(V5_FORMAT)), 5);
  assert.equal(layoutVersion(parseLogFormat('${srcaddr} ${tcp-flags}')), 3);
  assert.equal(layoutVersion(parseLogFormat(undefined)), 2);
  assert.deepEqual(layoutFromHeader('version srcaddr az-id').fields, ['version', 'srcaddr', 'az-id']);
});

test('custom v3–v5 format: SYN / SYN-ACK pick the service port, flow-direction and pkt-srcaddr pick the local side', async () => {
  const r = await aggregate(fixture('custom-v5.log'), { layout: parseLogFormat(V5_FORMAT), hourly: false });
  assert.equal(r.records, 5);
  assert.deepEqual(r.skipped, { nodata: 1, skipdata: 0, malformed: 0, header: 0 });
  assert.deepEqual(
    r.flows.map((f) => [f.interfaceId, f.localAddr, f.peer, f.port, f.direction, f.bytes, f.packets, f.accepted, f.rejected, f.first, f.last]),
    [
      // Client port 3306 ranks as a service port, but the SYN went to 20000 and the SYN-ACK came from it.
      ['eni-0c0000000000000c1', '10.0.1.10', '10.0.8.8', 20000, 'egress', 300, 5, 2, 0, 1700000000, 1700000005],
      ['eni-0c0000000000000c1', '10.0.1.10', '203.0.113.9', 8443, 'ingress', 44, 1, 0, 1, 1700000200, 1700000200],
      ['eni-0c0000000000000c1', '10.0.1.10', '52.216.10.10', 443, 'egress', 1500, 10, 1, 0, 1700000100, 1700000160],
      // No flow-direction: srcaddr 10.0.4.4 stands in for the pod 10.0.4.77 (pkt-srcaddr), so the source is local.
      ['eni-0c0000000000000c2', '10.0.4.4', '10.0.2.20', 5432, 'egress', 400, 4, 1, 0, 1700000300, 1700000360],
    ],
  );
  assert.deepEqual(r.gaps, [{ interfaceId: 'eni-0c0000000000000c2', nodata: 1, skipdata: 0 }]);
});

test('S3 export: gzip with a header line in a custom order; the header is the layout', async () => {
  const gz = gzipSync(fixture('s3-export.log'));
  for (const input of [gz, fixture('s3-export.log')]) {
    const r = await aggregate(input, { hourly: false });
    assert.equal(r.records, 2);
    assert.deepEqual(r.skipped, { nodata: 1, skipdata: 0, malformed: 0, header: 1 });
    assert.deepEqual(
      r.flows.map((f) => [f.interfaceId, f.localAddr, f.peer, f.port, f.direction, f.bytes, f.packets, f.accepted]),
      [['eni-0d0000000000000d1', '10.0.1.10', '10.0.2.20', 6379, 'egress', 3600, 24, 2]],
    );
  }
});

test('concatenated exports: a second header switches the layout for the lines after it', async () => {
  const text = [
    'version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status',
    '2 1 eni-1 10.0.0.1 10.0.0.2 40000 443 6 1 100 1700000000 1700000060 ACCEPT OK',
    'srcaddr dstaddr srcport dstport protocol packets bytes start action interface-id',
    '10.0.0.1 10.0.0.2 40001 443 6 2 200 1700000100 ACCEPT eni-1',
  ].join('\n');
  const r = await aggregate(text, { hourly: false, localAddresses: new Map([['eni-1', ['10.0.0.1']]]) });
  assert.equal(r.skipped.header, 2);
  assert.deepEqual(
    r.flows.map((f) => [f.peer, f.port, f.bytes, f.packets, f.accepted, f.first, f.last]),
    [['10.0.0.2', 443, 300, 3, 2, 1700000000, 1700000100]],
  );
});

test('a header that lacks required fields makes its lines malformed, with the reason', async () => {
  const r = await aggregate('version interface-id srcaddr\n2 eni-1 10.0.0.1\n');
  assert.equal(r.records, 0);
  assert.deepEqual(
    r.malformed.map((m) => [m.line, m.reason]),
    [[2, 'the header lacks dstaddr, srcport, dstport, protocol, packets, bytes, start, action']],
  );
});

test('CloudWatch Logs messages: no header, the layout from LogFormat, the stream name when interface-id is absent', () => {
  const layout = parseLogFormat('${srcaddr} ${dstaddr} ${srcport} ${dstport} ${protocol} ${packets} ${bytes} ${start} ${end} ${action}');
  const agg = new FlowAggregator({ hourly: false });
  addFlowLogEvents(agg, layout, [
    { logStreamName: 'eni-0abc123-all', message: '10.0.1.10 10.0.2.20 41000 443 6 3 300 1700000000 1700000060 ACCEPT' },
    { logStreamName: 'eni-0abc123-all', message: '10.0.2.20 10.0.1.10 443 41000 6 4 4000 1700000000 1700000060 ACCEPT' },
    { logStreamName: 'eni-0def456-reject', message: '198.51.100.1 10.0.9.9 55555 22 6 1 40 1700000000 1700000000 REJECT' },
    { logStreamName: 'not-an-eni', message: '10.0.1.10 10.0.2.20 41000 443 6 3 300 1700000000 1700000060 ACCEPT' },
    { logStreamName: 'eni-0abc123-all' },
  ]);
  const r = agg.result();
  assert.equal(r.records, 3);
  assert.deepEqual(
    r.flows.map((f) => [f.interfaceId, f.localAddr, f.peer, f.port, f.direction, f.bytes]),
    [
      ['eni-0abc123', '10.0.1.10', '10.0.2.20', 443, 'egress', 4300],
      ['eni-0def456', '10.0.9.9', '198.51.100.1', 22, 'ingress', 40],
    ],
  );
  assert.deepEqual(
    r.malformed.map((m) => m.reason),
    ['no interface-id'],
  );
  assert.equal(interfaceOfStream('eni-0abc123-accept'), 'eni-0abc123');
  assert.equal(interfaceOfStream('foo'), undefined);
});

test('Parquet is refused with a clear message; a damaged gzip stream names how far it got', async () => {
  const agg = new FlowAggregator();
  const parquet = Buffer.concat([Buffer.from('PAR1'), Buffer.alloc(64)]);
  await assert.rejects(
    aggregateFlowStream(Readable.from([parquet]), agg, { source: 'x.parquet' }),
    (e: Error) => e instanceof FlowSourceError && e.message === 'x.parquet: a Parquet file; only text flow logs (plain or gzip) are supported — export the flow log as text',
  );
  const gz = gzipSync(fixture('default-v2.log'));
  const damaged = Buffer.concat([gz.subarray(0, 200), Buffer.alloc(50, 0x41)]);
  await assert.rejects(aggregateFlowStream(Readable.from([damaged]), agg, { source: 'bad.gz' }), (e: Error) => e instanceof FlowSourceError && /^bad\.gz: damaged gzip data after line \d+/.test(e.message));
});

test('an empty stream and a stream of blank lines give nothing and no error', async () => {
  for (const input of ['', '\n\n\r\n']) {
    const r = await aggregate(input);
    assert.equal(r.records, 0);
    assert.deepEqual(r.skipped, { nodata: 0, skipdata: 0, malformed: 0, header: 0 });
  }
});
