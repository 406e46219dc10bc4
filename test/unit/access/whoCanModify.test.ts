// Who can modify: a hand-written account. Each expectation is worked out from IAM semantics by hand:
// UpdateFunctionCode / UpdateFunctionConfiguration / AddPermission on the unqualified function ARN, or
// iam:PassRole of its role together with lambda:CreateFunction.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeAccess } from '../../../src/core/access/analyzeAccess';
import type { AccessGrant } from '../../../src/core/access/accessModel';
import { ACCOUNT, allow, deny, doc, FN, fn, group, managed, OTHER, POLICY, role, ROLE, snapshot, user, USER } from './builders';

const ORDERS = `${FN}orders`;
const ORDERS_ROLE = `${ROLE}orders-role`;
const mfa = { Bool: { 'aws:MultiFactorAuthPresent': 'true' } };
const toLambda = { StringEquals: { 'iam:PassedToService': 'lambda.amazonaws.com' } };

const account = snapshot({
  functions: [
    fn('orders', {
      role: ORDERS_ROLE,
      policy: doc({ Sid: 'xacct-deploy', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${OTHER}:role/deployer` }, Action: 'lambda:UpdateFunctionCode', Resource: ORDERS }),
    }),
  ],
  roles: [
    role('ci-deployer', { inline: { deploy: doc(allow('lambda:UpdateFunctionCode', `${FN}*`)) } }),
    // The execution role may invoke another function and write a table: it cannot modify `orders`.
    role('orders-role', { inline: { app: doc(allow('dynamodb:PutItem', '*'), allow('lambda:InvokeFunction', `${FN}other`)) } }),
    role('reader', { inline: { read: doc(allow(['lambda:Get*', 'lambda:List*'])) } }),
    // Full rights capped by a read-only boundary.
    role('bounded-admin', { inline: { all: doc(allow('*')) }, boundary: `${POLICY}ReadOnlyBoundary` }),
    // A boundary that allows only under a principal tag: the grant is conditional on it.
    role('platform', { inline: { deploy: doc(allow('lambda:UpdateFunctionCode', ORDERS)) }, boundary: `${POLICY}TeamBoundary` }),
    role('builder', { inline: { build: doc(allow('iam:PassRole', ORDERS_ROLE, { Condition: toLambda }), allow('lambda:CreateFunction')) } }),
    role('ec2-builder', {
      inline: { build: doc(allow('iam:PassRole', '*', { Condition: { StringEquals: { 'iam:PassedToService': 'ec2.amazonaws.com' } } }), allow('lambda:CreateFunction')) },
    }),
    role('pass-only', { inline: { p: doc(allow('iam:PassRole')) } }),
    role('other-roles-builder', { inline: { b: doc(allow('iam:PassRole', `${ROLE}other-*`), allow('lambda:CreateFunction')) } }),
    // May create only `team-*` functions, and a Deny removes exactly those: no name is left.
    role('boxed-creator', {
      inline: { b: doc(allow('iam:PassRole'), allow('lambda:CreateFunction', `arn:aws:lambda:*:${ACCOUNT}:function:team-*`), deny('lambda:CreateFunction', 'arn:aws:lambda:*:*:function:team-*')) },
    }),
    // Same Allow, a Deny on other names: `team-x` can still be created.
    role('team-creator', {
      inline: { b: doc(allow('iam:PassRole'), allow('lambda:CreateFunction', `arn:aws:lambda:*:${ACCOUNT}:function:team-*`), deny('lambda:CreateFunction', 'arn:aws:lambda:*:*:function:prod-*')) },
    }),
  ],
  users: [
    user('alice', { groups: ['deployers'] }),
    user('bob', { groups: ['deployers'], inline: { guard: doc(deny('lambda:AddPermission')) } }),
    user('carol', { inline: { mfa: doc(allow('lambda:*', '*', { Condition: mfa })) } }),
    user('dave', { attached: [`${POLICY}Legacy`] }),
  ],
  groups: [group('deployers', { attached: [`${POLICY}LambdaDeploy`] })],
  policies: [
    managed('LambdaDeploy', doc(allow(['lambda:UpdateFunctionConfiguration', 'lambda:AddPermission'], ORDERS))),
    managed('ReadOnlyBoundary', doc(allow(['lambda:Get*', 'lambda:List*']))),
    managed('TeamBoundary', doc(allow('lambda:*', '*', { Condition: { StringEquals: { 'aws:PrincipalTag/team': 'platform' } } }))),
    managed('Legacy', undefined),
  ],
});

const access = analyzeAccess(account).get(ORDERS);
const modify = access?.whoCanModify ?? [];
const grantOf = (principal: string): AccessGrant | undefined => modify.find((g) => g.principal === principal);

test('who can modify names exactly the identities that can, sorted by principal', () => {
  assert.deepEqual(
    modify.map((g) => g.principal),
    [
      `${ROLE}builder`,
      `${ROLE}ci-deployer`,
      `${ROLE}platform`,
      `${ROLE}team-creator`,
      `${USER}alice`,
      `${USER}bob`,
      `${USER}carol`,
      `arn:aws:iam::${OTHER}:role/deployer`,
    ],
  );
});

test('an identity policy grant: actions, not conditional, via the inline policy', () => {
  assert.deepEqual(grantOf(`${ROLE}ci-deployer`), {
    principal: `${ROLE}ci-deployer`,
    kind: 'role',
    actions: ['lambda:UpdateFunctionCode'],
    conditional: false,
    conditions: [],
    via: ['inline policy deploy of role ci-deployer, statement 1'],
  });
});

test('users are reported through their group; a user Deny removes one action', () => {
  assert.deepEqual(grantOf(`${USER}alice`), {
    principal: `${USER}alice`,
    kind: 'user',
    actions: ['lambda:AddPermission', 'lambda:UpdateFunctionConfiguration'],
    conditional: false,
    conditions: [],
    via: ['group deployers', 'managed policy LambdaDeploy, statement 1'],
  });
  assert.deepEqual(grantOf(`${USER}bob`)?.actions, ['lambda:UpdateFunctionConfiguration']);
  assert.equal(
    modify.some((g) => g.principal.includes(':group/')),
    false,
    'groups are not principals',
  );
});

test('a condition in an Allow is shown, never dropped', () => {
  const carol = grantOf(`${USER}carol`);
  assert.deepEqual(carol?.actions, ['lambda:AddPermission', 'lambda:UpdateFunctionCode', 'lambda:UpdateFunctionConfiguration']);
  assert.equal(carol?.conditional, true);
  assert.deepEqual(carol?.conditions, [{ operator: 'Bool', key: 'aws:MultiFactorAuthPresent', values: ['true'] }]);
});

test('permissions boundaries: a restricting one removes the grant, a conditional one makes it conditional', () => {
  assert.equal(grantOf(`${ROLE}bounded-admin`), undefined);
  const platform = grantOf(`${ROLE}platform`);
  assert.equal(platform?.conditional, true);
  assert.deepEqual(platform?.conditions, [{ operator: 'StringEquals', key: 'aws:PrincipalTag/team', values: ['platform'] }]);
  assert.ok(platform?.via.includes('inline policy deploy of role platform, statement 1'));
});

test('the execution role and read-only roles do not appear when they cannot modify', () => {
  assert.equal(grantOf(ORDERS_ROLE), undefined);
  assert.equal(grantOf(`${ROLE}reader`), undefined);
});

test('iam:PassRole of the function role + lambda:CreateFunction is a way to modify', () => {
  // iam:PassedToService is known here (the role goes to Lambda): the condition is met and kept for display.
  assert.deepEqual(grantOf(`${ROLE}builder`), {
    principal: `${ROLE}builder`,
    kind: 'role',
    actions: ['iam:PassRole+lambda:CreateFunction'],
    conditional: false,
    conditions: [],
    via: ['inline policy build of role builder, statement 1', 'inline policy build of role builder, statement 2'],
    satisfiedConditions: [{ operator: 'StringEquals', key: 'iam:PassedToService', values: ['lambda.amazonaws.com'] }],
  });
  // Passing only to EC2, PassRole without CreateFunction, another role: none of them.
  for (const r of ['ec2-builder', 'pass-only', 'other-roles-builder']) assert.equal(grantOf(`${ROLE}${r}`), undefined, r);
  // A Deny covering every name the Allow permits leaves nothing; one on other names leaves `team-*`.
  assert.equal(grantOf(`${ROLE}boxed-creator`), undefined);
  assert.deepEqual(grantOf(`${ROLE}team-creator`)?.actions, ['iam:PassRole+lambda:CreateFunction']);
});

test('a cross-account principal granted by the resource policy is listed as a grantee', () => {
  assert.deepEqual(grantOf(`arn:aws:iam::${OTHER}:role/deployer`), {
    principal: `arn:aws:iam::${OTHER}:role/deployer`,
    kind: 'role',
    actions: ['lambda:UpdateFunctionCode'],
    conditional: false,
    conditions: [],
    via: ['resource policy, statement "xacct-deploy"'],
  });
});

test('a missing managed policy document is reported as unknown, not as "grants nothing"', () => {
  assert.deepEqual(access?.unknownPolicies, [`${POLICY}Legacy (attached to user dave)`]);
  assert.equal(grantOf(`${USER}dave`), undefined);
});

test('a listed principal with a missing policy carries it, since a Deny there could change the answer', () => {
  const s = snapshot({
    functions: [fn('orders')],
    roles: [role('ops', { inline: { all: doc(allow('lambda:*')) }, attached: [`${POLICY}Gone`] })],
  });
  const ops = analyzeAccess(s).get(ORDERS)?.whoCanModify[0];
  assert.equal(ops?.principal, `${ROLE}ops`);
  assert.deepEqual(ops?.unknownPolicies, [`${POLICY}Gone`]);
});

test('some actions conditional, others not: conditional is false and the conditional ones are named', () => {
  const s = snapshot({
    functions: [fn('orders')],
    roles: [role('mixed', { inline: { p: doc(allow('lambda:UpdateFunctionCode'), allow('lambda:AddPermission', '*', { Condition: mfa })) } })],
  });
  const g = analyzeAccess(s).get(ORDERS)?.whoCanModify[0];
  assert.deepEqual(g?.actions, ['lambda:AddPermission', 'lambda:UpdateFunctionCode']);
  assert.equal(g?.conditional, false);
  assert.deepEqual(g?.conditionalActions, ['lambda:AddPermission']);
  assert.deepEqual(g?.conditions, [{ operator: 'Bool', key: 'aws:MultiFactorAuthPresent', values: ['true'] }]);
});

test('a conditional Deny turns the grant conditional with the Deny condition shown', () => {
  const s = snapshot({
    functions: [fn('orders')],
    roles: [role('ops', { inline: { p: doc(allow('lambda:UpdateFunctionCode'), deny('lambda:*', '*', { Condition: { StringNotEquals: { 'aws:SourceVpc': 'vpc-1' } } })) } })],
  });
  const g = analyzeAccess(s).get(ORDERS)?.whoCanModify[0];
  assert.equal(g?.conditional, true);
  assert.deepEqual(g?.conditions, []);
  assert.deepEqual(g?.denyConditions, [{ operator: 'StringNotEquals', key: 'aws:SourceVpc', values: ['vpc-1'] }]);
});

test('ABAC on the function tags is judged against the function', () => {
  const abac = doc(allow('lambda:UpdateFunctionCode', '*', { Condition: { StringEquals: { 'aws:ResourceTag/team': 'payments' } } }));
  const s = snapshot({ functions: [fn('orders', { tags: { team: 'payments' } }), fn('web', { tags: { team: 'web' } })], roles: [role('payments-dev', { inline: { abac } })] });
  const result = analyzeAccess(s);
  assert.deepEqual(
    result.get(ORDERS)?.whoCanModify.map((g) => [g.principal, g.conditional]),
    [[`${ROLE}payments-dev`, false]],
  );
  assert.deepEqual(result.get(`${FN}web`)?.whoCanModify, []);
});

test('a group missing from the snapshot is an unknown, listed once with its members', () => {
  const s = snapshot({ functions: [fn('orders')], users: [user('zed', { groups: ['ghosts'] }), user('amy', { groups: ['ghosts'] })] });
  assert.deepEqual(analyzeAccess(s).get(ORDERS)?.unknownPolicies, ['group ghosts (not in the snapshot; members: amy, zed)']);
});

test('without the account id (STS failed), the function ARNs still give it for PassRole + CreateFunction', () => {
  const s = snapshot({
    functions: [fn('orders', { role: ORDERS_ROLE })],
    roles: [role('builder', { inline: { b: doc(allow('iam:PassRole', ORDERS_ROLE), allow('lambda:CreateFunction', `arn:aws:lambda:*:${ACCOUNT}:function:*`)) } })],
  });
  s.account.id = '';
  assert.deepEqual(analyzeAccess(s).get(ORDERS)?.whoCanModify.map((g) => [g.principal, g.actions]), [[`${ROLE}builder`, ['iam:PassRole+lambda:CreateFunction']]]);
});

test('two members of one group: the one whose boundary allows no Lambda update is not listed', () => {
  // Same group statements, so the same Allow; the boundary of `capped` allows only reads (identity ∩
  // boundary = nothing for UpdateFunctionCode), the other user has no boundary. Found by the blind audit
  // account, where an AdministratorAccess role capped by an S3/logs boundary was listed.
  const s = snapshot({
    functions: [fn('orders')],
    users: [user('free', { groups: ['devs'] }), user('capped', { groups: ['devs'], boundary: `${POLICY}ReadsOnly` })],
    groups: [group('devs', { inline: { dev: doc(allow('lambda:UpdateFunctionCode', `${FN}*`)) } })],
    policies: [managed('ReadsOnly', doc(allow(['lambda:Get*', 'logs:*'])))],
  });
  const who = analyzeAccess(s).get(`${FN}orders`)!.whoCanModify.map((g) => g.principal);
  assert.deepEqual(who, [`${USER}free`]);
});
