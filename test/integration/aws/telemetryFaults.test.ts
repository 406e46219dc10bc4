/**
 * Faults injected by the proxy in front of moto during collectTelemetry (seeded as in telemetry.test.ts):
 * access denied on one operation, lasting throttling, a request that never answers, cancellation. Each
 * time the telemetry is partial — what could be read is there — and each failed read is an error that
 * names the operation, the resource and, for access denied, the missing IAM action.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { CloudWatchClient, PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import type { AccountSnapshot } from '../../../src/core/inventory/accountModel';
import type { AwsConnection } from '../../../src/core/inventory/aws/connection';
import type { Telemetry } from '../../../src/core/inventory/telemetryModel';
import type { Harness } from './awsHarness';
import { REGION, WEST } from './seedData';
import { seedConfig } from './motoEndpoint';
import { startTelemetryHarness, type TelemetryIds } from './seedTelemetry';
import * as d from './telemetryData';

let h: Harness;
let tids: TelemetryIds;
let snap: AccountSnapshot;
const window = d.WINDOW;

before(async () => {
  ({ h, tids, snap } = await startTelemetryHarness());
});
after(() => h.stop());
beforeEach(() => h.proxy.reset());

const collect = (conn: Partial<AwsConnection> = {}, functions?: string[]): Promise<Telemetry> => h.source(conn).collectTelemetry(snap, { ...window, functions });
const failures = (t: Telemetry, service: string): [string, string, string | undefined, string | undefined, string | undefined][] =>
  (t.errors ?? []).filter((e) => e.service === service).map((e) => [e.operation, e.kind, e.region, e.resource, e.missingPermission]);
const enis = (t: Telemetry): Set<string> => new Set(t.flows.map((f) => f.interfaceId));

describe('access denied', () => {
  it('on FilterLogEvents: the log groups are missing, named with logs:FilterLogEvents; S3 flows and metrics are still read', async () => {
    h.proxy.faults = [{ fault: 'deny', service: 'logs', operation: 'FilterLogEvents' }];
    const t = await collect();
    assert.deepEqual(
      failures(t, 'logs').sort(),
      [
        ['FilterLogEvents', 'denied', REGION, d.FLOW_GROUP_CUSTOM, 'logs:FilterLogEvents'],
        ['FilterLogEvents', 'denied', REGION, d.FLOW_GROUP_VPC, 'logs:FilterLogEvents'],
        ['FilterLogEvents', 'denied', REGION, d.TRAIL_GROUP, 'logs:FilterLogEvents'],
      ],
    );
    const e = (t.errors ?? []).find((x) => x.resource === d.FLOW_GROUP_VPC);
    assert.match(e?.message ?? '', /^Access denied for logs:FilterLogEvents for lg-flows-vpc in us-east-1: the identity lacks `logs:FilterLogEvents`\./);
    assert.deepEqual(enis(t), new Set([tids.eniS]));
    assert.deepEqual(t.events, []);
    assert.equal(t.metrics.filter((m) => m.timestamps.length).length, 5);
    assert.equal(t.trails.length, 1);
  });

  it('on DescribeFlowLogs: no flow log is known, and the error says which permission', async () => {
    h.proxy.faults = [{ fault: 'deny', service: 'ec2', operation: 'DescribeFlowLogs' }];
    const t = await collect();
    assert.deepEqual(failures(t, 'ec2'), [['DescribeFlowLogs', 'denied', REGION, undefined, 'ec2:DescribeFlowLogs']]);
    assert.deepEqual([t.flows, t.flowLogs], [[], []]);
    assert.deepEqual(
      t.events.map((x) => x.eventId),
      ['e1', 'e3', 'e4', 'e12'],
    );
  });

  it('on S3 GetObject: each file is an error with its name; CloudWatch Logs flows are still read', async () => {
    h.proxy.faults = [{ fault: 'deny', service: 's3', operation: 'GetObject' }];
    const t = await collect();
    const s3 = failures(t, 's3');
    assert.equal(s3.length, 2);
    assert.ok(s3.every(([op, kind, , resource, perm]) => op === 'GetObject' && kind === 'denied' && resource?.startsWith(`s3://${d.FLOW_BUCKET}/AWSLogs/`) && perm === 's3:GetObject'));
    assert.deepEqual(enis(t), new Set([h.ids.eniA, h.ids.eniC]));
  });

  it('on DescribeLogGroups: the sizes are unknown, so auto falls back to FilterLogEvents and still reads the groups', async () => {
    h.proxy.faults = [{ fault: 'deny', service: 'logs', operation: 'DescribeLogGroups' }];
    const t = await collect();
    assert.deepEqual(
      failures(t, 'logs')
        .filter(([op]) => op === 'DescribeLogGroups')
        .sort(),
      [d.FLOW_GROUP_CUSTOM, d.FLOW_GROUP_VPC, d.TRAIL_GROUP].map((g) => ['DescribeLogGroups', 'denied', REGION, g, 'logs:DescribeLogGroups']),
    );
    assert.deepEqual(enis(t), new Set([h.ids.eniA, h.ids.eniC, tids.eniS]));
    assert.equal(t.events.length, 4);
    assert.equal(h.proxy.counts()['logs:StartQuery'], undefined);
  });
});

describe('throttling, a request that never answers, cancellation', () => {
  it('GetMetricData throttled past the retries: an error per call naming its functions; flows and events are still read', async () => {
    h.proxy.faults = [{ fault: 'throttle', service: 'cloudwatch', operation: 'GetMetricData' }];
    const t = await collect({ maxAttempts: 2 });
    assert.deepEqual(failures(t, 'cloudwatch').sort(), [
      ['GetMetricData', 'throttled', REGION, '63 functions (lg-alarmed, lg-bulk-00, lg-bulk-01, …)', undefined],
      ['GetMetricData', 'throttled', WEST, '2 functions (lg-west-1, lg-west-2)', undefined],
    ]);
    assert.deepEqual(t.metrics, []);
    assert.equal(enis(t).size, 3);
    assert.equal(t.events.length, 4);
  });

  it('a FilterLogEvents that never answers times out; the rest is read', async () => {
    h.proxy.faults = [{ fault: 'delay', delayMs: 120_000, service: 'logs', operation: 'FilterLogEvents' }];
    const t = await collect({ requestTimeoutMs: 2_000, maxAttempts: 1 }, ['lg-vpc-a', 'lg-vpc-s3']);
    assert.deepEqual(
      failures(t, 'logs').sort(),
      [
        ['FilterLogEvents', 'timeout', REGION, d.FLOW_GROUP_VPC, undefined],
        ['FilterLogEvents', 'timeout', REGION, d.TRAIL_GROUP, undefined],
      ],
    );
    assert.deepEqual(enis(t), new Set([tids.eniS]));
  });

  it('cancelling returns what was read, marked cancelled, without waiting for the hanging call', async () => {
    h.proxy.faults = [{ fault: 'delay', delayMs: 60_000, service: 's3', operation: 'GetObject' }];
    const controller = new AbortController();
    const t = await h.source().collectTelemetry(snap, {
      ...window,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.kind === 'phase' && p.message.startsWith('Reading flow-log files')) setTimeout(() => controller.abort(), 300);
      },
    });
    assert.equal(t.errors?.at(-1)?.kind, 'cancelled');
    assert.equal(t.errors?.at(-1)?.message, 'The telemetry collection was cancelled: what it had read so far is shown.');
    assert.ok(!enis(t).has(tids.eniS), 'the hanging S3 read added nothing');
  });
});

describe('a statistic the endpoint cannot compute', () => {
  // Last in the file: it seeds Duration, which every later GetMetricData on this moto would meet.
  it('a call that fails with a server error is asked again without its percentile queries: the other metrics are kept', async () => {
    // moto 5.2.5 answers HTTP 500 to a GetMetricData whose p50/p99 query meets data (it computes no extended statistics).
    const cw = new CloudWatchClient(seedConfig(REGION));
    await cw.send(new PutMetricDataCommand({ Namespace: 'AWS/Lambda', MetricData: [{ MetricName: 'Duration', Dimensions: [{ Name: 'FunctionName', Value: 'lg-vpc-a' }], Timestamp: new Date((d.START + 30) * 1000), Value: 250 }] }));
    cw.destroy();
    const t = await collect({ maxAttempts: 1 });
    const inv = t.metrics.find((m) => m.functionName === 'lg-vpc-a' && m.metric === 'Invocations');
    assert.deepEqual(inv?.values, [12, 3]);
    // us-east-1: 63 functions without their two percentile series; us-west-2 answered the first time.
    assert.equal(t.metrics.length, 63 * 4 + 2 * 6);
    assert.ok(!t.metrics.some((m) => m.region === REGION && m.metric.startsWith('Duration')));
    assert.deepEqual(failures(t, 'cloudwatch'), [['GetMetricData', 'other', REGION, '63 functions (lg-alarmed, lg-bulk-00, lg-bulk-01, …)', undefined]]);
    assert.match(t.errors?.find((e) => e.service === 'cloudwatch')?.message ?? '', /^Duration p50 and p99 could not be read: cloudwatch:GetMetricData for 63 functions .* failed: HTTP 500/);
    // The whole call, then the four plain statistics, then the percentiles on their own; one call for us-west-2.
    assert.equal(h.proxy.counts()['cloudwatch:GetMetricData'], 4);
  });
});
