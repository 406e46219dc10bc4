/**
 * The Logs Insights paths of collectTelemetry. Everything else (flow logs, log groups and their sizes,
 * trails, S3, metrics) is moto, seeded as in telemetry.test.ts; StartQuery / GetQueryResults / StopQuery
 * are answered by a FIXTURE (insightsFixture.ts), NOT moto — moto runs no `stats`. The fixture's rows are
 * what AWS's engine makes of the seeded records, written by hand (the `svc` column encodes the service
 * port and its side as insightsQuery.ts documents: 443 on the destination side is 443·3 = 1329, on the
 * source side 1330; 5432 ranks as a listed service port, (65536 + 5432)·3 = 212904).
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { AccountSnapshot } from '../../../src/core/inventory/accountModel';
import type { Telemetry } from '../../../src/core/inventory/telemetryModel';
import type { TelemetryTuning } from '../../../src/core/inventory/aws/telemetryTuning';
import type { Harness } from './awsHarness';
import { insightsHour, InsightsFixture, type QueryAnswer, type SentQuery } from './insightsFixture';
import { roleArn } from './seedData';
import { startTelemetryHarness, type TelemetryIds } from './seedTelemetry';
import * as d from './telemetryData';

let h: Harness;
let tids: TelemetryIds;
let snap: AccountSnapshot;
const window = d.WINDOW;
const FAST: TelemetryTuning = { insightsPollMs: 5, insightsMaxPollMs: 20 };

before(async () => {
  ({ h, tids, snap } = await startTelemetryHarness());
});
after(() => h.stop());
beforeEach(() => h.proxy.reset());

const s = (n: number): string => String(n);
type Row = Record<string, string>;

/** The engine's answer to the flow stats queries: one row per interface, addresses, service key, action and hour. */
function flowRows(): Row[] {
  const a = { interfaceId: h.ids.eniA, protocol: '6', records: '1' };
  const c = { '@logStream': `${h.ids.eniC}-all`, protocol: '6', records: '1', action: 'ACCEPT' };
  const row = (r: Row, first: number, last: number, bytes: number, packets: number): Row => ({ ...r, hour: insightsHour(first), sumBytes: s(bytes), sumPackets: s(packets), firstStart: s(first), lastEnd: s(last) });
  return [
    row({ ...a, srcAddr: '10.20.1.10', dstAddr: d.RDS_IP, svc: '212904', action: 'ACCEPT' }, d.T0, d.T0 + 60, 1000, 10),
    row({ ...a, srcAddr: d.RDS_IP, dstAddr: '10.20.1.10', svc: '212905', action: 'ACCEPT' }, d.T0, d.T0 + 60, 800, 8),
    row({ ...a, srcAddr: '10.20.1.10', dstAddr: '52.94.0.10', svc: '1329', action: 'ACCEPT' }, d.T0 + 120, d.T0 + 180, 500, 5),
    row({ ...a, srcAddr: '10.20.1.10', dstAddr: '52.94.0.10', svc: '1329', action: 'ACCEPT' }, d.T0 + 3600, d.T0 + 3660, 700, 7),
    row({ ...a, srcAddr: '198.51.100.7', dstAddr: '10.20.1.10', svc: '66', action: 'REJECT' }, d.T0 + 200, d.T0 + 260, 40, 1),
    row({ ...c, srcAddr: '10.20.2.10', dstAddr: '10.20.1.10', flowDirection: 'egress', svc: '1329' }, d.T1, d.T1 + 30, 400, 4),
    row({ ...c, srcAddr: '10.20.1.10', dstAddr: '10.20.2.10', flowDirection: 'ingress', svc: '1330' }, d.T1, d.T1 + 30, 300, 3),
  ];
}

const interfaceOfRow = (r: Row): string => r.interfaceId ?? r['@logStream'].replace(/-all$/, '');

/** Answers like the engine: the rows of the ENIs and the time range the query names, by bytes, cut at its limit. */
function engine(q: SentQuery, opts: { trail?: boolean } = {}): QueryAnswer {
  const inRange = (t: number): boolean => t >= q.startTime && t <= q.endTime;
  const cut = (rows: Row[]): QueryAnswer => ({ status: 'Complete', rows: rows.slice(0, q.limit ?? 10_000) });
  if (q.queryString.startsWith('fields @message')) {
    if (opts.trail === false) return { status: 'Complete', rows: [] };
    const records = [...d.TRAIL_RECORDS, d.TRAIL_DUPLICATE, d.TRAIL_BROKEN] as Record<string, unknown>[];
    const matches = (r: Record<string, unknown>): boolean => {
      const issuer = (r.userIdentity as { sessionContext?: { sessionIssuer?: { arn?: string } } } | undefined)?.sessionContext?.sessionIssuer?.arn;
      return r.eventSource === 'lambda.amazonaws.com' || (!!issuer && q.queryString.includes(`"${issuer}"`));
    };
    const time = (r: Record<string, unknown>): number => (r.eventTime ? Date.parse(String(r.eventTime)) / 1000 : d.START + 1001);
    return cut(records.filter((r) => matches(r) && inRange(time(r))).map((r) => ({ '@timestamp': insightsHour(time(r)), '@message': JSON.stringify(r) })));
  }
  if (q.queryString.includes('NODATA')) {
    return cut(q.queryString.includes(h.ids.eniA) && inRange(d.T0 + 300) ? [{ interfaceId: h.ids.eniA, logStatus: 'NODATA', records: '1' }] : []);
  }
  const rows = flowRows().filter((r) => q.queryString.includes(interfaceOfRow(r)) && inRange(Number(r.firstStart)));
  return cut(rows.sort((x, y) => Number(y.sumBytes) - Number(x.sumBytes)));
}

function useFixture(answer: (q: SentQuery) => QueryAnswer, runningPolls = 1, onPoll?: (q: SentQuery) => void): InsightsFixture {
  const f = new InsightsFixture(answer, runningPolls, onPoll);
  h.proxy.responders = [f.responder];
  return f;
}

const errorsOf = (t: Telemetry): [string, string, string | undefined][] => (t.errors ?? []).map((e) => [e.operation, e.kind, e.resource]);

describe('Logs Insights for flow logs and the trail', () => {
  it('logsEngine insights: the same flows as the filter path, from one stats query per format, and the trail read by a query', async () => {
    const f = useFixture((q) => engine(q));
    const t = await h.source({}, { telemetry: FAST }).collectTelemetry(snap, { ...window, logsEngine: 'insights' });
    // The same flows as the FilterLogEvents path; S3 is not a log group and is still read from its files.
    assert.deepEqual(d.sortFlows(t.flows), d.sortFlows(d.expectedFlows(h.ids.eniA, h.ids.eniC, tids.eniS)));
    assert.deepEqual(t.flowGaps, [{ interfaceId: h.ids.eniA, nodata: 1, skipdata: 0 }]);
    assert.deepEqual(
      t.events.map((e) => e.eventId),
      ['e1', 'e3', 'e4', 'e12'],
    );
    assert.deepEqual(errorsOf(t), [
      ['DescribeFlowLogs', 'notFound', tids.eniDark],
      ['GetQueryResults', 'other', d.TRAIL_GROUP],
    ]);

    const stats = f.queries.filter((q) => q.queryString.includes('stats sum(bytes)'));
    const byGroup = (g: string): SentQuery | undefined => stats.find((q) => q.logGroupNames.join() === g);
    const vpc = byGroup(d.FLOW_GROUP_VPC);
    const custom = byGroup(d.FLOW_GROUP_CUSTOM);
    assert.equal(stats.length, 2);
    assert.deepEqual([vpc?.startTime, vpc?.endTime, vpc?.limit], [d.START, d.END - 1, 10_000]);
    assert.ok(vpc?.queryString.includes(`filter interfaceId in ["${h.ids.eniA}"]`) && !vpc.queryString.includes('parse @message'));
    assert.ok(custom?.queryString.includes('parse @message') && custom.queryString.includes(`filter @logStream like /^(${h.ids.eniC})-/`));
    const trail = f.queries.find((q) => q.queryString.startsWith('fields @message'));
    assert.deepEqual(trail?.logGroupNames, [d.TRAIL_GROUP]);
    for (const role of ['lg-fn-admin', 'lg-fn-basic', 'lg-fn-vpc']) assert.ok(trail?.queryString.includes(`"${roleArn(role)}"`), role);
    const c = h.proxy.counts();
    // 2 stats + 2 NODATA/SKIPDATA + 1 trail query; each polled twice (Running, then Complete).
    assert.deepEqual([c['logs:StartQuery'], c['logs:GetQueryResults'], c['logs:StopQuery'], c['logs:FilterLogEvents'], c['logs:DescribeLogStreams']], [5, 10, undefined, undefined, undefined]);
  });

  it('auto picks Insights for a group above the size limit, and filter forces FilterLogEvents whatever the size', async () => {
    let f = useFixture((q) => engine(q));
    await h.source({}, { telemetry: { ...FAST, filterMaxBytes: 1 } }).collectTelemetry(snap, { ...window, functions: ['lg-vpc-a'] });
    assert.deepEqual(new Set(f.queries.map((q) => q.logGroupNames.join())), new Set([d.FLOW_GROUP_VPC, d.TRAIL_GROUP]));
    assert.equal(h.proxy.counts()['logs:FilterLogEvents'], undefined);
    h.proxy.reset();
    f = useFixture((q) => engine(q));
    const t = await h.source({}, { telemetry: { ...FAST, filterMaxBytes: 1 } }).collectTelemetry(snap, { ...window, functions: ['lg-vpc-a'], logsEngine: 'filter' });
    assert.equal(f.queries.length, 0);
    assert.equal(h.proxy.counts()['logs:FilterLogEvents'], 2);
    assert.equal(t.flows.length, 4);
  });

  it('an answer that fills the row limit is asked again over halves of the range, down to an hour, and a still-full hour is reported', async () => {
    const f = useFixture((q) => engine(q, { trail: false }));
    const t = await h.source({}, { telemetry: { ...FAST, insightsRowLimit: 2 } }).collectTelemetry(snap, { ...window, functions: ['lg-vpc-a'], logsEngine: 'insights' });
    // The first hour holds four groups: only the two biggest fit; the second hour's one group is complete.
    assert.deepEqual(
      d.sortFlows(t.flows).map((x) => [x.peer, x.port, x.bytes, x.first]),
      [
        [d.RDS_IP, 5432, 1800, d.T0],
        ['52.94.0.10', 443, 700, d.T0 + 3600],
      ],
    );
    const hour = f.queries.filter((q) => q.queryString.includes('stats sum(bytes)') && q.endTime - q.startTime === 3599).map((q) => q.startTime);
    assert.deepEqual(hour.sort(), [d.START, d.START + 3600]);
    assert.deepEqual(errorsOf(t), [['GetQueryResults', 'other', d.FLOW_GROUP_VPC]]);
    assert.equal(
      t.errors?.[0].message,
      `The Logs Insights answer for flow logs of ${h.ids.eniA} in ${d.FLOW_GROUP_VPC} in us-east-1 from ${new Date(d.START * 1000).toISOString()} to ${new Date((d.START + 3600) * 1000).toISOString()} reached its 2-row limit even for that short a range: it may be cut, and the smallest groups of that range are missing.`,
    );
  });
});

describe('queries that do not complete', () => {
  it('Failed and Timeout answers become errors, and the other queries still count', async () => {
    useFixture((q) => (q.logGroupNames[0] === d.FLOW_GROUP_CUSTOM ? { status: q.queryString.includes('NODATA') ? 'Timeout' : 'Failed' } : engine(q)));
    const t = await h.source({}, { telemetry: FAST }).collectTelemetry(snap, { ...window, functions: ['lg-vpc-a', 'lg-vpc-c'], logsEngine: 'insights' });
    assert.deepEqual(new Set(t.flows.map((x) => x.interfaceId)), new Set([h.ids.eniA]));
    const failures = (t.errors ?? []).filter((e) => e.resource === d.FLOW_GROUP_CUSTOM);
    assert.deepEqual(
      failures.map((e) => e.kind),
      ['other', 'timeout'],
    );
    assert.match(failures[0].message, /^The Logs Insights query over flow logs of eni-[0-9a-f]+ in lg-flows-custom in us-east-1 \(.*\) returned nothing: it ended Failed\./);
    assert.match(failures[1].message, /returned nothing: AWS stopped it at its 60-minute limit/);
  });

  it('a query still running at the client-side deadline is stopped, and says so', async () => {
    const f = useFixture((q) => (q.queryString.includes('stats sum(bytes)') ? { status: 'Running' } : engine(q, { trail: false })));
    const t = await h.source({}, { telemetry: { ...FAST, insightsDeadlineMs: 300 } }).collectTelemetry(snap, { ...window, functions: ['lg-vpc-a'], logsEngine: 'insights' });
    const stats = f.queries.filter((q) => q.queryString.includes('stats sum(bytes)'));
    assert.equal(stats.length, 1);
    assert.ok(stats[0].stopped, 'StopQuery was sent');
    assert.deepEqual(errorsOf(t), [['GetQueryResults', 'timeout', d.FLOW_GROUP_VPC]]);
    assert.match(t.errors?.[0].message ?? '', /did not finish within 300 ms; it was stopped and its results are missing/);
    assert.deepEqual(t.flowGaps, [{ interfaceId: h.ids.eniA, nodata: 1, skipdata: 0 }]);
  });

  it('cancelling while queries run stops every one of them in AWS before it returns', async () => {
    const controller = new AbortController();
    const f = useFixture(
      () => ({ status: 'Running' }),
      1,
      (q) => {
        if (q.polls === 2) controller.abort();
      },
    );
    const t = await h.source({}, { telemetry: FAST }).collectTelemetry(snap, { ...window, functions: ['lg-vpc-a', 'lg-vpc-c'], logsEngine: 'insights', signal: controller.signal });
    assert.ok(f.queries.length >= 1);
    assert.deepEqual(
      f.queries.filter((q) => !q.stopped).map((q) => q.queryId),
      [],
      'every started query was stopped',
    );
    const stops = h.proxy.seen.filter((r) => r.operation === 'StopQuery').length;
    assert.equal(stops, f.queries.length);
    assert.equal(t.errors?.at(-1)?.kind, 'cancelled');
  });

  it('access denied on StartQuery names logs:StartQuery; a full account is waited out', async () => {
    h.proxy.faults = [{ fault: 'deny', service: 'logs', operation: 'StartQuery' }];
    useFixture((q) => engine(q));
    const t = await h.source({}, { telemetry: FAST }).collectTelemetry(snap, { ...window, functions: ['lg-vpc-a'], logsEngine: 'insights' });
    const denied = (t.errors ?? []).filter((e) => e.kind === 'denied');
    // The stats and NODATA queries of the flow log group, and the trail's query.
    assert.equal(denied.length, 3);
    assert.ok(denied.every((e) => e.operation === 'StartQuery' && e.missingPermission === 'logs:StartQuery'));
    assert.deepEqual(t.flows, []);

    h.proxy.reset();
    let refusals = 0;
    const f = useFixture((q) =>
      q.queryString.includes('stats sum(bytes)') && refusals++ < 2 ? { error: 'LimitExceededException', message: 'Account maximum query concurrency limit of [30] reached.' } : engine(q, { trail: false }),
    );
    const again = await h.source({}, { telemetry: FAST }).collectTelemetry(snap, { ...window, functions: ['lg-vpc-a'], logsEngine: 'insights' });
    assert.deepEqual(again.errors, undefined);
    assert.equal(again.flows.length, 4);
    assert.equal(h.proxy.seen.filter((r) => r.operation === 'StartQuery').length, f.queries.length + 2);
  });
});
