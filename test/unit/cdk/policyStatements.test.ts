import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HOLE } from '../../../src/core/model/value';
import { FILE, loadStack, rangeOfText, texts } from './cdkTestUtil';
import { loadCdkModel } from '../../../src/core/iac/cdk/loadCdk';

test('addToRolePolicy: owner, kind, effect default, ranges of literals and keys', () => {
  const { model, src } = loadStack(`
    const fn = new lambda.Function(this, 'Worker', { runtime: lambda.Runtime.NODEJS_20_X, handler: 'i.h', code: lambda.Code.fromInline('') });
    fn.addToRolePolicy(new iam.PolicyStatement({
      sid: 'Everything',
      actions: ['s3:*'],
      resources: ['*'],
    }));`);
  assert.equal(model.format, 'cdk');
  const [doc] = model.policies;
  assert.equal(doc.kind, 'identity');
  assert.equal(doc.owner, 'Worker');
  assert.match(doc.origin, /function Worker/);
  const st = doc.statements[0];
  assert.equal(st.effect, 'Allow');
  assert.equal(st.sid, 'Everything');
  assert.deepEqual(st.actions![0], { text: 's3:*', range: rangeOfText(src, "'s3:*'") });
  assert.deepEqual(st.resources![0].range, rangeOfText(src, "'*'"));
  assert.deepEqual(st.keyRanges.action, rangeOfText(src, 'actions'));
  assert.equal(st.range.startLine, rangeOfText(src, 'new iam.PolicyStatement').startLine);
  assert.equal(model.functions[0].owner, 'Worker');
  assert.deepEqual(model.resources.find((r) => r.logicalId === 'Worker')?.type, 'AWS::Lambda::Function');
});

test('effect, notActions, notResources, conditions and principals', () => {
  const { model, src } = loadStack(`
    bucket.addToResourcePolicy(new iam.PolicyStatement({
      effect: iam.Effect.DENY,
      notActions: ['s3:GetObject'],
      notResources: ['arn:aws:s3:::b/*'],
      principals: [new iam.AnyPrincipal(), new iam.ServicePrincipal('logs.amazonaws.com'), new iam.AccountPrincipal('123456789012')],
      conditions: { StringEquals: { 'aws:SourceAccount': ['111', '222'] }, Bool: { 'aws:SecureTransport': 'false' } },
    }));`);
  const doc = model.policies[0];
  assert.equal(doc.kind, 'resource');
  assert.equal(doc.owner, 'bucket');
  const st = doc.statements[0];
  assert.equal(st.effect, 'Deny');
  assert.deepEqual(texts(st.notActions), ['s3:GetObject']);
  assert.deepEqual(texts(st.notResources), ['arn:aws:s3:::b/*']);
  assert.deepEqual(st.principals!.map((p) => [p.type, p.value.text]), [['AWS', '*'], ['Service', 'logs.amazonaws.com'], ['AWS', '123456789012']]);
  assert.deepEqual(st.principals![1].value.range, rangeOfText(src, "new iam.ServicePrincipal('logs.amazonaws.com')"));
  assert.deepEqual(st.conditions.map((c) => [c.operator, c.key, texts(c.values)]), [
    ['StringEquals', 'aws:SourceAccount', ['111', '222']],
    ['Bool', 'aws:SecureTransport', ['false']],
  ]);
  assert.equal(st.conditionUnknown, undefined);
});

test('named imports, aliases and CDK v1 modules are resolved', () => {
  const header = [
    "import { Stack as CdkStack, aws_iam as identity } from 'aws-cdk-lib';",
    "import { PolicyStatement as PS, Effect } from '@aws-cdk/aws-iam';",
    "import { Construct } from 'constructs';",
    "import * as cdk from 'aws-cdk-lib';",
    '',
  ].join('\n');
  const { model } = loadStack(`
    role.addToPolicy(new identity.PolicyStatement({ effect: identity.Effect.ALLOW, actions: ['a:A'], resources: ['*'] }));
    role.addToPolicy(new PS({ effect: Effect.DENY, actions: ['b:B'], resources: ['*'] }));
    role.addToPolicy(new cdk.aws_iam.PolicyStatement({ actions: ['c:C'], resources: ['*'] }));
    role.addToPolicy(new NotCdk.PolicyStatement({ actions: ['d:D'], resources: ['*'] }));`, {}, header);
  const sts = model.policies.flatMap((p) => p.statements);
  assert.deepEqual(sts.map((s) => [texts(s.actions)[0], s.effect]), [['a:A', 'Allow'], ['b:B', 'Deny'], ['c:C', 'Allow']]);
});

test('an effect that cannot be resolved is Unknown', () => {
  const { model } = loadStack(`role.addToPolicy(new iam.PolicyStatement({ effect: props.effect, actions: ['s3:*'], resources: ['*'] }));`);
  assert.equal(model.policies[0].statements[0].effect, 'Unknown');
});

test('statement variables, addActions-style calls and sharing report each statement once', () => {
  const { model, src } = loadStack(`
    const st = new iam.PolicyStatement();
    st.addActions('kinesis:PutRecord', ...['kinesis:*']);
    st.addAllResources();
    st.addCondition('StringEquals', 'aws:RequestedRegion', 'eu-west-1');
    fnA.addToRolePolicy(st);
    fnB.addToRolePolicy(st);`);
  assert.equal(model.policies.length, 1);
  const st = model.policies[0].statements[0];
  assert.deepEqual(texts(st.actions), ['kinesis:PutRecord', 'kinesis:*']);
  assert.deepEqual(st.actions![1].range, rangeOfText(src, "...['kinesis:*']"));
  assert.deepEqual(texts(st.resources), ['*']);
  assert.deepEqual(st.resources![0].range.startLine, rangeOfText(src, 'st.addAllResources()').startLine);
  assert.deepEqual(st.conditions.map((c) => c.key), ['aws:RequestedRegion']);
  assert.equal(model.policies[0].owner, 'fnA');
});

test('initialPolicy, Role inlinePolicies, Policy, ManagedPolicy and PolicyDocument.addStatements', () => {
  const { model } = loadStack(`
    const doc = new iam.PolicyDocument();
    doc.addStatements(new iam.PolicyStatement({ actions: ['dynamodb:Query'], resources: ['*'] }));
    const role = new iam.Role(this, 'AppRole', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      inlinePolicies: { Tables: doc, Logs: new iam.PolicyDocument({ statements: [new iam.PolicyStatement({ actions: ['logs:PutLogEvents'], resources: ['*'] })] }) },
    });
    new lambda.Function(this, 'Fn', { role, initialPolicy: [new iam.PolicyStatement({ actions: ['sqs:SendMessage'], resources: ['*'] })], runtime: lambda.Runtime.NODEJS_20_X, handler: 'h', code: lambda.Code.fromInline('') });
    new iam.Policy(this, 'Extra', { statements: [new iam.PolicyStatement({ actions: ['sns:Publish'], resources: ['*'] })], roles: [role] });
    const mp = new iam.ManagedPolicy(this, 'Shared', { document: iam.PolicyDocument.fromJson({ Statement: [{ Effect: 'Allow', Action: 'ec2:*', Resource: '*' }] }) });
    mp.addStatements(new iam.PolicyStatement({ actions: ['ec2:Describe*'], resources: ['*'] }));`);
  const summary = model.policies.map((p) => `${p.kind}|${p.owner}|${p.origin}|${p.statements.map((s) => texts(s.actions).join('+')).join(',')}`);
  assert.deepEqual(summary.sort(), [
    'identity|AppRole|inline policy "Logs" of role AppRole|logs:PutLogEvents',
    'identity|AppRole|inline policy "Tables" of role AppRole|dynamodb:Query',
    'identity|Extra|policy Extra|sns:Publish',
    'identity|Fn|initialPolicy of function Fn|sqs:SendMessage',
    'identity|Shared|managed policy Shared|ec2:*',
    'identity|Shared|statement added to policy Shared|ec2:Describe*',
    'trust|AppRole|trust policy of role AppRole|sts:AssumeRole',
  ]);
  assert.equal(model.functions[0].roleRef, 'AppRole');
  const trust = model.policies.find((p) => p.kind === 'trust')!.statements[0];
  assert.deepEqual(trust.principals!.map((p) => [p.type, p.value.text]), [['Service', 'lambda.amazonaws.com']]);
});

test('trust policies from assumedBy: accounts, organisations, composites, external ids', () => {
  const { model } = loadStack(`
    new iam.Role(this, 'Partner', { assumedBy: new iam.AccountPrincipal('999988887777'), externalIds: ['x-1'] });
    new iam.Role(this, 'Org', { assumedBy: new iam.OrganizationPrincipal('o-abc123') });
    new iam.Role(this, 'Both', { assumedBy: new iam.CompositePrincipal(new iam.ServicePrincipal('lambda.amazonaws.com'), new iam.ArnPrincipal('*')) });
    new iam.Role(this, 'Web', { assumedBy: new iam.WebIdentityPrincipal('cognito-identity.amazonaws.com') });`);
  const byOwner = (o: string) => model.policies.find((p) => p.owner === o)!.statements[0];
  assert.deepEqual(byOwner('Partner').principals!.map((p) => p.value.text), ['999988887777']);
  assert.deepEqual(byOwner('Partner').conditions.map((c) => [c.key, texts(c.values)]), [['sts:ExternalId', ['x-1']]]);
  assert.deepEqual(byOwner('Org').conditions.map((c) => [c.key, texts(c.values)]), [['aws:PrincipalOrgID', ['o-abc123']]]);
  // CDK writes one trust statement per CompositePrincipal member
  const both = model.policies.find((p) => p.owner === 'Both')!.statements;
  assert.deepEqual(both.map((st) => st.principals!.map((p) => [p.type, p.value.text])), [[['Service', 'lambda.amazonaws.com']], [['AWS', '*']]]);
  assert.deepEqual(texts(byOwner('Web').actions), ['sts:AssumeRoleWithWebIdentity']);
  assert.deepEqual(byOwner('Web').principals!.map((p) => p.type), ['Federated']);
});

test('L1 CfnRole, CfnPolicy and CfnManagedPolicy with IAM-JSON documents', () => {
  const { model, src } = loadStack(`
    new iam.CfnRole(this, 'L1Role', {
      assumeRolePolicyDocument: { Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::999988887777:root' }, Action: 'sts:AssumeRole' }] },
      policies: [{ policyName: 'All', policyDocument: { Statement: [{ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }] } }],
      managedPolicyArns: ['arn:aws:iam::aws:policy/PowerUserAccess'],
    });
    new iam.CfnPolicy(this, 'L1Policy', { policyName: 'p', policyDocument: { Statement: [{ Effect: 'Allow', Action: ['iam:PassRole'], Resource: '*' }] } });
    new iam.CfnManagedPolicy(this, 'L1Managed', { policyDocument: new iam.PolicyDocument({ statements: [new iam.PolicyStatement({ actions: ['kms:Decrypt'], resources: ['*'] })] }) });`);
  const trust = model.policies.find((p) => p.kind === 'trust')!;
  assert.equal(trust.owner, 'L1Role');
  assert.deepEqual(trust.statements[0].principals!.map((p) => [p.type, p.value.text]), [['AWS', 'arn:aws:iam::999988887777:root']]);
  const inline = model.policies.find((p) => p.origin === 'inline policy "All" of role L1Role')!;
  assert.deepEqual(texts(inline.statements[0].notActions), ['iam:*']);
  assert.deepEqual(inline.statements[0].notActions![0].range, rangeOfText(src, "'iam:*'"));
  assert.deepEqual(model.managedPolicies.map((m) => [m.owner, m.arn.text]), [['L1Role', 'arn:aws:iam::aws:policy/PowerUserAccess']]);
  assert.deepEqual(texts(model.policies.find((p) => p.owner === 'L1Policy')!.statements[0].actions), ['iam:PassRole']);
  assert.deepEqual(texts(model.policies.find((p) => p.owner === 'L1Managed')!.statements[0].actions), ['kms:Decrypt']);
  assert.deepEqual(model.resources.map((r) => r.type), ['AWS::IAM::Role', 'AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy']);
});

test('statements that are never attached are still reported, owned by their holder', () => {
  const { model } = loadStack(`
    const orphan = new iam.PolicyStatement({ actions: ['*'], resources: ['*'] });
    new MyFunction(this, 'Custom', { extraStatements: [new iam.PolicyStatement({ actions: ['s3:*'], resources: ['*'] })] });`);
  assert.deepEqual(model.policies.map((p) => [p.owner, texts(p.statements[0].actions)[0]]), [['orphan', '*'], ['Custom', 's3:*']]);
});

test('syntax errors are reported with their position and the rest is still read', () => {
  const src = "import * as iam from 'aws-cdk-lib/aws-iam';\nrole.addToPolicy(new iam.PolicyStatement({ actions: ['s3:*'], resources: ['*'] }));\nconst x = ;\n";
  const { model, errors } = loadCdkModel(src, FILE);
  assert.equal(errors.length, 1);
  assert.equal(errors[0].line, 3);
  assert.equal(errors[0].file, FILE);
  assert.deepEqual(texts(model.policies[0].statements[0].actions), ['s3:*']);
  assert.equal(model.policies[0].statements[0].actions![0].text.includes(HOLE), false);
});

test('iam.Grant.addToPrincipal adds an identity statement for the grantee', () => {
  const { model, src } = loadStack(`
    const fn = new lambda.Function(this, 'Worker', { runtime: lambda.Runtime.NODEJS_20_X, handler: 'h', code: lambda.Code.fromInline('') });
    iam.Grant.addToPrincipal({ grantee: fn, actions: ['dynamodb:*'], resourceArns: ['*'] });`);
  const [doc] = model.policies;
  assert.equal(doc.owner, 'Worker');
  assert.deepEqual(texts(doc.statements[0].actions), ['dynamodb:*']);
  assert.deepEqual(doc.statements[0].resources![0].range, rangeOfText(src, "'*'"));
});
