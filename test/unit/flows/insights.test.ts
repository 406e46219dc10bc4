import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FlowAggregator } from '../../../src/core/flows/flowAggregator';
import { parseLogFormat } from '../../../src/core/flows/flowLayout';
import { flowGapsQuery, flowStatsQuery, FlowQueryError, LISTED_SERVICE_PORTS, serviceKeyExpr } from '../../../src/core/flows/insightsQuery';
import { addInsightsFlowRows, addInsightsGapRows, decodeServiceKey, InsightsRow } from '../../../src/core/flows/insightsResults';
import { servicePortOf, serviceSide, SIDE_DST, SIDE_SRC } from '../../../src/core/flows/servicePorts';

const DEFAULT = parseLogFormat(undefined);

test('stats query for the default format: discovered fields, interface filter, service key, hourly groups, row limit', () => {
  const q = flowStatsQuery(DEFAULT, { interfaceIds: ['eni-0aa', 'eni-0bb'] });
  const parts = q.queryString.split('\n| ');
  assert.deepEqual(parts[0], 'filter interfaceId in ["eni-0aa", "eni-0bb"]');
  assert.deepEqual(parts[1], 'filter logStatus = "OK"');
  assert.equal(parts[2], `fields ${serviceKeyExpr()} as svc`);
  assert.equal(
    parts[3],
    'stats sum(bytes) as sumBytes, sum(packets) as sumPackets, count(*) as records, min(startTime) as firstStart, max(endTime) as lastEnd ' +
      'by interfaceId, srcAddr, dstAddr, svc, protocol, action, bin(1h) as hour',
  );
  assert.deepEqual(parts.slice(4), ['sort sumBytes desc', 'limit 10000']);
  assert.equal(parts.length, 6);
  assert.equal(q.limit, 10000);
  assert.ok(q.queryString.length < 10000, `StartQuery takes at most 10,000 characters; this is ${q.queryString.length}`);
  const flat = flowStatsQuery(DEFAULT, { hourly: false, limit: 500 }).queryString;
  assert.ok(flat.includes('by interfaceId, srcAddr, dstAddr, svc, protocol, action\n| sort sumBytes desc\n| limit 500'));
  assert.ok(!flat.includes('filter interfaceId'));
});

test('stats query for a custom format: a parse clause from the LogFormat; pkt and flow-direction fields grouped', () => {
  const layout = parseLogFormat('${version} ${interface-id} ${srcaddr} ${dstaddr} ${srcport} ${dstport} ${protocol} ${packets} ${bytes} ${start} ${end} ${action} ${log-status} ${pkt-srcaddr} ${flow-direction}');
  const parts = flowStatsQuery(layout, { hourly: false }).queryString.split('\n| ');
  assert.equal(
    parts[0],
    'parse @message "* * * * * * * * * * * * * * *" as version, interfaceId, srcAddr, dstAddr, srcPort, dstPort, protocol, packets, bytes, startTime, endTime, action, logStatus, pktSrcaddr, flowDirection',
  );
  assert.ok(parts[3].endsWith('by interfaceId, srcAddr, dstAddr, pktSrcaddr, flowDirection, svc, protocol, action'));
  // The default format can be parsed too when discovery is not wanted.
  assert.ok(flowStatsQuery(DEFAULT, { parseFields: true }).queryString.startsWith('parse @message "* * * * * * * * * * * * * *" as version, accountId, interfaceId,'));
});

test('a format without interface-id groups and filters by the log stream (one per ENI)', () => {
  const layout = parseLogFormat('${srcaddr} ${dstaddr} ${srcport} ${dstport} ${protocol} ${packets} ${bytes} ${start} ${action}');
  const q = flowStatsQuery(layout, { interfaceIds: ['eni-01'] }).queryString;
  assert.ok(q.includes('\n| filter @logStream like /^(eni-01)-/'));
  assert.ok(q.includes('max(startTime) as lastEnd by @logStream, srcAddr'), 'no end field: the last start stands in');
  assert.ok(!q.includes('logStatus'));
  assert.equal(flowGapsQuery(layout), undefined);
});

test('queries refuse what they cannot express safely', () => {
  assert.throws(() => flowStatsQuery(DEFAULT, { interfaceIds: ['eni-1"] | stats count(*) #'] }), FlowQueryError);
  assert.throws(() => flowStatsQuery(parseLogFormat('${srcaddr} ${dstaddr}')), /lacks srcport, dstport/);
  const many = Array.from({ length: 400 }, (_, i) => `eni-0${i.toString(16).padStart(16, '0')}`);
  assert.throws(() => flowStatsQuery(DEFAULT, { interfaceIds: many }), /more than StartQuery takes \(10000\): ask for fewer interfaces/);
  assert.equal(flowGapsQuery(DEFAULT, { interfaceIds: ['eni-0aa'] })?.queryString, 'filter interfaceId in ["eni-0aa"]\n| filter logStatus = "NODATA" or logStatus = "SKIPDATA"\n| stats count(*) as records by interfaceId, logStatus');
});

/** Evaluates the generated Insights arithmetic (least / floor / abs, + - * /) for given ports. */
function evalServiceKey(src: number, dst: number): number {
  const expr = serviceKeyExpr();
  assert.match(expr, /^[\sa-zA-Z0-9()+\-*/,]*$/, 'only arithmetic');
  const js = expr
    .replace(/least\(/g, 'Math.min(')
    .replace(/floor\(/g, 'Math.floor(')
    .replace(/abs\(/g, 'Math.abs(')
    .replace(/srcPort/g, String(src))
    .replace(/dstPort/g, String(dst));
  assert.match(js, /^[\sMath.minflorabs0-9()+\-*/,]*$/);
  return new Function(`return ${js};`)() as number;
}

test('the in-query service key agrees with the file path\'s rule (tcp-flags aside) on every pair of interesting ports', () => {
  const ports = [0, 1, 22, 53, 80, 123, 443, 1023, 1024, 1025, 1500, 3000, 3306, 4999, 5432, 6379, 8080, 9999, 11211, 27017, 32767, 32768, 40000, 49152, 60999, 65535];
  assert.ok(LISTED_SERVICE_PORTS.includes(5432) && !LISTED_SERVICE_PORTS.includes(443) && LISTED_SERVICE_PORTS.every((p) => p < 32768));
  for (const s of ports) {
    for (const d of ports) {
      const side = serviceSide(s, d, 6, 0);
      const want = { port: servicePortOf(side, s, d), side: side === SIDE_SRC ? 'src' : side === SIDE_DST ? 'dst' : 'unknown' };
      assert.deepEqual(decodeServiceKey(evalServiceKey(s, d)), want, `${s} → ${d}`);
    }
  }
});

const row = (o: Record<string, string>): InsightsRow => [...Object.entries(o).map(([field, value]) => ({ field, value })), { field: '@ptr', value: 'CmAKJwoj...' }];
/** A `svc` value as Insights computes it: (rank · 65536 + port) · 3 + side (1 source, 0 destination). */
const svc = (port: number, rank: number, side: 'src' | 'dst'): string => String((rank * 65536 + port) * 3 + (side === 'src' ? 1 : 0));

test('GetQueryResults rows become flows, decided like records (local side, direction, accept/reject)', () => {
  // A hand-written response of the hourly stats query for one Lambda ENI (10.0.1.10 known from DescribeNetworkInterfaces).
  const rows: InsightsRow[] = [
    row({ interfaceId: 'eni-0aa', srcAddr: '10.0.1.10', dstAddr: '10.0.2.20', svc: svc(5432, 1, 'dst'), protocol: '6', action: 'ACCEPT', hour: '2023-11-14 22:00:00.000', sumBytes: '1500', sumPackets: '15', records: '2', firstStart: '1700000000', lastEnd: '1700000160' }),
    row({ interfaceId: 'eni-0aa', srcAddr: '10.0.2.20', dstAddr: '10.0.1.10', svc: svc(5432, 1, 'src'), protocol: '6', action: 'ACCEPT', hour: '2023-11-14 22:00:00.000', sumBytes: '4000', sumPackets: '8', records: '1', firstStart: '1700000000', lastEnd: '1700000060' }),
    row({ interfaceId: 'eni-0aa', srcAddr: '203.0.113.9', dstAddr: '10.0.1.10', svc: svc(22, 0, 'dst'), protocol: '6', action: 'REJECT', hour: '2023-11-14 22:00:00.000', sumBytes: '80', sumPackets: '2', records: '2', firstStart: '1700000200', lastEnd: '1700000300' }),
    row({ interfaceId: 'eni-0aa', srcAddr: '10.0.1.10', dstAddr: '10.0.2.20', svc: svc(5432, 1, 'dst'), protocol: '6', action: 'ACCEPT', hour: '2023-11-14 23:00:00.000', sumBytes: '700', sumPackets: '7', records: '1', firstStart: '1700003700', lastEnd: '1700003760' }),
    row({ interfaceId: 'eni-0aa', srcAddr: '10.0.1.10', dstAddr: '10.0.2.20', protocol: '6', action: 'ACCEPT', sumBytes: 'lots' }),
  ];
  const agg = new FlowAggregator({ hourly: true, localAddresses: new Map([['eni-0aa', ['10.0.1.10']]]) });
  const q = flowStatsQuery(DEFAULT, { limit: 5 });
  const summary = addInsightsFlowRows(agg, rows, q);
  assert.deepEqual(summary, { rows: 5, unreadable: 1, truncated: true });
  const r = agg.result();
  assert.equal(r.records, 6);
  assert.deepEqual(r.flows, [
    { interfaceId: 'eni-0aa', localAddr: '10.0.1.10', peer: '10.0.2.20', port: 5432, protocol: 6, direction: 'egress', bytes: 5500, packets: 23, accepted: 3, rejected: 0, first: 1700000000, last: 1700000160 },
    { interfaceId: 'eni-0aa', localAddr: '10.0.1.10', peer: '10.0.2.20', port: 5432, protocol: 6, direction: 'egress', bytes: 700, packets: 7, accepted: 1, rejected: 0, first: 1700003700, last: 1700003760 },
    { interfaceId: 'eni-0aa', localAddr: '10.0.1.10', peer: '203.0.113.9', port: 22, protocol: 6, direction: 'ingress', bytes: 80, packets: 2, accepted: 0, rejected: 2, first: 1700000200, last: 1700000300 },
  ]);
  assert.equal(r.malformed[0].line, 5);
  assert.equal(r.malformed[0].reason, 'Logs Insights row lacks or garbles sumBytes, sumPackets, records, firstStart, lastEnd');
  assert.equal(addInsightsFlowRows(new FlowAggregator(), rows.slice(0, 2), q).truncated, false);
});

test('gap rows become FlowGaps; rows by log stream name their interface', () => {
  const agg = new FlowAggregator();
  addInsightsGapRows(agg, [
    row({ interfaceId: 'eni-0aa', logStatus: 'NODATA', records: '12' }),
    row({ '@logStream': 'eni-0bb-all', logStatus: 'SKIPDATA', records: '3' }),
    row({ interfaceId: 'eni-0aa', logStatus: 'SKIPDATA', records: '1' }),
    row({ logStatus: 'NODATA', records: '1' }),
  ]);
  const r = agg.result();
  assert.deepEqual(r.gaps, [
    { interfaceId: 'eni-0aa', nodata: 12, skipdata: 1 },
    { interfaceId: 'eni-0bb', nodata: 0, skipdata: 3 },
  ]);
  assert.deepEqual(r.skipped, { nodata: 12, skipdata: 4, malformed: 1, header: 0 });
});
