/**
 * docs/iam-policy.json — the least-privilege policy users attach — against the one allow-list of
 * operations: the same IAM actions, no more, no fewer; and the allow-list holds only reads.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { iamActionFor, READ_ONLY_OPERATIONS, requiredIamActions } from '../../../src/core/inventory/aws/readOnly';

interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: string | string[];
  Condition?: unknown;
}
const policy = JSON.parse(readFileSync('docs/iam-policy.json', 'utf8')) as { Version: string; Statement: Statement[] };
const granted = policy.Statement.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]));

describe('docs/iam-policy.json', () => {
  it('grants exactly the IAM actions of the read-only allow-list', () => {
    assert.deepEqual([...granted].sort(), requiredIamActions());
    assert.equal(new Set(granted).size, granted.length, 'no action twice');
  });

  it('is a plain Allow policy without wildcard actions', () => {
    assert.equal(policy.Version, '2012-10-17');
    for (const s of policy.Statement) {
      assert.equal(s.Effect, 'Allow');
      assert.equal(s.Condition, undefined);
    }
    assert.ok(granted.every((a) => !a.includes('*')));
  });

  it('maps operations whose IAM action has another name', () => {
    assert.equal(iamActionFor('s3', 'ListObjectsV2'), 's3:ListBucket');
    assert.ok(granted.includes('s3:ListBucket') && !granted.includes('s3:ListObjectsV2'));
    // GetCallerIdentity needs no permission at all.
    assert.equal(iamActionFor('sts', 'GetCallerIdentity'), null);
    assert.ok(!granted.includes('sts:GetCallerIdentity'));
  });
});

describe('READ_ONLY_OPERATIONS', () => {
  it('holds reads only: Get, List, Describe, Lookup, Filter — and Logs Insights queries, which change nothing', () => {
    const notReads = READ_ONLY_OPERATIONS.filter((op) => !/^[a-z0-9]+:(Get|List|Describe|Lookup|Filter)[A-Z]/.test(op));
    assert.deepEqual(notReads, ['logs:StartQuery', 'logs:StopQuery']);
  });

  it('lists every operation the inventory and the later telemetry need', () => {
    for (const op of ['lambda:ListFunctions', 'lambda:GetPolicy', 'iam:GetAccountAuthorizationDetails', 'ec2:DescribeNetworkInterfaces', 'cloudwatch:DescribeAlarms', 'sts:GetCallerIdentity']) {
      assert.ok(READ_ONLY_OPERATIONS.includes(op), op);
    }
    for (const op of ['ec2:DescribeFlowLogs', 'logs:FilterLogEvents', 'logs:StartQuery', 'cloudtrail:LookupEvents', 'cloudwatch:GetMetricData', 's3:ListObjectsV2', 's3:GetObject']) {
      assert.ok(READ_ONLY_OPERATIONS.includes(op), op);
    }
  });
});
