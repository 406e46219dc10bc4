// Who can invoke: resource-policy statements (public, other accounts, services, the account's own
// identities) and identity policies. Expectations are worked out by hand from the IAM evaluation logic:
// within one account a resource policy naming a user ARN grants on its own, one naming a role ARN is
// still capped by the role's permissions boundary; an account principal delegates to the account.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeAccess } from '../../../src/core/access/analyzeAccess';
import type { AccessGrant } from '../../../src/core/access/accessModel';
import { ACCOUNT, allow, doc, FN, fn, managed, OTHER, POLICY, role, ROLE, snapshot, user, USER } from './builders';

const API = `${FN}api`;
const urlNone = { StringEquals: { 'lambda:FunctionUrlAuthType': 'NONE' } };
const publicUrl = { Sid: 'FunctionURLAllowPublicAccess', Effect: 'Allow', Principal: '*', Action: 'lambda:InvokeFunctionUrl', Resource: API, Condition: urlNone };
const invoke = (sid: string, principal: unknown, condition?: unknown): Record<string, unknown> => ({
  Sid: sid,
  Effect: 'Allow',
  Principal: principal,
  Action: 'lambda:InvokeFunction',
  Resource: API,
  ...(condition ? { Condition: condition } : {}),
});

const account = snapshot({
  functions: [
    fn('api', {
      url: { url: 'https://abc.lambda-url.us-east-1.on.aws/', authType: 'NONE' },
      policy: doc(
        publicUrl,
        invoke('s3-invoke', { Service: 's3.amazonaws.com' }, { StringEquals: { 'AWS:SourceAccount': ACCOUNT }, ArnLike: { 'AWS:SourceArn': 'arn:aws:s3:::uploads' } }),
        invoke('sns-any', { Service: 'sns.amazonaws.com' }),
        invoke('partner', { AWS: OTHER }, { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } }),
        invoke('own-account', { AWS: `arn:aws:iam::${ACCOUNT}:root` }),
        invoke('eve', { AWS: `${USER}eve` }),
        invoke('roles', { AWS: [`${ROLE}worker`, `${ROLE}bounded`] }),
      ),
    }),
  ],
  roles: [
    role('invoker', { inline: { call: doc(allow('lambda:InvokeFunction', `${FN}*`)) } }),
    role('worker'),
    role('bounded', { boundary: `${POLICY}S3Only` }),
    role('alias-only', { inline: { call: doc(allow('lambda:InvokeFunction', `${API}:*`)) } }),
  ],
  users: [user('eve', { boundary: `${POLICY}S3Only` }), user('frank')],
  policies: [managed('S3Only', doc(allow('s3:*')))],
});

const invokers = analyzeAccess(account).get(API)?.whoCanInvoke ?? [];
const grantOf = (principal: string): AccessGrant | undefined => invokers.find((g) => g.principal === principal);

test('who can invoke lists every grantee once, sorted', () => {
  assert.deepEqual(
    invokers.map((g) => [g.principal, g.kind]),
    [
      ['*', 'public'],
      [`${ROLE}invoker`, 'role'],
      [`${ROLE}worker`, 'role'],
      [`arn:aws:iam::${ACCOUNT}:root`, 'account'],
      [`${USER}eve`, 'user'],
      [`arn:aws:iam::${OTHER}:root`, 'account'],
      ['s3.amazonaws.com', 'service'],
      ['sns.amazonaws.com', 'service'],
    ],
  );
});

test('a function URL with AuthType NONE and a public InvokeFunctionUrl statement: anyone, unconditionally', () => {
  assert.deepEqual(grantOf('*'), {
    principal: '*',
    kind: 'public',
    actions: ['lambda:InvokeFunctionUrl'],
    conditional: false,
    conditions: [],
    via: ['function URL https://abc.lambda-url.us-east-1.on.aws/ (AuthType NONE: callable without AWS credentials)', 'resource policy, statement "FunctionURLAllowPublicAccess"'],
    satisfiedConditions: [{ operator: 'StringEquals', key: 'lambda:FunctionUrlAuthType', values: ['NONE'] }],
  });
});

test('service principals come with their conditions; one without is unconditional', () => {
  assert.deepEqual(grantOf('s3.amazonaws.com'), {
    principal: 's3.amazonaws.com',
    kind: 'service',
    actions: ['lambda:InvokeFunction'],
    conditional: true,
    conditions: [
      { operator: 'StringEquals', key: 'AWS:SourceAccount', values: [ACCOUNT] },
      { operator: 'ArnLike', key: 'AWS:SourceArn', values: ['arn:aws:s3:::uploads'] },
    ],
    via: ['resource policy, statement "s3-invoke"'],
  });
  assert.equal(grantOf('sns.amazonaws.com')?.conditional, false);
});

test('another account is a grantee, normalised to its root ARN, with aws:PrincipalOrgID shown', () => {
  const partner = grantOf(`arn:aws:iam::${OTHER}:root`);
  assert.equal(partner?.conditional, true);
  assert.deepEqual(partner?.conditions, [{ operator: 'StringEquals', key: 'aws:PrincipalOrgID', values: ['o-abc123'] }]);
});

test('same account: a named user is allowed by the resource policy alone, a named role only within its boundary', () => {
  // eve's boundary allows only s3:*, but a resource policy naming a user ARN is not capped by it.
  assert.deepEqual(grantOf(`${USER}eve`)?.via, ['resource policy, statement "eve"']);
  // worker has no policies at all: the resource policy names it, that is enough.
  assert.equal(grantOf(`${ROLE}worker`)?.conditional, false);
  // bounded's boundary has no lambda:InvokeFunction: the implicit deny there limits the role ARN grant.
  assert.equal(grantOf(`${ROLE}bounded`), undefined);
  // The account principal delegates to the account: frank, with no identity policy, is not listed.
  assert.equal(grantOf(`${USER}frank`), undefined);
});

test('identity policies: an Allow on function:* counts, one on qualified ARNs (api:*) does not', () => {
  assert.deepEqual(grantOf(`${ROLE}invoker`)?.via, ['inline policy call of role invoker, statement 1']);
  assert.equal(grantOf(`${ROLE}alias-only`), undefined);
});

function invokersOf(policy: unknown, url?: { url: string; authType: string }): AccessGrant[] {
  const s = snapshot({ functions: [fn('api', { policy: policy as never, ...(url ? { url } : {}) })] });
  return analyzeAccess(s).get(API)?.whoCanInvoke ?? [];
}

test('public invoke: unconditional, or conditional on aws:SourceAccount', () => {
  assert.deepEqual(
    invokersOf(doc(invoke('open', '*'))).map((g) => [g.principal, g.kind, g.conditional]),
    [['*', 'public', false]],
  );
  const scoped = invokersOf(doc(invoke('open', { AWS: '*' }, { StringEquals: { 'aws:SourceAccount': ACCOUNT } })));
  assert.deepEqual(scoped[0].conditions, [{ operator: 'StringEquals', key: 'aws:SourceAccount', values: [ACCOUNT] }]);
  assert.equal(scoped[0].conditional, true);
});

test('URL statements are judged against the URL auth type; with no URL the condition stays shown', () => {
  assert.deepEqual(invokersOf(doc(publicUrl), { url: 'https://x/', authType: 'AWS_IAM' }), []);
  const noUrl = invokersOf(doc(publicUrl));
  assert.equal(noUrl[0].principal, '*');
  assert.equal(noUrl[0].conditional, true);
  assert.deepEqual(noUrl[0].conditions, [{ operator: 'StringEquals', key: 'lambda:FunctionUrlAuthType', values: ['NONE'] }]);
});

test('Deny statements in the resource policy: unconditional removes, conditional is shown', () => {
  const denyPartner = { Sid: 'no-partner', Effect: 'Deny', Principal: { AWS: `arn:aws:iam::${OTHER}:root` }, Action: 'lambda:*', Resource: API };
  assert.deepEqual(invokersOf(doc(invoke('partner', { AWS: `arn:aws:iam::${OTHER}:role/app` }), denyPartner)), []);
  const outsideOrg = { Effect: 'Deny', Principal: '*', Action: 'lambda:InvokeFunction', Resource: API, Condition: { StringNotEquals: { 'aws:PrincipalOrgID': 'o-abc123' } } };
  const [g] = invokersOf(doc(invoke('partner', { AWS: OTHER }), outsideOrg));
  assert.equal(g.conditional, true);
  assert.deepEqual(g.conditions, []);
  assert.deepEqual(g.denyConditions, [{ operator: 'StringNotEquals', key: 'aws:PrincipalOrgID', values: ['o-abc123'] }]);
});

test('NotPrincipal in an Allow grants everyone but the listed: public', () => {
  const st = { Sid: 'all-but', Effect: 'Allow', NotPrincipal: { AWS: `arn:aws:iam::${OTHER}:root` }, Action: 'lambda:InvokeFunction', Resource: API };
  assert.deepEqual(
    invokersOf(doc(st)).map((g) => [g.principal, g.kind, g.via]),
    [['*', 'public', [`resource policy, statement "all-but" (NotPrincipal: everyone except arn:aws:iam::${OTHER}:root)`]]],
  );
});

test('federated principals and role sessions are listed with their kind', () => {
  const s = doc(
    invoke('web', { Federated: 'cognito-identity.amazonaws.com' }),
    invoke('session', { AWS: `arn:aws:sts::${OTHER}:assumed-role/app/session-1` }),
    invoke('gone', { AWS: 'AROAEXAMPLEID123' }),
  );
  assert.deepEqual(
    invokersOf(s).map((g) => [g.principal, g.kind]),
    [
      ['AROAEXAMPLEID123', 'role'],
      [`arn:aws:sts::${OTHER}:assumed-role/app/session-1`, 'role'],
      ['cognito-identity.amazonaws.com', 'federated'],
    ],
  );
});

test('a malformed resource-policy statement is reported; the others still count', () => {
  const s = snapshot({ functions: [fn('api', { policy: doc({ Sid: 'bad', Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource: API }, invoke('sns', { Service: 'sns.amazonaws.com' })) })] });
  const access = analyzeAccess(s).get(API);
  assert.deepEqual(access?.whoCanInvoke.map((g) => g.principal), ['sns.amazonaws.com']);
  assert.deepEqual(access?.problems, ['resource policy, statement "bad": has neither Principal nor NotPrincipal; it is ignored (IAM would reject it)']);
});
