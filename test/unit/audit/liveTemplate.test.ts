import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildLiveTemplate, findRole, within } from '../../../src/core/audit/liveTemplate';
import { ACCOUNT, customerPolicy, doc, fn, FN, role, ROLE, snapshot, textAt } from './auditBuilders';

// The live document: a CloudFormation-shaped JSON of one deployed function, whose parts (trust policy,
// inline and managed policies, permissions, URL, environment) have ranges the editor opens.

const inline = doc({ Effect: 'Allow', Action: 'dynamodb:GetItem', Resource: `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/orders` });
const custom = customerPolicy('reader', doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::docs/*' }));
const BASIC = 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole';

function sample() {
  const f = fn('api', {
    environment: { STAGE: 'prod' },
    url: { url: 'https://x.lambda-url.us-east-1.on.aws/', authType: 'AWS_IAM' },
    resourcePolicy: doc(
      {
        Sid: 'apigw',
        Effect: 'Allow',
        Principal: { Service: 'apigateway.amazonaws.com' },
        Action: 'lambda:InvokeFunction',
        Resource: `${FN}api`,
        Condition: { ArnLike: { 'AWS:SourceArn': `arn:aws:execute-api:us-east-1:${ACCOUNT}:abc/*` } },
      },
      { Sid: 'deny-all', Effect: 'Deny', Principal: '*', Action: 'lambda:InvokeFunction', Resource: `${FN}api` },
    ),
  });
  const r = role('api-role', { inline: { orders: inline }, attached: [BASIC, custom.arn] });
  return { f, s: snapshot({ functions: [f], roles: [r], policies: [custom] }) };
}

test('the document is CloudFormation JSON: function, role, customer policy by document, AWS policy by ARN, permission, URL', () => {
  const { f, s } = sample();
  const t = buildLiveTemplate(f, s);
  const res = JSON.parse(t.text).Resources as Record<string, { Type: string; Properties: Record<string, unknown> }>;
  const types = Object.values(res).map((r) => r.Type).sort();
  assert.deepEqual(types, ['AWS::IAM::ManagedPolicy', 'AWS::IAM::Role', 'AWS::Lambda::Function', 'AWS::Lambda::Permission', 'AWS::Lambda::Url']);
  assert.equal(t.functionKey, 'api');
  assert.equal(t.roleKey, 'api-role');
  assert.deepEqual(res.api.Properties.Role, { 'Fn::GetAtt': ['api-role', 'Arn'] });
  // The AWS managed policy stays an ARN (judged by name); the customer one is judged by its document instead.
  assert.deepEqual(res['api-role'].Properties.ManagedPolicyArns, [BASIC]);
  const managed = Object.values(res).find((r) => r.Type === 'AWS::IAM::ManagedPolicy')!;
  assert.deepEqual(managed.Properties.PolicyDocument, custom.document);
  // The Deny statement is no permission: it is kept aside as it is.
  assert.deepEqual(t.unmapped, [(f.resourcePolicy!.Statement as unknown[])[1]]);
});

test('strings naming the audited account are written ${AWS::AccountId}; other strings stay literal', () => {
  const { f, s } = sample();
  const res = JSON.parse(buildLiveTemplate(f, s).text).Resources;
  const statement = res['api-role'].Properties.Policies[0].PolicyDocument.Statement[0];
  assert.deepEqual(statement.Resource, { 'Fn::Sub': 'arn:aws:dynamodb:us-east-1:${AWS::AccountId}:table/orders' });
  assert.equal(statement.Action, 'dynamodb:GetItem');
  const perm = Object.values(res).find((r) => (r as { Type: string }).Type === 'AWS::Lambda::Permission') as { Properties: Record<string, unknown> };
  assert.deepEqual(perm.Properties.SourceArn, { 'Fn::Sub': 'arn:aws:execute-api:us-east-1:${AWS::AccountId}:abc/*' });
  assert.equal(perm.Properties.Principal, 'apigateway.amazonaws.com');
});

test('a ${…} already in an own-account string is escaped as ${!…}, so Fn::Sub gives it back literally', () => {
  const f = fn('api');
  const self = doc({ Effect: 'Allow', Action: 'iam:ListAccessKeys', Resource: `arn:aws:iam::${ACCOUNT}:user/\${aws:username}` });
  const r = role('api-role', { inline: { self } });
  const res = JSON.parse(buildLiveTemplate(f, snapshot({ functions: [f], roles: [r] })).text).Resources;
  const resource = res['api-role'].Properties.Policies[0].PolicyDocument.Statement[0].Resource;
  assert.deepEqual(resource, { 'Fn::Sub': 'arn:aws:iam::${AWS::AccountId}:user/${!aws:username}' });
});

test('parts: each range covers its part in the text (trust, inline by name, managed ARN, permission, URL, environment)', () => {
  const { f, s } = sample();
  const t = buildLiveTemplate(f, s);
  const kinds = t.parts.map((p) => p.kind).sort();
  assert.deepEqual(kinds, ['environment', 'inline', 'managed', 'managedArn', 'permission', 'trust', 'url']);
  const part = (k: string) => t.parts.find((p) => p.kind === k)!;
  assert.equal(part('inline').name, 'orders');
  assert.match(textAt(t.text, part('inline').range), /^\{\s*"PolicyName": "orders",[\s\S]*dynamodb:GetItem[\s\S]*\}$/);
  assert.equal(part('managedArn').name, BASIC);
  assert.equal(textAt(t.text, part('managedArn').range), BASIC);
  assert.deepEqual(JSON.parse(textAt(t.text, part('trust').range)), s.iam.roles[0].trustPolicy);
  assert.deepEqual(JSON.parse(textAt(t.text, part('environment').range)), { Variables: { STAGE: 'prod' } });
  assert.match(textAt(t.text, part('permission').range), /apigateway\.amazonaws\.com/);
  assert.match(textAt(t.text, part('url').range), /AWS_IAM/);
  for (const p of t.parts) assert.ok(p.range.endLine > p.range.startLine || p.range.endColumn > p.range.startColumn, p.kind);
});

test('names that collide (a function and its role both called "api") get distinct logical ids', () => {
  const f = fn('api', { role: `${ROLE}api` });
  const t = buildLiveTemplate(f, snapshot({ functions: [f], roles: [role('api')] }));
  assert.notEqual(t.functionKey, t.roleKey);
  const res = JSON.parse(t.text).Resources;
  assert.equal(res[t.functionKey].Type, 'AWS::Lambda::Function');
  assert.equal(res[t.roleKey!].Type, 'AWS::IAM::Role');
});

test('findRole: by ARN, else by name (a path in the ARN the function holds); within: range containment', () => {
  const r = { ...role('svc'), arn: `arn:aws:iam::${ACCOUNT}:role/service-role/svc` };
  const s = snapshot({ roles: [r] });
  assert.equal(findRole(s, `arn:aws:iam::${ACCOUNT}:role/service-role/svc`), r);
  assert.equal(findRole(s, `arn:aws:iam::${ACCOUNT}:role/svc`), r);
  assert.equal(findRole(s, `arn:aws:iam::${ACCOUNT}:role/other`), undefined);
  const outer = { startLine: 2, startColumn: 5, endLine: 6, endColumn: 3 };
  assert.equal(within({ startLine: 2, startColumn: 5, endLine: 2, endColumn: 9 }, outer), true);
  assert.equal(within({ startLine: 6, startColumn: 1, endLine: 6, endColumn: 3 }, outer), true);
  assert.equal(within({ startLine: 2, startColumn: 4, endLine: 3, endColumn: 1 }, outer), false);
  assert.equal(within({ startLine: 5, startColumn: 1, endLine: 6, endColumn: 4 }, outer), false);
});
