/**
 * The telemetry paths moto cannot serve, each against a FIXTURE that speaks the real wire protocol (said
 * in each fixture's file): CloudTrail LookupEvents (moto lacks it) for an account without any trail, and
 * GetMetricData percentiles and NextToken pages (moto cannot compute p50/p99 and never pages). The rest —
 * functions, ENIs, flow logs, DescribeTrails — is moto, seeded as in telemetry.test.ts but without a trail.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { AccountSnapshot, LiveFunction } from '../../../src/core/inventory/accountModel';
import type { CollectProgress } from '../../../src/core/inventory/accountSource';
import type { Harness } from './awsHarness';
import { LookupEventsFixture } from './lookupEventsFixture';
import { MetricDataFixture, type MetricQuery } from './metricDataFixture';
import { REGION, WEST } from './seedData';
import { startTelemetryHarness } from './seedTelemetry';
import * as d from './telemetryData';

let h: Harness;
let snap: AccountSnapshot;
const window = d.WINDOW;
const functions = ['lg-vpc-a', 'lg-vpc-c', 'lg-west-1'];

before(async () => {
  ({ h, snap } = await startTelemetryHarness({ trail: false }));
});
after(() => h.stop());
beforeEach(() => h.proxy.reset());

describe('CloudTrail event history (LookupEvents fixture, no trail in the account)', () => {
  it('asks for Lambda events and each function name as a session, pages, and keeps only what belongs to the functions', async () => {
    const f = new LookupEventsFixture(d.TRAIL_RECORDS);
    h.proxy.responders = [f.responder];
    const progress: CollectProgress[] = [];
    const t = await h.source().collectTelemetry(snap, { ...window, functions, onProgress: (p) => progress.push(p) });
    assert.deepEqual(t.trails, []);
    // e1: a change to lg-vpc-a; e3: to lg-west-1 (us-west-2's history); e4: lg-vpc-c's own session. Dropped: e2 (read-only),
    // e11 (no such function), e6 (lg-vpc-a's name under another role); e9 is before the window. The Lambda service's
    // session e12 is not named after a function, so the event history cannot find it.
    assert.deepEqual(
      t.events.map((e) => [e.eventId, e.region]),
      [
        ['e1', REGION],
        ['e3', WEST],
        ['e4', REGION],
      ],
    );
    assert.deepEqual(
      [...f.requests].sort((a, b) => `${a.region} ${a.attribute} ${a.nextToken ?? ''}`.localeCompare(`${b.region} ${b.attribute} ${b.nextToken ?? ''}`)),
      [
        { region: REGION, attribute: 'EventSource=lambda.amazonaws.com' },
        { region: REGION, attribute: 'EventSource=lambda.amazonaws.com', nextToken: 'page-2' },
        { region: REGION, attribute: 'Username=lg-vpc-a' },
        { region: REGION, attribute: 'Username=lg-vpc-c' },
        { region: WEST, attribute: 'EventSource=lambda.amazonaws.com' },
        { region: WEST, attribute: 'Username=lg-west-1' },
      ],
    );
    assert.ok((t.errors ?? []).every((e) => e.service !== 'cloudtrail'));
    const phases = progress.flatMap((p) => (p.kind === 'phase' ? [p.message] : []));
    assert.ok(phases.includes("No trail delivers us-east-1's events to CloudWatch Logs: reading its CloudTrail event history (management events only, 3 lookups at 2 requests/s)"));
  });

  it('throttling is retried; throttling that lasts is an error per lookup, and the other region is still read', async () => {
    let f = new LookupEventsFixture(d.TRAIL_RECORDS);
    h.proxy.responders = [f.responder];
    h.proxy.faults = [{ fault: 'throttle', service: 'cloudtrail', operation: 'LookupEvents', region: REGION, times: 2 }];
    const t = await h.source().collectTelemetry(snap, { ...window, functions });
    assert.deepEqual(
      t.events.map((e) => e.eventId),
      ['e1', 'e3', 'e4'],
    );
    assert.equal(h.proxy.seen.filter((r) => r.operation === 'LookupEvents' && r.fault === 'throttle').length, 2);
    assert.equal(f.requests.length, 6);

    h.proxy.reset();
    f = new LookupEventsFixture(d.TRAIL_RECORDS);
    h.proxy.responders = [f.responder];
    h.proxy.faults = [{ fault: 'throttle', service: 'cloudtrail', operation: 'LookupEvents', region: WEST }];
    const again = await h.source({ maxAttempts: 2 }).collectTelemetry(snap, { ...window, functions });
    assert.deepEqual(
      again.events.map((e) => e.eventId),
      ['e1', 'e4'],
    );
    const throttled = (again.errors ?? []).filter((e) => e.service === 'cloudtrail');
    assert.deepEqual(
      throttled.map((e) => [e.operation, e.region, e.kind, e.resource]),
      [
        ['LookupEvents', WEST, 'throttled', 'EventSource=lambda.amazonaws.com'],
        ['LookupEvents', WEST, 'throttled', 'Username=lg-west-1'],
      ],
    );
    assert.match(throttled[0].message, /^AWS kept throttling cloudtrail:LookupEvents for EventSource=lambda.amazonaws.com in us-west-2 \(Throttling\) after the retries/);
  });
});

describe('GetMetricData (fixture: percentiles and pages)', () => {
  const duration = (q: MetricQuery): [number, number][] => {
    const m = q.MetricStat;
    if (m.Metric.MetricName === 'Invocations') return [[d.START, 12], [d.START + 3600, 3]];
    if (m.Metric.MetricName !== 'Duration') return [];
    return m.Stat === 'p50' ? [[d.START, 120.5], [d.START + 300, 80], [d.START + 3600, 95]] : [[d.START, 900], [d.START + 300, 450], [d.START + 3600, 610]];
  };

  it('reads p50 and p99 of Duration and follows NextToken until the last page', async () => {
    const f = new MetricDataFixture(duration, 3);
    h.proxy.responders = [f.responder];
    const t = await h.source().collectTelemetry(snap, { ...window, functions: ['lg-vpc-a'] });
    const s = (metric: string) => t.metrics.find((m) => m.metric === metric);
    assert.deepEqual([s('DurationP50')?.timestamps, s('DurationP50')?.values], [[d.START, d.START + 300, d.START + 3600], [120.5, 80, 95]]);
    assert.deepEqual(s('DurationP99')?.values, [900, 450, 610]);
    assert.deepEqual(s('Invocations')?.values, [12, 3]);
    // 8 points, 3 a page.
    assert.deepEqual(
      f.requests.map((r) => r.NextToken),
      [undefined, 'token-3', 'token-6'],
    );
    const first = f.requests[0];
    assert.deepEqual(
      first.queries.map((q) => [q.MetricStat.Metric.MetricName, q.MetricStat.Stat, q.MetricStat.Period, q.MetricStat.Metric.Dimensions]),
      [
        ['Invocations', 'Sum', 300, [{ Name: 'FunctionName', Value: 'lg-vpc-a' }]],
        ['Errors', 'Sum', 300, [{ Name: 'FunctionName', Value: 'lg-vpc-a' }]],
        ['Throttles', 'Sum', 300, [{ Name: 'FunctionName', Value: 'lg-vpc-a' }]],
        ['Duration', 'p50', 300, [{ Name: 'FunctionName', Value: 'lg-vpc-a' }]],
        ['Duration', 'p99', 300, [{ Name: 'FunctionName', Value: 'lg-vpc-a' }]],
        ['ConcurrentExecutions', 'Maximum', 300, [{ Name: 'FunctionName', Value: 'lg-vpc-a' }]],
      ],
    );
    assert.deepEqual([first.StartTime, first.EndTime, first.ScanBy, first.MaxDatapoints], [d.START, d.END, 'TimestampAscending', 100_800]);
    assert.deepEqual(t.errors?.filter((e) => e.service === 'cloudwatch') ?? [], []);
  });

  it('a hundred functions of a region are two calls of at most 500 queries, a function never split between them', async () => {
    const f = new MetricDataFixture(() => []);
    // No trail: the event history is asked about each of the 100 names; unpaced here (2 requests/s would take 50 s).
    h.proxy.responders = [f.responder, new LookupEventsFixture([]).responder];
    const template = snap.functions.find((x) => x.name === 'lg-bulk-00') as LiveFunction;
    const many = Array.from({ length: 100 }, (_, i) => ({ ...template, name: `m-${String(i).padStart(3, '0')}`, arn: `${template.arn}-${i}` }));
    const t = await h.source({}, { pacing: 'none' }).collectTelemetry({ ...snap, functions: many }, window);
    assert.deepEqual(
      f.requests.map((r) => r.queries.length),
      [498, 102],
    );
    assert.equal(t.metrics.length, 600);
    assert.equal(new Set(f.requests[1].queries.map((q) => q.MetricStat.Metric.Dimensions[0].Value)).size, 17);
  });

  it('messages CloudWatch adds to an answer are reported, and the series kept', async () => {
    const f = new MetricDataFixture(duration, 100_800, [{ Code: 'MaxQueryTimeRangeExceed', Value: 'The time range is too long for this period.' }]);
    h.proxy.responders = [f.responder];
    const t = await h.source().collectTelemetry(snap, { ...window, functions: ['lg-vpc-a'] });
    assert.deepEqual(t.metrics.find((m) => m.metric === 'DurationP99')?.values, [900, 450, 610]);
    const e = (t.errors ?? []).find((x) => x.service === 'cloudwatch');
    assert.equal(e?.message, 'cloudwatch:GetMetricData for lg-vpc-a in us-east-1: CloudWatch added messages — MaxQueryTimeRangeExceed: The time range is too long for this period..');
  });
});
