// Telemetry for the fixture account: eight days of baseline and one window day (Monday 2026-03-02).
import type { MetricSeries, Telemetry, TrailEvent } from '../../../src/core/inventory/telemetryModel';
import { ACCOUNT, flow, hourly, REGION, roleCall, T } from './accountFixture';

export const WINDOW = { start: new Date('2026-03-02T00:00:00Z'), end: new Date('2026-03-03T00:00:00Z') };
export const BASELINE = { start: new Date('2026-02-22T00:00:00Z'), end: WINDOW.start };
const B0 = BASELINE.start.getTime() / 1000;
const W1 = WINDOW.end.getTime() / 1000;

function perMinute(fn: string, valueAt: (t: number) => number): MetricSeries {
  const timestamps: number[] = [];
  const values: number[] = [];
  for (let t = B0; t < W1; t += 60) {
    timestamps.push(t);
    values.push(valueAt(t));
  }
  return { functionName: fn, region: REGION, metric: 'Invocations', period: 60, timestamps, values };
}

const CI_ROLE = `arn:aws:iam::${ACCOUNT}:role/ci-deploy`;

export function lambdaChange(eventName: string, fn: string, time: number, who: TrailEvent['userIdentity'], extra: Partial<TrailEvent> = {}): TrailEvent {
  return {
    eventId: `${eventName}-${fn}-${time}`,
    time: new Date(time * 1000).toISOString(),
    eventSource: 'lambda.amazonaws.com',
    eventName,
    region: REGION,
    userIdentity: who,
    sourceIp: '192.0.2.10',
    requestParameters: { functionName: fn },
    ...extra,
  };
}

export const CI = { type: 'AssumedRole', arn: `arn:aws:sts::${ACCOUNT}:assumed-role/ci-deploy/run-1`, accountId: ACCOUNT, sessionIssuerArn: CI_ROLE };
export const MALLORY = { type: 'IAMUser', arn: `arn:aws:iam::${ACCOUNT}:user/mallory`, accountId: ACCOUNT };

/** Anomalies in the window: a spike on api-a at 10:17, a new internet peer via eni-app-a at 11:00, iam:CreateUser by api-a at 09:30, a CI deploy of api-a at 08:00, a public permission on worker by mallory at 12:00. */
export function fixtureTelemetry(): Telemetry {
  const spike = T('2026-03-02T10:17:00Z');
  const metrics = [perMinute('api-a', (t) => (t === spike ? 60 : 10)), perMinute('worker', () => 4)];
  const flows = [
    ...hourly(B0, W1, (h) => [flow('eni-app-a', '10.0.1.5', 5432, h), flow('eni-worker', '10.0.2.9', 6379, h)]),
    flow('eni-app-a', '203.0.113.9', 4444, T('2026-03-02T11:00:00Z')),
  ];
  const events: TrailEvent[] = [];
  for (let t = B0; t < W1; t += 3600) events.push(roleCall('api-a', 'service-role/api-role', 'kms.amazonaws.com', 'Decrypt', t + 120));
  events.push(lambdaChange('UpdateFunctionCode20150331v2', 'api-b', T('2026-02-25T16:00:00Z'), CI, { responseElements: { codeSha256: 'b2xk' } }));
  events.push(roleCall('api-a', 'service-role/api-role', 'iam.amazonaws.com', 'CreateUser', T('2026-03-02T09:30:00Z')));
  events.push(lambdaChange('UpdateFunctionCode20150331v2', 'api-a', T('2026-03-02T08:00:00Z'), CI, { responseElements: { codeSha256: 'bmV3' } }));
  events.push(
    lambdaChange('AddPermission20150331v2', 'worker', T('2026-03-02T12:00:00Z'), MALLORY, {
      requestParameters: { functionName: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:worker`, principal: '*', action: 'lambda:InvokeFunction', statementId: 'open' },
    }),
  );
  return { start: BASELINE.start.toISOString(), end: WINDOW.end.toISOString(), metrics, flows, flowGaps: [], flowLogs: [], events, trails: [] };
}
