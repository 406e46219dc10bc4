import { test } from 'node:test';
import assert from 'node:assert/strict';
import { liveFindingsFor } from '../../../src/core/audit/liveFindings';
import type { AccountSnapshot, LiveFunction } from '../../../src/core/inventory/accountModel';
import type { Finding } from '../../../src/core/model/finding';
import { ACCOUNT, customerPolicy, doc, fn, FN, OTHER_ACCOUNT, REGION, role, ROLE, snapshot, textAt } from './auditBuilders';

// The template rules on a deployed function's configuration: each finding names the function (`target`)
// and points (`live`) at the offending value in the function's live document.

function run(f: LiveFunction, s: AccountSnapshot): { findings: Finding[]; text: string; errors: unknown[] } {
  const r = liveFindingsFor(f, s);
  return { findings: r.findings, text: r.template.text, errors: r.errors };
}

const ids = (fs: Finding[]): string[] => [...new Set(fs.map((f) => f.ruleId))].sort();
const PUBLIC_INVOKE = { Sid: 'open', Effect: 'Allow', Principal: '*', Action: 'lambda:InvokeFunction', Resource: `${FN}api` };

test('s3:* on * in the execution role: LG001 on the action and LG002 on the resource, on the function, with live ranges', () => {
  const f = fn('api');
  const s = snapshot({ functions: [f], roles: [role('api-role', { inline: { wide: doc({ Effect: 'Allow', Action: 's3:*', Resource: '*' }) } })] });
  const { findings, text, errors } = run(f, s);
  assert.deepEqual(errors, []);
  const lg001 = findings.filter((x) => x.ruleId === 'LG001');
  const lg002 = findings.filter((x) => x.ruleId === 'LG002');
  assert.equal(lg001.length, 1, JSON.stringify(findings));
  assert.ok(lg002.length >= 1, JSON.stringify(findings));
  // `service:*` is a warning (only a bare `*` is an error).
  assert.equal(lg001[0].severity, 'warning');
  for (const x of [...lg001, ...lg002]) {
    assert.deepEqual(x.target, { arn: `${FN}api`, functionName: 'api', region: REGION });
    assert.equal(x.location, undefined, 'a live finding has no source file');
    assert.equal(x.live?.document, 'us-east-1/api.json');
  }
  assert.equal(textAt(text, lg001[0].live!), 's3:*');
  assert.equal(textAt(text, lg002[0].live!), '*');
});

test('a trust policy naming the audited account is not cross-account; another account is (LG010)', () => {
  const f = fn('api');
  const own = doc({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'sts:AssumeRole' });
  const ownRun = run(f, snapshot({ functions: [f], roles: [role('api-role', { trust: own })] }));
  assert.deepEqual(ownRun.findings.filter((x) => x.ruleId === 'LG010'), []);

  const other = doc({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${OTHER_ACCOUNT}:role/ops` }, Action: 'sts:AssumeRole' });
  const otherRun = run(f, snapshot({ functions: [f], roles: [role('api-role', { trust: other })] }));
  const lg010 = otherRun.findings.filter((x) => x.ruleId === 'LG010');
  assert.equal(lg010.length, 1, JSON.stringify(otherRun.findings));
  assert.match(lg010[0].message, new RegExp(OTHER_ACCOUNT));
  assert.equal(textAt(otherRun.text, lg010[0].live!), `arn:aws:iam::${OTHER_ACCOUNT}:role/ops`);
});

test('a public invoke permission is LG006; the same with SourceAccount is not', () => {
  const open = fn('api', { resourcePolicy: doc(PUBLIC_INVOKE) });
  const r = run(open, snapshot({ functions: [open], roles: [role('api-role')] }));
  const lg006 = r.findings.filter((x) => x.ruleId === 'LG006');
  assert.equal(lg006.length, 1, JSON.stringify(r.findings));
  assert.equal(lg006[0].severity, 'error');
  assert.equal(textAt(r.text, lg006[0].live!), '*');

  const pinned = fn('api', { resourcePolicy: doc({ ...PUBLIC_INVOKE, Condition: { StringEquals: { 'AWS:SourceAccount': ACCOUNT } } }) });
  const p = run(pinned, snapshot({ functions: [pinned], roles: [role('api-role')] }));
  assert.deepEqual(p.findings.filter((x) => x.ruleId === 'LG006'), []);
});

test('a public invoke restricted by an unmappable condition (aws:SourceIp) is not reported as public', () => {
  const f = fn('api', { resourcePolicy: doc({ ...PUBLIC_INVOKE, Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } }) });
  const r = run(f, snapshot({ functions: [f], roles: [role('api-role')] }));
  assert.deepEqual(r.findings.filter((x) => x.ruleId === 'LG006'), []);
});

test('a function URL with AuthType NONE is LG008 on the auth type', () => {
  const f = fn('api', { url: { url: 'https://abc.lambda-url.us-east-1.on.aws/', authType: 'NONE' } });
  const r = run(f, snapshot({ functions: [f], roles: [role('api-role')] }));
  const lg008 = r.findings.filter((x) => x.ruleId === 'LG008');
  assert.equal(lg008.length, 1, JSON.stringify(r.findings));
  assert.equal(textAt(r.text, lg008[0].live!), 'NONE');

  const iam = fn('api', { url: { url: 'https://abc.lambda-url.us-east-1.on.aws/', authType: 'AWS_IAM' } });
  assert.deepEqual(run(iam, snapshot({ functions: [iam], roles: [role('api-role')] })).findings.filter((x) => x.ruleId === 'LG008'), []);
});

test('a plain-text password in the environment is LG014 on that variable; an ARN of a secret is not', () => {
  const secretArn = `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:db-AbCdEf`;
  const f = fn('api', { environment: { STAGE: 'prod', DB_PASSWORD: 'hunter2-correct-horse', DB_SECRET_ARN: secretArn } });
  const r = run(f, snapshot({ functions: [f], roles: [role('api-role')] }));
  const lg014 = r.findings.filter((x) => x.ruleId === 'LG014');
  assert.equal(lg014.length, 1, JSON.stringify(r.findings));
  assert.equal(textAt(r.text, lg014[0].live!), 'DB_PASSWORD');
  assert.ok(!lg014[0].message.includes('hunter2'), 'the secret value is never echoed');
});

test('a customer managed policy attached to the role is judged by its document', () => {
  const f = fn('api');
  const wide = customerPolicy('everything', doc({ Effect: 'Allow', Action: '*', Resource: '*' }));
  const r = run(f, snapshot({ functions: [f], roles: [role('api-role', { attached: [wide.arn] })], policies: [wide] }));
  const lg001 = r.findings.filter((x) => x.ruleId === 'LG001');
  assert.equal(lg001.length, 1, JSON.stringify(r.findings));
  // A bare `*` action is an error.
  assert.equal(lg001[0].severity, 'error');
  assert.equal(textAt(r.text, lg001[0].live!), '*');

  const logGroup = `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/aws/lambda/api:*`;
  const narrow = customerPolicy('logs', doc({ Effect: 'Allow', Action: 'logs:PutLogEvents', Resource: logGroup }));
  const n = run(f, snapshot({ functions: [f], roles: [role('api-role', { attached: [narrow.arn] })], policies: [narrow] }));
  assert.deepEqual(n.findings, []);
});

test('an AWS managed AdministratorAccess on the role is LG009 (error); AWSLambdaBasicExecutionRole is not', () => {
  const f = fn('api');
  const admin = 'arn:aws:iam::aws:policy/AdministratorAccess';
  const basic = 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole';
  const r = run(f, snapshot({ functions: [f], roles: [role('api-role', { attached: [basic, admin] })] }));
  const lg009 = r.findings.filter((x) => x.ruleId === 'LG009');
  assert.equal(lg009.length, 1, JSON.stringify(r.findings));
  assert.equal(lg009[0].severity, 'error');
  assert.equal(textAt(r.text, lg009[0].live!), admin);
});

test('a role missing from the snapshot: permission, URL and environment are still judged, nothing crashes', () => {
  const f = fn('api', {
    role: `${ROLE}deleted-role`,
    resourcePolicy: doc(PUBLIC_INVOKE),
    url: { url: 'https://abc.lambda-url.us-east-1.on.aws/', authType: 'NONE' },
    environment: { API_TOKEN: 'tok-9f8e7d6c5b4a39281' },
  });
  const r = run(f, snapshot({ functions: [f], roles: [] }));
  assert.deepEqual(r.errors, []);
  const found = ids(r.findings);
  for (const id of ['LG006', 'LG008', 'LG014']) assert.ok(found.includes(id), `${id} in ${found.join(', ')}`);
  for (const x of r.findings) assert.equal(x.target?.functionName, 'api');
});

test('IAM policy variables (${aws:username}) are read as such, with or without the account id in the same ARN', () => {
  const f = fn('api');
  const self = doc(
    // The AWS-documented self-service pattern: a user's own access keys and home prefix.
    { Effect: 'Allow', Action: ['iam:CreateAccessKey', 'iam:DeleteAccessKey'], Resource: `arn:aws:iam::${ACCOUNT}:user/\${aws:username}` },
    { Effect: 'Allow', Action: 's3:PutObject', Resource: 'arn:aws:s3:::home-bucket/${aws:username}/*' },
  );
  const r = run(f, snapshot({ functions: [f], roles: [role('api-role', { inline: { self } })] }));
  assert.deepEqual(r.errors, []);
  assert.deepEqual(r.findings, [], 'one user, one prefix: neither is a broad resource');
  // Control: the same key actions on every user are reported, so the empty result above is not vacuous.
  const everyone = doc({ Effect: 'Allow', Action: 'iam:CreateAccessKey', Resource: `arn:aws:iam::${ACCOUNT}:user/*` });
  assert.notDeepEqual(run(f, snapshot({ functions: [f], roles: [role('api-role', { inline: { everyone } })] })).findings, []);
  // The document shows the variable as IAM writes it.
  assert.ok(r.text.includes('${aws:username}') || r.text.includes('${!aws:username}'), r.text);
});

test('a literal ${aws:username} next to the account id survives the own-account substitution', () => {
  const f = fn('api');
  // One secret per user: specific, so no LG011 (credential exposure on broad resources).
  const secrets = `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:`;
  const perUser = doc({ Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: `${secrets}users/\${aws:username}-*` });
  const r = run(f, snapshot({ functions: [f], roles: [role('api-role', { inline: { perUser } })] }));
  assert.deepEqual(r.errors, []);
  assert.deepEqual(r.findings.map((x) => `${x.ruleId}: ${x.message}`), []);
  const all = doc({ Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: `${secrets}*` });
  const control = run(f, snapshot({ functions: [f], roles: [role('api-role', { inline: { all } })] }));
  assert.ok(ids(control.findings).includes('LG011'), 'control: every secret is LG011');
});

test('a Lambda permission for the audited account itself is not cross-account; for another account it is LG010', () => {
  const perm = (account: string): LiveFunction =>
    fn('api', {
      resourcePolicy: doc({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: 'lambda:InvokeFunction', Resource: `${FN}api` }),
    });
  const own = perm(ACCOUNT);
  assert.deepEqual(run(own, snapshot({ functions: [own], roles: [role('api-role')] })).findings, []);
  const other = perm(OTHER_ACCOUNT);
  // Reachable from another account with no alarm on it: LG015 too.
  assert.deepEqual(ids(run(other, snapshot({ functions: [other], roles: [role('api-role')] })).findings), ['LG010', 'LG015']);
});

test('LG015: a public URL needs an alarm on the function in its region (plain or metric-math); another region or namespace does not count', () => {
  const f = fn('api', { url: { url: 'https://abc.lambda-url.us-east-1.on.aws/', authType: 'AWS_IAM' } });
  const lg015 = (alarms: AccountSnapshot['alarms']): number => {
    const s = snapshot({ functions: [f], roles: [role('api-role')] });
    s.alarms = alarms;
    return run(f, s).findings.filter((x) => x.ruleId === 'LG015').length;
  };
  const on = (name: string) => [{ name: 'FunctionName', value: name }];
  assert.equal(lg015([]), 1, 'reachable through its URL, watched by nothing');
  assert.equal(lg015([{ name: 'errors', region: REGION, namespace: 'AWS/Lambda', metricName: 'Errors', dimensions: on('api') }]), 0);
  const math = { namespace: 'AWS/Lambda', metricName: 'Invocations', dimensions: on('api') };
  assert.equal(lg015([{ name: 'math', region: REGION, dimensions: [], metrics: [math] }]), 0);
  const west = { name: 'west', region: 'us-west-2', namespace: 'AWS/Lambda', metricName: 'Errors', dimensions: on('api') };
  assert.equal(lg015([west]), 1, 'an alarm in another region watches another function');
  assert.equal(lg015([{ name: 'gw', region: REGION, namespace: 'AWS/ApiGateway', metricName: '5XXError', dimensions: on('api') }]), 1);
  assert.equal(lg015([{ name: 'other', region: REGION, namespace: 'AWS/Lambda', metricName: 'Errors', dimensions: on('api-2') }]), 1);
  // Not reachable from outside: an SQS mapping alone needs no alarm.
  const worker = fn('worker', { eventSourceMappings: [{ uuid: 'u', eventSourceArn: `arn:aws:sqs:us-east-1:${ACCOUNT}:q` }] });
  assert.deepEqual(run(worker, snapshot({ functions: [worker], roles: [role('worker-role')] })).findings, []);
});
