/**
 * collectTelemetry over the wire against moto server (behind the recording proxy): CloudWatch metrics,
 * flow records from CloudWatch Logs (default and custom formats, FilterLogEvents on the ENIs' streams)
 * and from S3 (gzip with a header line, plain and Hive-style folders), CloudTrail records from a trail's
 * log group. Every expectation is worked out by hand from telemetryData.ts.
 *
 * moto 5.2.5 cannot compute extended statistics (a p50/p99 query that meets data answers HTTP 500), so no
 * Duration is seeded here and the Duration series come back empty; telemetryFixtures.test.ts reads
 * percentiles and NextToken pages from a fixture instead.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { AccountSnapshot } from '../../../src/core/inventory/accountModel';
import type { CollectProgress } from '../../../src/core/inventory/accountSource';
import type { MetricSeries, Telemetry } from '../../../src/core/inventory/telemetryModel';
import type { Harness } from './awsHarness';
import { ACCOUNT_ID } from './motoEndpoint';
import { REGION, WEST } from './seedData';
import { startTelemetryHarness, type TelemetryIds } from './seedTelemetry';
import * as d from './telemetryData';

let h: Harness;
let tids: TelemetryIds;
let snap: AccountSnapshot;
let tel: Telemetry;
let wire: Record<string, number>;
const progress: CollectProgress[] = [];
const window = d.WINDOW;

const series = (t: Telemetry, fn: string, metric: string): MetricSeries | undefined => t.metrics.find((m) => m.functionName === fn && m.metric === metric);

before(async () => {
  ({ h, tids, snap } = await startTelemetryHarness());
  h.proxy.reset();
  tel = await h.source().collectTelemetry(snap, { ...window, onProgress: (p) => progress.push(p) });
  wire = h.proxy.counts();
});
after(() => h.stop());

describe('metrics', () => {
  it('reads the six series of every function, at 5-minute points for a three-day window', () => {
    assert.equal(snap.functions.length, 65);
    assert.equal(tel.metrics.length, 65 * 6);
    assert.ok(tel.metrics.every((m) => m.period === 300));
    assert.deepEqual(new Set(tel.metrics.map((m) => m.metric)), new Set(['Invocations', 'Errors', 'Throttles', 'DurationP50', 'DurationP99', 'ConcurrentExecutions']));
  });

  it('sums by period, takes the maximum of ConcurrentExecutions, and leaves out points before the window', () => {
    // Invocations 5 (+10 s) and 7 (+70 s) share the first 5 minutes; 3 at +3620 s is in the period at +3600; 100 at -600 s is outside.
    const inv = series(tel, 'lg-vpc-a', 'Invocations');
    assert.deepEqual([inv?.timestamps, inv?.values], [[d.START, d.START + 3600], [12, 3]]);
    assert.deepEqual(series(tel, 'lg-vpc-a', 'Errors')?.values, [1]);
    assert.deepEqual(series(tel, 'lg-vpc-a', 'Throttles')?.timestamps, [d.START + 300]);
    assert.deepEqual(series(tel, 'lg-vpc-a', 'ConcurrentExecutions')?.values, [6]);
    const west = series(tel, 'lg-west-1', 'Invocations');
    assert.deepEqual([west?.region, west?.timestamps, west?.values], [WEST, [d.START + 600], [9]]);
    const withData = tel.metrics.filter((m) => m.timestamps.length > 0).map((m) => `${m.functionName} ${m.metric}`);
    assert.deepEqual(withData.sort(), ['lg-vpc-a ConcurrentExecutions', 'lg-vpc-a Errors', 'lg-vpc-a Invocations', 'lg-vpc-a Throttles', 'lg-west-1 Invocations']);
  });

  it('asks for 500 queries a call at most: one call per region here, not one per function', () => {
    // 63 functions × 6 = 378 queries in us-east-1, 2 × 6 = 12 in us-west-2.
    assert.equal(wire['cloudwatch:GetMetricData'], 2);
  });

  it("with a custom endpoint's default tuning, the window is read in one-hour spans and the series come out the same", async () => {
    h.proxy.reset();
    // No metricSpanHours override: what `--endpoint` users (moto, LocalStack) get.
    const spanned = await h.source({}, { telemetry: { metricSpanHours: undefined } }).collectTelemetry(snap, { ...window, functions: ['lg-vpc-a', 'lg-west-1'] });
    const hours = Math.ceil((window.end.getTime() - window.start.getTime()) / 3_600_000);
    // One call per hour and region (each region's functions fit one call); the same points as the one-span read.
    assert.equal(h.proxy.counts()['cloudwatch:GetMetricData'], 2 * hours);
    for (const [fn, metric] of [['lg-vpc-a', 'Invocations'], ['lg-vpc-a', 'Errors'], ['lg-vpc-a', 'ConcurrentExecutions'], ['lg-west-1', 'Invocations']]) {
      const a = series(spanned, fn, metric);
      const b = series(tel, fn, metric);
      assert.deepEqual([a?.timestamps, a?.values], [b?.timestamps, b?.values], `${fn} ${metric}`);
    }
  });
});

describe('flow logs', () => {
  it('aggregates each ENI from its own flow log: default format (VPC flow log), custom format (ENI flow log), S3 files (subnet flow log)', () => {
    assert.deepEqual(d.sortFlows(tel.flows), d.sortFlows(d.expectedFlows(h.ids.eniA, h.ids.eniC, tids.eniS)));
    assert.deepEqual(tel.flowGaps, [{ interfaceId: h.ids.eniA, nodata: 1, skipdata: 0 }]);
  });

  it('lists the flow logs that cover the ENIs, found through the ENI, its subnet and its real VPC, with their formats', () => {
    const byId = (id: string) => tel.flowLogs.find((f) => f.id === id);
    assert.equal(tel.flowLogs.length, 3);
    assert.deepEqual(byId(tids.flowLogVpc), {
      id: tids.flowLogVpc,
      region: REGION,
      resourceId: h.ids.vpcId,
      logFormat: '${version} ${account-id} ${interface-id} ${srcaddr} ${dstaddr} ${srcport} ${dstport} ${protocol} ${packets} ${bytes} ${start} ${end} ${action} ${log-status}',
      destinationType: 'cloud-watch-logs',
      logGroupName: d.FLOW_GROUP_VPC,
      trafficType: 'ALL',
    });
    assert.deepEqual([byId(tids.flowLogC)?.resourceId, byId(tids.flowLogC)?.logFormat], [h.ids.eniC, d.CUSTOM_FORMAT]);
    assert.deepEqual([byId(tids.flowLogS)?.resourceId, byId(tids.flowLogS)?.destinationType, byId(tids.flowLogS)?.destination], [tids.subnetS, 's3', `arn:aws:s3:::${d.FLOW_BUCKET}`]);
  });

  it('reads only the ENIs streams, the days of the window and the files named for this flow log in it', () => {
    // One DescribeLogStreams per ENI read from CloudWatch Logs (A, C); FilterLogEvents: one per flow group + one for the trail.
    assert.equal(wire['logs:DescribeLogStreams'], 2);
    assert.equal(wire['logs:FilterLogEvents'], 3);
    // Three days × (plain + Hive-style folders): moto does not report DestinationOptions, so both layouts are listed.
    assert.equal(wire['s3:ListObjectsV2'], 6);
    assert.equal(wire['s3:GetObject'], 2);
    const filters = h.proxy.seen.filter((r) => r.operation === 'FilterLogEvents');
    assert.ok(filters.every((r) => r.fixture === undefined));
  });
});

describe('CloudTrail', () => {
  it('finds the multi-region trail once and reads its log group, not LookupEvents', () => {
    assert.deepEqual(tel.trails, [
      { name: d.TRAIL_NAME, region: REGION, arn: `arn:aws:cloudtrail:${REGION}:${ACCOUNT_ID}:trail/${d.TRAIL_NAME}`, logGroupArn: `arn:aws:logs:${REGION}:${ACCOUNT_ID}:log-group:${d.TRAIL_GROUP}:*`, isMultiRegion: true },
    ]);
    assert.equal(wire['cloudtrail:DescribeTrails'], 2);
    assert.equal(wire['cloudtrail:LookupEvents'], undefined);
  });

  it('keeps changes to the functions and their roles sessions, once each, and drops the rest', () => {
    assert.deepEqual(
      tel.events.map((e) => e.eventId),
      ['e1', 'e3', 'e4', 'e12'],
    );
    const e1 = tel.events[0];
    assert.deepEqual([e1.eventName, e1.userIdentity.arn, e1.requestParameters?.functionName, e1.time], ['UpdateFunctionCode20150331v2', `arn:aws:iam::${ACCOUNT_ID}:user/alice`, 'lg-vpc-a', new Date((d.START + 1000) * 1000).toISOString()]);
    assert.equal(tel.events[1].region, WEST);
    assert.equal(tel.events[2].userIdentity.sessionIssuerArn, `arn:aws:iam::${ACCOUNT_ID}:role/lg-fn-vpc`);
  });
});

describe('partial, never silently', () => {
  it('says what could not be read: an ENI no flow log covers, a broken CloudTrail record, a broken flow line', () => {
    const errors = tel.errors ?? [];
    assert.deepEqual(
      errors.map((e) => [e.service, e.operation, e.kind, e.resource]),
      [
        ['ec2', 'DescribeFlowLogs', 'notFound', tids.eniDark],
        ['logs', 'FilterLogEvents', 'other', d.TRAIL_GROUP],
        ['lambda-guard', 'flow records', 'other', undefined],
      ],
    );
    assert.match(errors[0].message, /\(lg-vpc-dark\) is covered by no flow log on the ENI, its subnet or its VPC/);
    assert.equal(errors[1].message, '1 CloudTrail record from lg-trail-logs in us-east-1 could not be read and was skipped (first: CloudTrail record has no eventTime).');
    assert.equal(errors[2].message, '1 flow-log line was not a flow record and was skipped (lg-flows-custom line 3: 3 fields where the layout has 14).');
  });

  it('reports its phases as it goes', () => {
    const phases = progress.filter((p) => p.kind === 'phase').map((p) => (p as { message: string }).message);
    for (const m of [
      'Reading CloudWatch metrics of 63 functions in us-east-1 (300 s points)',
      `Reading flow records of ${h.ids.eniA} from ${d.FLOW_GROUP_VPC} (FilterLogEvents)`,
      `Reading flow-log files of ${tids.flowLogS} from arn:aws:s3:::${d.FLOW_BUCKET}`,
      `Reading CloudTrail events of ${d.TRAIL_NAME} from ${d.TRAIL_GROUP} (FilterLogEvents)`,
    ]) {
      assert.ok(phases.includes(m), m);
    }
    assert.deepEqual(
      progress.filter((p) => p.kind === 'error').map((p) => (p as { error: { operation: string } }).error.operation),
      ['DescribeFlowLogs'],
    );
  });
});

describe('a subset of functions, other windows', () => {
  it('reads only what the named functions need, and names a function that does not exist', async () => {
    h.proxy.reset();
    const t = await h.source().collectTelemetry(snap, { ...window, functions: ['lg-vpc-c', 'no-such-fn'] });
    assert.deepEqual(new Set(t.metrics.map((m) => m.functionName)), new Set(['lg-vpc-c']));
    assert.deepEqual(
      t.flows.map((f) => f.interfaceId),
      [h.ids.eniC],
    );
    // e4 is lg-vpc-c's own call; e12 the Lambda service's session of its role.
    assert.deepEqual(
      t.events.map((e) => e.eventId),
      ['e4', 'e12'],
    );
    assert.deepEqual(
      (t.errors ?? []).map((e) => [e.kind, e.resource]),
      [
        ['notFound', 'no-such-fn'],
        ['other', d.TRAIL_GROUP],
        ['other', undefined],
      ],
    );
    assert.equal((t.errors ?? [])[0].message, 'No function named no-such-fn in the account read (regions us-east-1, us-west-2): no telemetry was read for it.');
    const c = h.proxy.counts();
    assert.deepEqual([c['cloudwatch:GetMetricData'], c['cloudtrail:DescribeTrails'], c['logs:DescribeLogStreams'], c['s3:ListObjectsV2']], [1, 1, 1, undefined]);
  });

  it('reads a six-hour window at one minute', async () => {
    const t = await h.source().collectTelemetry(snap, { start: window.start, end: new Date((d.START + 6 * 3600) * 1000), functions: ['lg-vpc-a'] });
    const inv = series(t, 'lg-vpc-a', 'Invocations');
    assert.deepEqual([inv?.period, inv?.timestamps, inv?.values], [60, [d.START, d.START + 60, d.START + 3600], [5, 7, 3]]);
  });

  it('an empty window is refused with a clear error, before any call', async () => {
    h.proxy.reset();
    await assert.rejects(h.source().collectTelemetry(snap, { start: window.end, end: window.start }), /The telemetry window is empty or unreadable: start .* must be a time before end/);
    assert.equal(h.proxy.seen.length, 0);
  });
});
