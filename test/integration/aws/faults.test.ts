/**
 * Faults injected by the proxy in front of moto, with AWS-shaped error responses: AccessDenied on one
 * API, throttling (passing and persistent), a region whose endpoint fails, a timeout, cancellation, an
 * unreachable endpoint. Each collection finishes with everything else read and a specific message.
 * Pacing is off here (faults, not pacing, are under test); retries are the SDK's adaptive ones.
 */
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import type { AccountSnapshot, CollectError } from '../../../src/core/inventory/accountModel';
import { createAwsSource } from '../../../src/core/inventory/aws/loadAws';
import { AwsCollectionError } from '../../../src/core/inventory/aws/sourceErrors';
import type { AwsConnection } from '../../../src/core/inventory/aws/connection';
import type { AccountSource } from '../../../src/core/inventory/accountSource';
import { startHarness, type Harness } from './awsHarness';
import { TEST_CREDENTIALS } from './motoEndpoint';
import { REGION, WEST } from './seedData';

let h: Harness;
before(async () => {
  h = await startHarness();
});
afterEach(() => h.proxy.reset());
after(() => h.stop());

const source = (conn: Partial<AwsConnection> = {}): AccountSource => h.source({ maxAttempts: 2, ...conn }, { pacing: 'none' });
const fn = (snap: AccountSnapshot, name: string) => snap.functions.find((f) => f.name === name);
const brief = (e: CollectError) => ({ service: e.service, operation: e.operation, region: e.region, resource: e.resource, kind: e.kind, missingPermission: e.missingPermission });

describe('AccessDenied', () => {
  it('on the IAM bulk read: one error naming iam:GetAccountAuthorizationDetails, everything else read', async () => {
    h.proxy.faults = [{ fault: 'deny', service: 'iam', operation: 'GetAccountAuthorizationDetails' }];
    const snap = await source().collect();
    assert.deepEqual(snap.errors.map(brief), [
      { service: 'iam', operation: 'GetAccountAuthorizationDetails', region: REGION, resource: undefined, kind: 'denied', missingPermission: 'iam:GetAccountAuthorizationDetails' },
    ]);
    assert.match(snap.errors[0].message, /lacks `iam:GetAccountAuthorizationDetails`/);
    assert.deepEqual(snap.iam.roles, []);
    assert.equal(snap.functions.length, 63);
    assert.ok(fn(snap, 'lg-public-url')?.resourcePolicy);
    assert.ok(snap.network.interfaces.some((n) => n.id === h.ids.eniA));
  });

  it("on one function's GetPolicy: that function has no policy and an error, the others have theirs", async () => {
    h.proxy.faults = [{ fault: 'deny', service: 'lambda', operation: 'GetPolicy', pathIncludes: '/functions/lg-s3-trigger/' }];
    const snap = await source().collect();
    assert.deepEqual(snap.errors.map(brief), [
      { service: 'lambda', operation: 'GetPolicy', region: REGION, resource: 'lg-s3-trigger', kind: 'denied', missingPermission: 'lambda:GetPolicy' },
    ]);
    assert.equal(fn(snap, 'lg-s3-trigger')?.resourcePolicy, undefined);
    assert.ok(fn(snap, 'lg-cross-account')?.resourcePolicy);
    assert.equal(fn(snap, 'lg-s3-trigger')?.role, 'arn:aws:iam::123456789012:role/lg-fn-basic');
  });

  it("EC2's UnauthorizedOperation (which names no action) is mapped to the action of the operation", async () => {
    h.proxy.faults = [{ fault: 'deny', service: 'ec2', operation: 'DescribeSubnets' }];
    const snap = await source().collect();
    assert.deepEqual(
      snap.errors.map((e) => [e.region, e.kind, e.missingPermission]),
      [
        [REGION, 'denied', 'ec2:DescribeSubnets'],
        [WEST, 'denied', 'ec2:DescribeSubnets'],
      ],
    );
    assert.deepEqual(snap.network.subnets, []);
    assert.ok(snap.network.securityGroups.some((g) => g.id === h.ids.securityGroup));
  });
});

describe('throttling', () => {
  it('a passing burst is retried and leaves no error', async () => {
    h.proxy.faults = [{ fault: 'throttle', service: 'lambda', operation: 'GetPolicy', pathIncludes: '/functions/lg-public-url/', times: 2 }];
    const snap = await source({ maxAttempts: 4 }).collect();
    assert.deepEqual(snap.errors, []);
    assert.ok(fn(snap, 'lg-public-url')?.resourcePolicy);
    const attempts = h.proxy.seen.filter((r) => r.operation === 'GetPolicy' && decodeURIComponent(r.path).includes('/lg-public-url/'));
    assert.deepEqual(
      attempts.map((r) => r.fault),
      ['throttle', 'throttle', undefined],
    );
  });

  it('persistent throttling ends as a `throttled` error per region after the retries', async () => {
    h.proxy.faults = [{ fault: 'throttle', service: 'lambda', operation: 'ListEventSourceMappings' }];
    const snap = await source().collect();
    assert.deepEqual(
      snap.errors.map((e) => [e.operation, e.region, e.kind]),
      [
        ['ListEventSourceMappings', REGION, 'throttled'],
        ['ListEventSourceMappings', WEST, 'throttled'],
      ],
    );
    assert.match(snap.errors[0].message, /throttling lambda:ListEventSourceMappings in us-east-1/);
    assert.equal(h.proxy.counts()['lambda:ListEventSourceMappings'], 4, 'two attempts per region');
    assert.equal(snap.functions.length, 63);
  });
});

describe('a failing region, a timeout, cancellation', () => {
  it('a region whose endpoint resets every connection: errors for that region only', async () => {
    h.proxy.faults = [{ fault: 'reset', region: WEST }];
    const snap = await source().collect();
    // Every read of the region failed alike: one error for the region, not one per operation.
    assert.deepEqual(snap.errors.map(brief), [
      { service: 'lambda', operation: 'ListFunctions', region: WEST, resource: undefined, kind: 'network', missingPermission: undefined },
    ]);
    assert.equal(snap.errors[0].message, `Nothing could be read in us-west-2: Cannot reach the endpoint ${h.url} for lambda:ListFunctions in us-west-2 (ECONNRESET): check the endpoint setting and that the emulator is running.`);
    const attempted = new Set(h.proxy.seen.filter((r) => r.region === WEST).map((r) => r.operation));
    assert.deepEqual(attempted, new Set(['ListFunctions', 'ListEventSourceMappings', 'DescribeNetworkInterfaces', 'DescribeSubnets', 'DescribeSecurityGroups', 'DescribeAlarms']));
    assert.equal(snap.functions.filter((f) => f.region === REGION).length, 61);
    assert.equal(snap.functions.filter((f) => f.region === WEST).length, 0);
  });

  it('a call that never answers becomes a `timeout` error, and the collection ends', async () => {
    // One region with two functions, and a timeout far above moto's answer times even on a busy machine.
    h.proxy.faults = [{ fault: 'delay', delayMs: 120_000, service: 'lambda', operation: 'GetFunctionUrlConfig', pathIncludes: '/functions/lg-west-2/' }];
    const snap = await source({ regions: [WEST], requestTimeoutMs: 3_000, maxAttempts: 1 }).collect();
    assert.deepEqual(snap.errors.map(brief), [
      { service: 'lambda', operation: 'GetFunctionUrlConfig', region: WEST, resource: 'lg-west-2', kind: 'timeout', missingPermission: undefined },
    ]);
    assert.equal(snap.errors[0].message, `lambda:GetFunctionUrlConfig for lg-west-2 in us-west-2 timed out at ${h.url}: the endpoint did not answer in time. Check the network, or raise the request timeout.`);
    assert.deepEqual(
      snap.functions.map((f) => [f.name, f.url?.authType]),
      [
        ['lg-west-1', 'AWS_IAM'],
        ['lg-west-2', undefined],
      ],
    );
  });

  it('cancelling returns what was read, marked cancelled, and caches nothing', async () => {
    // ListFunctions in us-west-2 hangs, so the collection is still running when it is cancelled.
    h.proxy.faults = [{ fault: 'delay', delayMs: 60_000, region: WEST, service: 'lambda', operation: 'ListFunctions' }];
    const controller = new AbortController();
    const src = source();
    const snap = await src.collect({
      signal: controller.signal,
      onProgress: (p) => {
        if (p.kind === 'functions' && p.region === REGION && p.stage === 'detailed') controller.abort();
      },
    });
    assert.equal(snap.errors.at(-1)?.kind, 'cancelled');
    assert.ok(snap.functions.filter((f) => f.region === REGION).length >= 50, 'the first page is kept');
    h.proxy.faults = [];
    const again = await src.collect();
    assert.deepEqual(again.errors, []);
    assert.equal(again.functions.length, 63);
  });
});

describe('nothing readable at all', () => {
  it('an unreachable endpoint rejects with one specific error naming it', async () => {
    const src = createAwsSource({ endpoint: 'http://127.0.0.1:9', regions: [REGION], credentials: async () => TEST_CREDENTIALS, maxAttempts: 1 });
    await assert.rejects(src.collect(), (e: unknown) => {
      assert.ok(e instanceof AwsCollectionError);
      assert.equal(e.error.kind, 'network');
      assert.equal(e.error.operation, 'GetCallerIdentity');
      assert.match(e.message, /^Cannot reach the endpoint http:\/\/127\.0\.0\.1:9 for sts:GetCallerIdentity in us-east-1 \(ECONNREFUSED\)/);
      return true;
    });
  });
});
