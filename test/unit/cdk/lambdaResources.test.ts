import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HOLE } from '../../../src/core/model/value';
import { loadStack, rangeOfText, texts } from './cdkTestUtil';

const FN = `const fn = new lambda.Function(this, 'Api', { runtime: lambda.Runtime.NODEJS_20_X, handler: 'h', code: lambda.Code.fromInline('') });`;

test('addPermission: principal from the argument, CDK default action, source restrictions', () => {
  const { model, src } = loadStack(`${FN}
    fn.addPermission('FromSns', { principal: new iam.ServicePrincipal('sns.amazonaws.com') });
    fn.addPermission('FromS3', { principal: new iam.ServicePrincipal('s3.amazonaws.com'), sourceArn: bucket.bucketArn, sourceAccount: this.account });
    fn.addPermission('Org', { principal: new iam.OrganizationPrincipal('o-1'), action: 'lambda:InvokeFunction' });`);
  const [sns, s3, org] = model.permissions;
  assert.equal(sns.owner, 'Api');
  assert.equal(sns.principal!.text, 'sns.amazonaws.com');
  assert.deepEqual(sns.principal!.range, rangeOfText(src, "new iam.ServicePrincipal('sns.amazonaws.com')"));
  assert.equal(sns.action!.text, 'lambda:InvokeFunction');
  assert.equal(sns.sourceArn, undefined);
  assert.equal(sns.sourceAccount, undefined);
  assert.deepEqual(sns.propertiesRange, rangeOfText(src, "{ principal: new iam.ServicePrincipal('sns.amazonaws.com') }"));
  assert.equal(s3.sourceArn!.text, HOLE);
  assert.equal(s3.sourceAccount!.text, HOLE);
  assert.equal(org.principal!.text, '*');
  assert.equal(org.principalOrgId!.text, 'o-1');
  assert.deepEqual(org.action!.range, rangeOfText(src, "'lambda:InvokeFunction'"));
});

test('grantInvoke: literal principals become permissions, roles do not', () => {
  const { model, src } = loadStack(`${FN}
    fn.grantInvoke(new iam.ServicePrincipal('events.amazonaws.com'));
    fn.grantInvoke(new iam.AnyPrincipal());
    fn.grantInvoke(new iam.ArnPrincipal('*'));
    fn.grantInvoke(new iam.AccountPrincipal('123'));
    fn.grantInvokeUrl(new iam.AccountPrincipal('456'));
    fn.grantInvoke(otherRole);
    fn.grantInvoke(new iam.ServicePrincipal('sns.amazonaws.com').withConditions({ ArnLike: { 'aws:SourceArn': topic.topicArn } }));`);
  assert.deepEqual(model.permissions.map((p) => [p.principal!.text, p.action!.text]), [
    ['events.amazonaws.com', 'lambda:InvokeFunction'],
    ['*', 'lambda:InvokeFunction'],
    ['*', 'lambda:InvokeFunction'],
    ['123', 'lambda:InvokeFunction'],
    ['456', 'lambda:InvokeFunctionUrl'],
    ['sns.amazonaws.com', 'lambda:InvokeFunction'],
  ]);
  assert.deepEqual(model.permissions[1].principal!.range, rangeOfText(src, 'new iam.AnyPrincipal()'));
  assert.equal(model.permissions[4].functionUrlAuthType!.text, 'AWS_IAM');
  assert.equal(model.permissions[5].sourceArn!.text, HOLE);
});

test('CfnPermission reads every property', () => {
  const { model } = loadStack(`
    new lambda.CfnPermission(this, 'Pub', { action: 'lambda:InvokeFunctionUrl', functionName: fn.functionName, principal: '*', functionUrlAuthType: 'NONE', principalOrgId: 'o-2' });`);
  const [p] = model.permissions;
  assert.equal(p.owner, 'Pub');
  assert.deepEqual([p.action!.text, p.principal!.text, p.functionUrlAuthType!.text, p.principalOrgId!.text, p.functionName!.text], ['lambda:InvokeFunctionUrl', '*', 'NONE', 'o-2', HOLE]);
});

test('function URLs: addFunctionUrl, FunctionUrl, CfnUrl and the CDK default', () => {
  const { model, src } = loadStack(`${FN}
    fn.addFunctionUrl({ authType: lambda.FunctionUrlAuthType.NONE });
    fn.addFunctionUrl();
    new lambda.FunctionUrl(this, 'Url', { function: fn, authType: lambda.FunctionUrlAuthType.AWS_IAM });
    new lambda.CfnUrl(this, 'L1Url', { targetFunctionArn: fn.functionArn, authType: 'NONE' });
    const mode = lambda.FunctionUrlAuthType.NONE;
    fn.addFunctionUrl({ authType: mode });`);
  assert.deepEqual(model.functionUrls.map((u) => [u.owner, u.authType!.text]), [
    ['Api', 'NONE'],
    ['Api', 'AWS_IAM'],
    ['Api', 'AWS_IAM'],
    ['L1Url', 'NONE'],
    ['Api', 'NONE'],
  ]);
  assert.deepEqual(model.functionUrls[0].authType!.range, rangeOfText(src, 'lambda.FunctionUrlAuthType.NONE'));
  assert.equal(model.functionUrls[1].authType!.origin, 'CDK default authType');
  assert.deepEqual(model.functionUrls[4].authType!.range, rangeOfText(src, 'mode', 1));
});

test('environment literals on L2 and L1 functions and addEnvironment', () => {
  const { model, src } = loadStack(`
    const common = { STAGE: 'prod' };
    const fn = new lambda.Function(this, 'Api', { runtime: lambda.Runtime.NODEJS_20_X, handler: 'h', code: lambda.Code.fromInline(''),
      environment: { ...common, DB_PASSWORD: 'hunter2', TABLE: table.tableName, 'QUOTED-NAME': \`v-\${common.STAGE}\` } });
    fn.addEnvironment('API_TOKEN', 'abc123');
    new lambda.CfnFunction(this, 'L1', { code: {}, role: r.attrArn, environment: { variables: { SECRET_KEY: 'k' } } });`);
  assert.deepEqual(model.envVars.map((e) => [e.owner, e.name, e.value.text]), [
    ['Api', 'STAGE', 'prod'],
    ['Api', 'DB_PASSWORD', 'hunter2'],
    ['Api', 'TABLE', HOLE],
    ['Api', 'QUOTED-NAME', 'v-prod'],
    ['Api', 'API_TOKEN', 'abc123'],
    ['L1', 'SECRET_KEY', 'k'],
  ]);
  assert.deepEqual(model.envVars[1].nameRange, rangeOfText(src, 'DB_PASSWORD'));
  assert.deepEqual(model.envVars[1].value.range, rangeOfText(src, "'hunter2'"));
  assert.deepEqual(model.envVars[0].nameRange, rangeOfText(src, 'common', 1), 'spread entries point at the spread');
});

test('managed policies: AWS managed names, ARNs, addManagedPolicy, boundaries excluded', () => {
  const { model, src } = loadStack(`
    const admin = iam.ManagedPolicy.fromAwsManagedPolicyName('AdministratorAccess');
    const role = new iam.Role(this, 'R', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/AWSLambdaBasicExecutionRole'), admin],
      permissionsBoundary: iam.ManagedPolicy.fromAwsManagedPolicyName('PowerUserAccess'),
    });
    fn.role?.addManagedPolicy(iam.ManagedPolicy.fromManagedPolicyArn(this, 'Ro', 'arn:aws:iam::aws:policy/ReadOnlyAccess'));
    role.addManagedPolicy(iam.ManagedPolicy.fromManagedPolicyName(this, 'Cust', 'team-policy'));`);
  assert.deepEqual(model.managedPolicies.map((m) => [m.owner, m.arn.text]), [
    ['R', 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole'],
    ['R', 'arn:aws:iam::aws:policy/AdministratorAccess'],
    ['fn', 'arn:aws:iam::aws:policy/ReadOnlyAccess'],
    ['R', `arn:aws:iam::${HOLE}:policy/team-policy`],
  ]);
  assert.deepEqual(model.managedPolicies[0].arn.range, rangeOfText(src, "'service-role/AWSLambdaBasicExecutionRole'"));
  assert.deepEqual(model.managedPolicies[1].arn.range, rangeOfText(src, 'admin', 1));
});

test('suppression comments cover the next statement, property or construct', () => {
  const { model, src } = loadStack(`${FN}
    // lambda-guard-ignore LG007: the topic filter limits callers
    fn.addPermission('FromSns', {
      principal: new iam.ServicePrincipal('sns.amazonaws.com'),
    });
    fn.addFunctionUrl({
      // lambda-guard-ignore LG008, LG006: public status page
      authType: lambda.FunctionUrlAuthType.NONE,
    });`);
  assert.deepEqual(model.suppressions.map((s) => [s.ruleId, s.reason, s.kind]), [
    ['LG007', 'the topic filter limits callers', 'comment'],
    ['LG008', 'public status page', 'comment'],
    ['LG006', 'public status page', 'comment'],
  ]);
  const start = rangeOfText(src, "fn.addPermission('FromSns'");
  assert.equal(model.suppressions[0].appliesTo!.startLine, start.startLine);
  assert.equal(model.suppressions[0].appliesTo!.endLine, start.startLine + 2);
  assert.deepEqual(model.suppressions[1].appliesTo, { ...rangeOfText(src, 'authType: lambda.FunctionUrlAuthType.NONE') });
});

test('a local class extending a CDK function is a function; aliases and versions own their permissions', () => {
  const { model } = loadStack(`
    class TracedFunction extends lambda.Function {}
    class PublicFunction extends TracedFunction {}
    const fn = new PublicFunction(this, 'Traced', { runtime: lambda.Runtime.NODEJS_20_X, handler: 'h', code: lambda.Code.fromInline(''), environment: { LEVEL: 'debug' } });
    fn.addFunctionUrl({ authType: lambda.FunctionUrlAuthType.NONE });
    const live = new lambda.Alias(this, 'Live', { aliasName: 'live', version: fn.currentVersion });
    live.addPermission('Public', { principal: new iam.AnyPrincipal() });
    fn.currentVersion.grantInvoke(new iam.ServicePrincipal('sqs.amazonaws.com'));`);
  assert.deepEqual(model.functions.map((f) => f.owner), ['Traced']);
  assert.equal(model.resources.find((r) => r.logicalId === 'Traced')!.type, 'AWS::Lambda::Function');
  assert.deepEqual(model.envVars.map((e) => [e.owner, e.name]), [['Traced', 'LEVEL']]);
  assert.deepEqual(model.functionUrls.map((u) => [u.owner, u.authType!.text]), [['Traced', 'NONE']]);
  assert.deepEqual(model.permissions.map((p) => [p.owner, p.principal!.text]), [['Live', '*'], ['Traced', 'sqs.amazonaws.com']]);
});

test('SecretValue.unsafePlainText puts its literal in the environment; secret references stay unknown', () => {
  const { model } = loadStack(`
    new lambda.Function(this, 'Fn', { runtime: lambda.Runtime.NODEJS_20_X, handler: 'h', code: lambda.Code.fromInline(''),
      environment: { API_KEY: cdk.SecretValue.unsafePlainText('k-123').unsafeUnwrap(), DB_PASSWORD: secret.secretValue.unsafeUnwrap(), FROM_ENV: process.env.TOKEN ?? '' } });`);
  assert.deepEqual(model.envVars.map((e) => [e.name, e.value.text]), [['API_KEY', 'k-123'], ['DB_PASSWORD', HOLE], ['FROM_ENV', HOLE]]);
});

test('ServicePrincipal conditions given to the constructor count as a source, as withConditions does', () => {
  const { model } = loadStack(`${FN}
    fn.addPermission('Upload', { principal: new iam.ServicePrincipal('s3.amazonaws.com', { conditions: { ArnLike: { 'aws:SourceArn': bucket.bucketArn } } }) });
    fn.addPermission('Bare', { principal: new iam.ServicePrincipal('s3.amazonaws.com', { region: 'eu-west-1' }) });`);
  const [withCond, bare] = model.permissions;
  assert.equal(withCond.sourceArn!.text, HOLE);
  assert.equal(bare.sourceArn, undefined);
});

test('what CDK drops is not reported: $LATEST permissions, statements added to an immutable imported role', () => {
  const { model } = loadStack(`${FN}
    fn.latestVersion.addPermission('Latest', { principal: new iam.AnyPrincipal() });
    const ro = iam.Role.fromRoleArn(this, 'Ro', 'arn:aws:iam::123456789012:role/x', { mutable: false });
    ro.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['iam:*'], resources: ['*'] }));
    const rw = iam.Role.fromRoleArn(this, 'Rw', 'arn:aws:iam::123456789012:role/y');
    rw.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['s3:*'], resources: ['*'] }));`);
  assert.deepEqual(model.permissions, []);
  assert.deepEqual(model.policies.flatMap((p) => p.statements.flatMap((s) => texts(s.actions))), ['s3:*']);
});

test('a const conditional authType is judged per branch at its use; a local string helper is evaluated', () => {
  const { model, src } = loadStack(`${FN}
    const isProd = this.node.tryGetContext('stage') === 'prod';
    const auth = isProd ? lambda.FunctionUrlAuthType.AWS_IAM : lambda.FunctionUrlAuthType.NONE;
    fn.addFunctionUrl({ authType: auth });
    const arnOf = (name: string) => \`arn:aws:lambda:eu-west-1:123456789012:function:\${name}\`;
    fn.addToRolePolicy(new iam.PolicyStatement({ actions: ['lambda:UpdateFunctionCode'], resources: [arnOf('*'), arnOf('api')] }));`);
  const urls = model.functionUrls.map((u) => [u.authType?.text, u.authType?.branch, u.authType?.range.startLine]);
  const useLine = rangeOfText(src, 'authType: auth').startLine;
  assert.deepEqual(urls, [['AWS_IAM', 'isProd=true', useLine], ['NONE', 'isProd=false', useLine]]);
  const st = model.policies.flatMap((p) => p.statements).find((s) => texts(s.actions)[0] === 'lambda:UpdateFunctionCode')!;
  assert.deepEqual(texts(st.resources), ['arn:aws:lambda:eu-west-1:123456789012:function:*', 'arn:aws:lambda:eu-west-1:123456789012:function:api']);
});

test('a block comment suppresses like a line comment', async () => {
  const { analyzeText } = await import('../../../src/core/scan/analyzeText');
  const { HEADER } = await import('./cdkTestUtil');
  const src = `${HEADER}export class S extends cdk.Stack {\n  constructor(scope: Construct, id: string) {\n    super(scope, id);\n    new lambda.Function(this, 'F', {\n      runtime: lambda.Runtime.NODEJS_20_X, handler: 'h', code: lambda.Code.fromInline(''),\n      environment: {\n        /* lambda-guard-ignore LG014: sandbox token */\n        API_TOKEN: 'tok-9f8e7d6c5b4a3f2e1d0c',\n        DB_PASSWORD: 'hunter2-Secret!',\n      },\n    });\n  }\n}\n`;
  const f = analyzeText(src, 'lib/s.ts').findings.filter((x) => x.ruleId === 'LG014');
  assert.deepEqual(f.map((x) => [x.suppressed, x.suppression?.reason]), [[true, 'sandbox token'], [false, undefined]]);
});
