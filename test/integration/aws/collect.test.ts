/**
 * A whole collection of the seeded account over the wire (moto server behind the recording proxy, which
 * also pages ListFunctions as AWS does). Every expectation comes from seedData.ts or from AWS's published
 * managed policies, written by hand.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { AccountSnapshot, LiveFunction } from '../../../src/core/inventory/accountModel';
import type { CollectProgress } from '../../../src/core/inventory/accountSource';
import { countCalls, startHarness, type Harness } from './awsHarness';
import { ACCOUNT_ID, OTHER_ACCOUNT_ID } from './motoEndpoint';
import * as s from './seedData';
import { codeSha256, emptyZip } from './zipFile';

let h: Harness;
let snap: AccountSnapshot;
const progress: CollectProgress[] = [];

const fn = (name: string): LiveFunction => {
  const f = snap.functions.find((x) => x.name === name);
  assert.ok(f, `function ${name} collected`);
  return f;
};
const statement = (f: LiveFunction, sid: string): Record<string, unknown> => {
  const list = f.resourcePolicy?.Statement as Record<string, unknown>[];
  const st = list.find((x) => x.Sid === sid);
  assert.ok(st, `statement ${sid} of ${f.name}`);
  return st;
};

before(async () => {
  h = await startHarness();
  snap = await h.source().collect({ onProgress: (p) => progress.push(p) });
});
after(() => h.stop());

describe('functions', () => {
  it('reads every function of both regions, across ListFunctions pages', () => {
    assert.deepEqual(snap.errors, []);
    const east = snap.functions.filter((f) => f.region === s.REGION).map((f) => f.name);
    assert.equal(east.length, s.EAST_FUNCTION_COUNT);
    assert.deepEqual(new Set(east), new Set([...s.BULK_FUNCTIONS, ...s.NAMED_FUNCTIONS]));
    assert.deepEqual(snap.functions.filter((f) => f.region === s.WEST).map((f) => f.name), s.WEST_FUNCTIONS);
    // 61 functions in us-east-1 are two pages of 50; us-west-2 is one page.
    assert.equal(h.proxy.counts()['lambda:ListFunctions'], 3);
  });

  it('reports each page as it arrives, then the same functions with their details', () => {
    const east = progress.filter((p): p is Extract<CollectProgress, { kind: 'functions' }> => p.kind === 'functions' && p.region === s.REGION);
    const listed = east.filter((p) => p.stage === 'listed');
    assert.deepEqual(
      listed.map((p) => p.functions.length),
      [50, 11],
    );
    assert.ok(progress.indexOf(listed[0]) < progress.indexOf(east.find((p) => p.stage === 'detailed')!), 'the first page is reported before any details');
    assert.ok(
      listed.flatMap((p) => p.functions).every((f) => f.resourcePolicy === undefined && f.url === undefined),
      'listed: before the policy and URL reads',
    );
    const detailed = east.filter((p) => p.stage === 'detailed').flatMap((p) => p.functions);
    assert.equal(detailed.length, 61);
    assert.equal(detailed.find((f) => f.name === 'lg-public-url')?.url?.authType, 'NONE');
  });

  it('maps configuration, tags, environment and the code hash', () => {
    const f = fn('lg-public-url');
    assert.equal(f.arn, s.functionArn('lg-public-url'));
    assert.equal(f.role, s.roleArn('lg-fn-admin'));
    assert.equal(f.runtime, 'python3.12');
    assert.equal(f.handler, 'index.handler');
    assert.deepEqual(f.tags, s.PUBLIC_URL_TAGS);
    assert.deepEqual(f.environment, s.PUBLIC_URL_ENV);
    assert.equal(f.codeSha256, codeSha256(emptyZip('lg-public-url')));
    assert.match(f.lastModified ?? '', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    assert.equal(f.vpc, undefined);
    assert.deepEqual(fn('lg-bulk-07').tags, {});
  });

  it('reads function URLs, and no URL where there is none', () => {
    const url = fn('lg-public-url').url;
    assert.equal(url?.authType, 'NONE');
    assert.match(url?.url ?? '', /^https:\/\/[a-z0-9]+\.lambda-url\.us-east-1\.on\.aws/);
    assert.deepEqual(url?.cors?.allowOrigins, ['*']);
    assert.deepEqual(url?.cors?.allowMethods, ['GET']);
    assert.equal(fn('lg-west-1').url?.authType, 'AWS_IAM');
    assert.equal(fn('lg-bulk-00').url, undefined);
  });

  it('reads resource policies: none, conditional, unconditional, public and cross-account', () => {
    assert.equal(fn('lg-bulk-00').resourcePolicy, undefined);
    const s3 = statement(fn('lg-s3-trigger'), 's3-invoke');
    assert.deepEqual(s3.Principal, { Service: 's3.amazonaws.com' });
    assert.equal(s3.Action, 'lambda:InvokeFunction');
    assert.equal(s3.Resource, s.functionArn('lg-s3-trigger'));
    assert.deepEqual(s3.Condition, { ArnLike: { 'AWS:SourceArn': s.UPLOADS_BUCKET_ARN }, StringEquals: { 'AWS:SourceAccount': ACCOUNT_ID } });
    const events = statement(fn('lg-s3-trigger'), 'events-invoke');
    assert.deepEqual(events.Principal, { Service: 'events.amazonaws.com' });
    assert.equal(events.Condition, undefined);
    const pub = statement(fn('lg-public-url'), 'public-url');
    assert.equal(pub.Principal, '*');
    assert.equal(pub.Action, 'lambda:InvokeFunctionUrl');
    assert.deepEqual(pub.Condition, { StringEquals: { 'lambda:FunctionUrlAuthType': 'NONE' } });
    const partner = statement(fn('lg-cross-account'), 'partner');
    assert.deepEqual(partner.Principal, { AWS: `arn:aws:iam::${OTHER_ACCOUNT_ID}:root` });
  });

  it('reads event source mappings, region-wide, onto their functions', () => {
    assert.deepEqual(fn('lg-sqs-consumer').eventSourceMappings, [{ uuid: h.ids.mappingUuid, eventSourceArn: h.ids.queueArn, state: 'Enabled', batchSize: 5 }]);
    assert.deepEqual(fn('lg-bulk-01').eventSourceMappings, []);
    assert.equal(h.proxy.counts()['lambda:ListEventSourceMappings'], 2, 'one read per region, not one per function');
  });

  it('makes the per-function calls once per function', () => {
    const counts = h.proxy.counts();
    for (const op of ['GetFunction', 'GetPolicy', 'GetFunctionUrlConfig']) assert.equal(counts[`lambda:${op}`], 63, op);
  });
});

describe('network and alarms', () => {
  it('reads VPC settings and every ENI, the shared one included', () => {
    for (const name of ['lg-vpc-a', 'lg-vpc-b']) {
      assert.deepEqual(fn(name).vpc?.subnetIds, [h.ids.subnetA], name);
      assert.deepEqual(fn(name).vpc?.securityGroupIds, [h.ids.securityGroup], name);
    }
    assert.deepEqual(fn('lg-vpc-c').vpc?.subnetIds, [h.ids.subnetB]);
    const eniA = snap.network.interfaces.find((n) => n.id === h.ids.eniA);
    assert.deepEqual(
      { subnet: eniA?.subnetId, vpc: eniA?.vpcId, description: eniA?.description, ips: eniA?.privateIps, sgs: eniA?.securityGroupIds, region: eniA?.region },
      { subnet: h.ids.subnetA, vpc: h.ids.vpcId, description: s.ENI_A_DESCRIPTION, ips: [s.ENI_A_IP], sgs: [h.ids.securityGroup], region: s.REGION },
    );
    const eniC = snap.network.interfaces.find((n) => n.id === h.ids.eniC);
    assert.deepEqual([eniC?.subnetId, eniC?.description, eniC?.privateIps], [h.ids.subnetB, s.ENI_C_DESCRIPTION, [s.ENI_C_IP]]);
  });

  it('reads subnets and security groups with their rules', () => {
    const a = snap.network.subnets.find((x) => x.id === h.ids.subnetA);
    assert.deepEqual(a && { vpcId: a.vpcId, cidr: a.cidr, name: a.name, region: a.region }, { vpcId: h.ids.vpcId, cidr: s.SUBNET_A_CIDR, name: 'lg-private-a', region: s.REGION });
    const sg = snap.network.securityGroups.find((g) => g.id === h.ids.securityGroup);
    assert.equal(sg?.name, 'lg-app');
    assert.equal(sg?.vpcId, h.ids.vpcId);
    const ingress = [...(sg?.ingress ?? [])].sort((x, y) => (x.fromPort ?? 0) - (y.fromPort ?? 0));
    assert.deepEqual(ingress, [
      { protocol: 'tcp', fromPort: 443, toPort: 443, peers: [s.VPC_CIDR] },
      { protocol: 'tcp', fromPort: 5432, toPort: 5432, peers: [h.ids.securityGroup] },
    ]);
    assert.deepEqual(sg?.egress, [{ protocol: '-1', peers: ['0.0.0.0/0'] }]);
  });

  it('reads metric alarms, with the metrics of metric-math alarms', () => {
    const plain = snap.alarms.find((a) => a.name === 'lg-alarmed-errors');
    assert.deepEqual(
      plain && { ns: plain.namespace, metric: plain.metricName, dims: plain.dimensions, region: plain.region },
      { ns: 'AWS/Lambda', metric: 'Errors', dims: [{ name: 'FunctionName', value: 'lg-alarmed' }], region: s.REGION },
    );
    const math = snap.alarms.find((a) => a.name === 'lg-error-rate');
    const dims = [{ name: 'FunctionName', value: 'lg-public-url' }];
    assert.deepEqual(math?.metrics, [
      { namespace: 'AWS/Lambda', metricName: 'Errors', dimensions: dims },
      { namespace: 'AWS/Lambda', metricName: 'Invocations', dimensions: dims },
    ]);
    assert.equal(snap.alarms.length, 2);
  });
});

describe('IAM', () => {
  const role = (name: string) => snap.iam.roles.find((r) => r.name === name);
  const user = (name: string) => snap.iam.users.find((u) => u.name === name);

  it('is one bulk call, never a call per role, with every document URL-decoded', () => {
    const iamCalls = Object.entries(h.proxy.counts()).filter(([op]) => op.startsWith('iam:'));
    assert.deepEqual(iamCalls, [['iam:GetAccountAuthorizationDetails', 1]]);
    assert.deepEqual(role('lg-fn-basic')?.inlinePolicies, [{ name: 'logs-write', document: s.LOGS_INLINE }]);
    assert.deepEqual(role('lg-fn-basic')?.trustPolicy, s.LAMBDA_TRUST);
    assert.deepEqual(role('lg-ci-deployer')?.trustPolicy, s.CI_TRUST);
    assert.deepEqual(role('lg-ci-deployer')?.inlinePolicies, [{ name: 'deploy', document: s.CI_DEPLOY }]);
  });

  it('reads roles, users, groups, memberships, boundaries and tags', () => {
    assert.deepEqual(snap.iam.roles.map((r) => r.name).sort(), ['lg-bounded', 'lg-ci-deployer', 'lg-fn-admin', 'lg-fn-basic', 'lg-fn-vpc']);
    assert.equal(role('lg-ci-deployer')?.permissionsBoundary, s.BOUNDARY_ARN);
    assert.deepEqual(role('lg-ci-deployer')?.tags, { team: 'platform' });
    assert.deepEqual(role('lg-fn-vpc')?.attachedPolicies.map((p) => p.arn).sort(), [s.S3_READ_ARN, s.AWS_VPC].sort());
    assert.deepEqual(user('alice')?.groups, ['developers']);
    assert.deepEqual([...(user('bob')?.groups ?? [])].sort(), ['admins', 'developers']);
    assert.deepEqual(user('bob')?.inlinePolicies, [{ name: 'pass-role', document: s.BOB_PASS_ROLE }]);
    assert.deepEqual(user('carol')?.attachedPolicies, [{ arn: s.S3_READ_ARN, name: 'lg-s3-read' }]);
    const developers = snap.iam.groups.find((g) => g.name === 'developers');
    assert.deepEqual(developers?.inlinePolicies, [{ name: 'deploy-code', document: s.DEVELOPERS_DEPLOY }]);
    assert.deepEqual(snap.iam.groups.find((g) => g.name === 'admins')?.attachedPolicies, [{ arn: s.AWS_IAM_FULL, name: 'IAMFullAccess' }]);
  });

  it('reads customer managed policies at their default version', () => {
    const p = snap.iam.policies.find((x) => x.arn === s.S3_READ_ARN);
    assert.deepEqual(p, { arn: s.S3_READ_ARN, name: 'lg-s3-read', awsManaged: false, defaultVersionId: 'v2', document: s.S3_READ_V2, documentSource: 'account' });
    assert.deepEqual(snap.iam.policies.find((x) => x.arn === s.BOUNDARY_ARN)?.document, s.BOUNDARY);
  });

  it('takes the AWS managed policies in use (attached or boundary) from the bundled dataset', () => {
    const managed = snap.iam.policies.filter((p) => p.awsManaged);
    assert.deepEqual(managed.map((p) => p.arn).sort(), [s.AWS_ADMIN, s.AWS_IAM_FULL, s.AWS_POWER_USER, s.AWS_BASIC, s.AWS_VPC].sort());
    assert.ok(managed.every((p) => p.documentSource === 'dataset'));
    // AWS's published documents.
    assert.deepEqual(managed.find((p) => p.arn === s.AWS_BASIC)?.document, {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'], Resource: '*' }],
    });
    assert.deepEqual(managed.find((p) => p.arn === s.AWS_ADMIN)?.document, { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] });
  });
});

describe('the account and the cache', () => {
  it('names the account, partition, regions and source', () => {
    assert.deepEqual(snap.account, { id: ACCOUNT_ID, partition: 'aws', callerArn: `arn:aws:sts::${ACCOUNT_ID}:user/moto` });
    assert.deepEqual(snap.regions, [s.REGION, s.WEST]);
    assert.deepEqual(snap.source, { kind: 'aws', endpoint: h.url });
    assert.equal(snap.format, 'lambda-guard-snapshot');
  });

  it('answers a second collection from its cache and reads again on refresh', async () => {
    const source = h.source();
    await source.collect();
    const before = h.proxy.seen.length;
    const again = await source.collect();
    assert.equal(h.proxy.seen.length, before, 'nothing sent');
    assert.equal(again.functions.length, 63);
    assert.deepEqual(again.iam.roles.map((r) => r.name).sort(), snap.iam.roles.map((r) => r.name).sort());
    const refreshed = await source.collect({ refresh: true });
    const sent = h.proxy.seen.slice(before).map((r) => `${r.service}:${r.operation}`);
    assert.equal(sent.filter((op) => op === 'iam:GetAccountAuthorizationDetails').length, 1);
    assert.equal(sent.filter((op) => op === 'lambda:GetPolicy').length, 63);
    assert.equal(refreshed.functions.length, 63);
  });

  it('reports the same calls through onCall as the wire shows', () => {
    assert.deepEqual(countCalls(h.calls), h.proxy.counts());
  });
});

describe('AWS managed policies the dataset lacks', () => {
  it('are read from IAM (GetPolicy + GetPolicyVersion), and their versions kept across refreshes', async () => {
    // A dataset holding only AWSLambdaBasicExecutionRole: the other four in use must come from IAM.
    const dir = mkdtempSync(path.join(tmpdir(), 'lg-dataset-'));
    const file = path.join(dir, 'aws-managed-policies.json');
    const basic = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'], Resource: '*' }] };
    writeFileSync(file, JSON.stringify({ format: 'lambda-guard-aws-managed-policies', source: 'test', policies: { [s.AWS_BASIC]: { versionId: 'v1', document: basic } } }));
    try {
      const source = h.source({ regions: [s.WEST] }, { managedPolicyDataset: file, pacing: 'none' });
      const seen = h.proxy.seen.length;
      const first = await source.collect();
      const iamOps = () =>
        h.proxy.seen
          .slice(seen)
          .filter((r) => r.service === 'iam')
          .map((r) => r.operation);
      const count = (ops: string[], op: string) => ops.filter((o) => o === op).length;
      assert.deepEqual([count(iamOps(), 'GetPolicy'), count(iamOps(), 'GetPolicyVersion')], [4, 4]);
      const byArn = new Map(first.iam.policies.map((p) => [p.arn, p]));
      assert.equal(byArn.get(s.AWS_BASIC)?.documentSource, 'dataset');
      for (const arn of [s.AWS_ADMIN, s.AWS_IAM_FULL, s.AWS_POWER_USER, s.AWS_VPC]) assert.equal(byArn.get(arn)?.documentSource, 'account', arn);
      assert.deepEqual(byArn.get(s.AWS_ADMIN)?.document, { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] });
      assert.equal(byArn.get(s.AWS_ADMIN)?.defaultVersionId, 'v1');
      await source.collect({ refresh: true });
      // The default versions are asked again (they can change); the documents of known versions are not.
      assert.deepEqual([count(iamOps(), 'GetPolicy'), count(iamOps(), 'GetPolicyVersion')], [8, 4]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
