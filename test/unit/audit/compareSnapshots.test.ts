import { test } from 'node:test';
import assert from 'node:assert/strict';
import { auditSnapshot } from '../../../src/core/audit/auditAccount';
import { compareSnapshots } from '../../../src/core/audit/compareSnapshots';
import { comparisonText } from '../../../src/core/audit/comparisonText';
import type { AccountSnapshot } from '../../../src/core/inventory/accountModel';
import { ALL_RULES } from '../../../src/core/rules/registry';
import { ACCOUNT, customerPolicy, doc, fn, FN, role, snapshot } from './auditBuilders';

// "What changed since the last audit": functions, permissions, URLs, role policies, code and findings.

const RULES = ALL_RULES.map((r) => r.meta);
const S3_PERMISSION = {
  Sid: 's3',
  Effect: 'Allow',
  Principal: { Service: 's3.amazonaws.com' },
  Action: 'lambda:InvokeFunction',
  Resource: `${FN}api`,
  Condition: { ArnLike: { 'AWS:SourceArn': 'arn:aws:s3:::uploads' } },
};
const PUBLIC_PERMISSION = { Sid: 'open', Effect: 'Allow', Principal: '*', Action: 'lambda:InvokeFunction', Resource: `${FN}api` };
const READ = doc({ Effect: 'Allow', Action: 'dynamodb:GetItem', Resource: `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/orders` });
const WRITE = doc({ Effect: 'Allow', Action: ['dynamodb:GetItem', 'dynamodb:PutItem'], Resource: `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/orders` });
const LOGS = `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:audit:*`;
const audit = customerPolicy('audit-logs', doc({ Effect: 'Allow', Action: 'logs:PutLogEvents', Resource: LOGS }));

function before(): AccountSnapshot {
  const s = snapshot({
    functions: [
      fn('api', { codeSha256: 'sha-1', resourcePolicy: doc(S3_PERMISSION), url: { url: 'https://a.lambda-url.us-east-1.on.aws/', authType: 'NONE' } }),
      fn('old-job', { codeSha256: 'sha-9' }),
    ],
    roles: [role('api-role', { inline: { data: READ }, attached: [audit.arn] }), role('old-job-role')],
    policies: [audit],
  });
  s.collectedAt = '2026-01-01T00:00:00.000Z';
  s.source = { kind: 'snapshot', file: 'january.json' };
  return s;
}

function after(): AccountSnapshot {
  const s = snapshot({
    functions: [
      fn('api', { codeSha256: 'sha-2', resourcePolicy: doc(PUBLIC_PERMISSION), url: { url: 'https://a.lambda-url.us-east-1.on.aws/', authType: 'AWS_IAM' } }),
      fn('new-job', { codeSha256: 'sha-5' }),
    ],
    roles: [role('api-role', { inline: { data: WRITE, extra: READ } }), role('new-job-role')],
    policies: [audit],
  });
  s.collectedAt = '2026-04-01T00:00:00.000Z';
  return s;
}

const compare = (b: AccountSnapshot, a: AccountSnapshot) => compareSnapshots(b, a, auditSnapshot(b, RULES).findings, auditSnapshot(a, RULES).findings);

test('two equal snapshots: nothing added, removed, changed, new or resolved', () => {
  const c = compare(before(), before());
  assert.deepEqual(c.functionsAdded, []);
  assert.deepEqual(c.functionsRemoved, []);
  assert.deepEqual(c.changed, []);
  assert.deepEqual(c.newFindings, []);
  assert.deepEqual(c.resolvedFindings, []);
  assert.match(comparisonText(c), /Nothing changed\./);
});

test('functions added and removed, by region/name', () => {
  const c = compare(before(), after());
  assert.deepEqual(c.functionsAdded, ['us-east-1/new-job']);
  assert.deepEqual(c.functionsRemoved, ['us-east-1/old-job']);
  assert.deepEqual(c.before, { collectedAt: '2026-01-01T00:00:00.000Z', source: 'january.json' });
  assert.equal(c.after.collectedAt, '2026-04-01T00:00:00.000Z');
});

test('a function of the same name in another region is another function', () => {
  const b = before();
  const a = before();
  a.functions.push({ ...fn('api'), region: 'eu-west-1', arn: `arn:aws:lambda:eu-west-1:${ACCOUNT}:function:api` });
  assert.deepEqual(compare(b, a).functionsAdded, ['eu-west-1/api']);
});

test('one changed function: code SHA, permission removed and added, URL auth, inline policy changed and added, attached policy removed', () => {
  const c = compare(before(), after());
  assert.equal(c.changed.length, 1, JSON.stringify(c.changed));
  const api = c.changed[0];
  assert.equal(api.name, 'api');
  assert.equal(api.region, 'us-east-1');
  assert.deepEqual(api.codeChanged, { from: 'sha-1', to: 'sha-2' });
  assert.equal(api.roleChanged, undefined);
  assert.equal(api.permissionsAdded.length, 1);
  assert.match(api.permissionsAdded[0], /^open: Allow \* lambda:InvokeFunction/);
  assert.equal(api.permissionsRemoved.length, 1);
  assert.match(api.permissionsRemoved[0], /^s3: Allow s3\.amazonaws\.com lambda:InvokeFunction .*arn:aws:s3:::uploads/);
  assert.deepEqual(api.urlChanged, { from: 'https://a.lambda-url.us-east-1.on.aws/ (NONE)', to: 'https://a.lambda-url.us-east-1.on.aws/ (AWS_IAM)' });
  assert.deepEqual(api.rolePoliciesChanged, ['inline data']);
  assert.deepEqual(api.rolePoliciesAdded, ['inline extra']);
  assert.deepEqual(api.rolePoliciesRemoved, [`attached ${audit.arn}`]);
});

test('a condition change on a permission with the same sid is a removal and an addition', () => {
  const b = before();
  const a = before();
  a.functions[0].resourcePolicy = doc({ ...S3_PERMISSION, Condition: { ArnLike: { 'AWS:SourceArn': 'arn:aws:s3:::other' } } });
  const [api] = compare(b, a).changed;
  assert.equal(api.permissionsAdded.length, 1);
  assert.equal(api.permissionsRemoved.length, 1);
  assert.match(api.permissionsAdded[0], /arn:aws:s3:::other/);
});

test('a URL removed, and a new execution role, are reported', () => {
  const b = before();
  const a = before();
  delete a.functions[0].url;
  a.functions[0].role = `arn:aws:iam::${ACCOUNT}:role/api-role-v2`;
  a.iam.roles.push(role('api-role-v2'));
  const [api] = compare(b, a).changed;
  assert.deepEqual(api.urlChanged, { from: 'https://a.lambda-url.us-east-1.on.aws/ (NONE)', to: null });
  assert.deepEqual(api.roleChanged, { from: `arn:aws:iam::${ACCOUNT}:role/api-role`, to: `arn:aws:iam::${ACCOUNT}:role/api-role-v2` });
});

test('a new default version of a customer managed policy attached to the role is a role policy change', () => {
  // The attachment is unchanged, but what the role may do is not: logs:PutLogEvents became logs:*.
  const b = before();
  const a = before();
  a.iam.policies = [{ ...audit, document: doc({ Effect: 'Allow', Action: 'logs:*', Resource: '*' }) }];
  const c = compare(b, a);
  assert.equal(c.changed.length, 1, JSON.stringify(c));
  assert.deepEqual(c.changed[0].rolePoliciesChanged, [`attached ${audit.arn}`]);
});

test('findings: a public permission is new (LG006), the closed URL is resolved (LG008)', () => {
  const c = compare(before(), after());
  const key = (f: { ruleId: string; target?: { functionName?: string } }) => `${f.ruleId} ${f.target?.functionName}`;
  assert.ok(c.newFindings.map(key).includes('LG006 api'), c.newFindings.map(key).join(', '));
  assert.ok(c.resolvedFindings.map(key).includes('LG008 api'), c.resolvedFindings.map(key).join(', '));
  assert.ok(!c.newFindings.map(key).includes('LG008 api'));
  assert.ok(!c.resolvedFindings.map(key).includes('LG006 api'));
});

test('comparison text lists every change under its function', () => {
  const t = comparisonText(compare(before(), after()));
  const expected = [
    'New functions:',
    'us-east-1/new-job',
    'Removed functions:',
    'us-east-1/old-job',
    'Changed: us-east-1/api',
    'code changed (sha-1 → sha-2)',
    'role policy changed: inline data',
    'role policy added: inline extra',
    `role policy removed: attached ${audit.arn}`,
    'New findings:',
    'Resolved findings:',
  ];
  for (const s of expected) {
    assert.ok(t.includes(s), `${s} in\n${t}`);
  }
  assert.ok(!t.includes('Nothing changed'));
});
