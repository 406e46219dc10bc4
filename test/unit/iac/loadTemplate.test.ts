import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadTemplate } from '../../../src/core/iac/cloudformation/loadTemplate';
import { HOLE } from '../../../src/core/model/value';

const SAM = `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Parameters:
  BucketName: { Type: String }
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Globals:
  Function:
    Environment:
      Variables:
        STAGE: dev
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Handler: index.handler
      Policies:
        - AWSLambdaBasicExecutionRole
        - S3CrudPolicy:
            BucketName: !Ref BucketName
        - Statement:
            - Effect: Allow
              Action: !If [IsProd, 's3:GetObject', 's3:*']
              Resource: !Sub 'arn:\${AWS::Partition}:s3:::\${BucketName}/*'
      FunctionUrlConfig:
        AuthType: NONE
      Events:
        Up:
          Type: S3
          Properties: { Bucket: !Ref B, Events: s3:ObjectCreated:* }
        Skill:
          Type: AlexaSkill
`;

test('SAM function: managed names, templates, inline statements with !If branches, URL, events, globals', () => {
  const r = loadTemplate(SAM, 't.yaml');
  assert.equal(r.skipped, false);
  assert.deepEqual(r.errors, []);
  const m = r.model!;
  assert.equal(m.format, 'sam');
  assert.deepEqual(m.managedPolicies.map((p) => p.arn.text), ['AWSLambdaBasicExecutionRole']);
  assert.equal(m.managedPolicies[0].range.startLine, 18);
  const tmpl = m.policies.find((p) => p.samTemplate === 'S3CrudPolicy')!;
  assert.ok(tmpl, 'template expanded');
  const res = tmpl.statements.flatMap((s) => s.resources ?? []).map((s) => s.text);
  assert.ok(res.includes(`arn:aws:s3:::${HOLE}/*`), res.join(','));
  assert.equal(tmpl.statements[0].actions![0].range.startLine, 19);
  const inline = m.policies.find((p) => p.origin.startsWith('inline policy'))!;
  const actions = inline.statements[0].actions!.map((a) => [a.text, a.branch]);
  assert.deepEqual(actions, [['s3:GetObject', 'IsProd=true'], ['s3:*', 'IsProd=false']]);
  assert.equal(inline.statements[0].actions![0].range.startLine, 23);
  assert.equal(inline.statements[0].resources![0].text, `arn:aws:s3:::${HOLE}/*`);
  assert.equal(m.functionUrls[0].authType?.text, 'NONE');
  assert.equal(m.functionUrls[0].authType?.range.startLine, 26);
  const s3 = m.permissions.find((p) => p.principal?.text === 's3.amazonaws.com')!;
  assert.ok(s3.sourceAccount, 'SAM S3 events carry SourceAccount');
  assert.equal(s3.range.startLine, 28);
  const alexa = m.permissions.find((p) => p.principal?.text === 'alexa-appkit.amazon.com')!;
  assert.equal(alexa.eventSourceToken, undefined);
  assert.deepEqual(m.envVars.map((e) => [e.name, e.value.text, e.nameRange.startLine]), [['STAGE', 'dev', 11]]);
});

test('JSON template: ranges point at the exact key and value', () => {
  const json = `{
  "Resources": {
    "Role": {
      "Type": "AWS::IAM::Role",
      "Properties": {
        "AssumeRolePolicyDocument": { "Statement": [ { "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::111122223333:root" }, "Action": "sts:AssumeRole" } ] },
        "ManagedPolicyArns": [ "arn:aws:iam::aws:policy/AdministratorAccess" ],
        "Policies": [ { "PolicyName": "p", "PolicyDocument": { "Statement": [ { "Effect": "Allow", "Action": ["s3:*"], "Resource": "*" } ] } } ]
      }
    }
  }
}`;
  const m = loadTemplate(json, 'r.json').model!;
  assert.equal(m.format, 'cloudformation');
  const trust = m.policies.find((p) => p.kind === 'trust')!;
  const pr = trust.statements[0].principals![0];
  assert.equal(pr.type, 'AWS');
  assert.equal(pr.value.text, 'arn:aws:iam::111122223333:root');
  assert.equal(pr.value.range.startLine, 6);
  assert.equal(json.split('\n')[5].slice(pr.value.range.startColumn - 1, pr.value.range.endColumn - 1), '"arn:aws:iam::111122223333:root"');
  const inline = m.policies.find((p) => p.kind === 'identity')!;
  const a = inline.statements[0].actions![0];
  assert.equal(json.split('\n')[7].slice(a.range.startColumn - 1, a.range.endColumn - 1), '"s3:*"');
  assert.equal(m.managedPolicies[0].arn.range.startLine, 7);
});

test('trust policy written as a JSON string in a literal block keeps real lines', () => {
  const y = `Resources:
  R:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: |
        {
          "Statement": [{ "Effect": "Allow",
            "Principal": { "AWS": "*" }, "Action": "sts:AssumeRole" }]
        }
`;
  const m = loadTemplate(y, 'x.yaml').model!;
  const p = m.policies[0].statements[0].principals![0];
  assert.equal(p.value.text, '*');
  assert.equal(p.value.range.startLine, 8);
  assert.equal(y.split('\n')[7].slice(p.value.range.startColumn - 1, p.value.range.endColumn - 1), '"*"');
});

test('intrinsics: Sub/Join producing * are wildcards, Ref/GetAtt/ImportValue are unknown, FindInMap resolves', () => {
  const y = `Mappings:
  M: { us: { arn: 'arn:aws:s3:::*' } }
Resources:
  P:
    Type: AWS::IAM::Policy
    Properties:
      PolicyDocument:
        Statement:
          - Effect: Allow
            Action: ['s3:GetObject']
            Resource:
              - !Sub '*'
              - !Join ['', ['arn:', !Ref AWS::Partition, ':s3:::*']]
              - !Ref Bucket
              - !GetAtt Bucket.Arn
              - !ImportValue Shared
              - Fn::FindInMap: [M, us, arn]
              - !Sub ['arn:aws:s3:::\${B}/*', { B: '*' }]
`;
  const m = loadTemplate(y, 'x.yaml').model!;
  const res = m.policies[0].statements[0].resources!;
  assert.deepEqual(res.map((r) => r.text), ['*', 'arn:aws:s3:::*', HOLE, HOLE, HOLE, 'arn:aws:s3:::*', 'arn:aws:s3:::*/*']);
  assert.deepEqual(res.map((r) => r.range.startLine), [12, 13, 14, 15, 16, 17, 18]);
});

test('every short-form tag parses in scalar and sequence form without errors', () => {
  const y = `Resources:
  X:
    Type: AWS::IAM::Policy
    Properties:
      A: !Ref a
      B: !GetAtt a.b
      C: !GetAtt [a, b]
      D: !Sub x
      E: !Sub [x, {}]
      F: !Join [',', [a]]
      G: !If [c, a, b]
      H: !Select [0, [a]]
      I: !Split [',', 'a,b']
      J: !FindInMap [a, b, c]
      K: !ImportValue v
      L: !Equals [a, b]
      M: !And [!Condition c, !Not [!Condition d]]
      N: !Or [!Condition c, !Condition d]
      O: !GetAZs ''
      P: !Cidr [a, 1, 2]
      Q: !Base64 x
      PolicyDocument: { Statement: [] }
`;
  const r = loadTemplate(y, 'x.yaml');
  assert.deepEqual(r.errors, []);
  assert.equal(r.skipped, false);
});

test('non-templates are skipped silently; a broken template is an error with a line', () => {
  assert.equal(loadTemplate('on: push\njobs:\n  b:\n    runs-on: x\n', '.github/workflows/ci.yml').skipped, true);
  assert.equal(loadTemplate('apiVersion: v1\nkind: Pod\n---\napiVersion: v1\nkind: Service\n', 'k8s.yaml').skipped, true);
  assert.equal(loadTemplate('{"name": "x", "version": "1.0.0"}', 'package.json').skipped, true);
  assert.equal(loadTemplate('{"compilerOptions": {}}', 'tsconfig.json').skipped, true);
  const broken = loadTemplate('Resources:\n  A:\n    Type: AWS::IAM::Role\n    Properties: [\n', 'b.yaml');
  assert.equal(broken.skipped, false);
  assert.ok(broken.errors.length > 0);
  assert.ok(broken.errors[0].line! >= 4, JSON.stringify(broken.errors));
});

test('hostile input is bounded: alias bomb, deep nesting', () => {
  let bomb = 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n';
  for (let i = 1; i < 9; i++) bomb += `a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]\n`;
  bomb += 'Resources: { R: { Type: AWS::IAM::Role, Properties: { P: *a8 } } }\n';
  // Its time is a benchmark (bench/run.ts (e)), not an assertion here.
  const r = loadTemplate(bomb, 'bomb.yaml');
  assert.ok(r.errors.some((e) => /alias|nodes/.test(e.message)), JSON.stringify(r.errors));
  const deep = `Resources:\n  R:\n    Type: AWS::IAM::Role\n    Properties:\n      X: ${'['.repeat(5000)}${']'.repeat(5000)}\n`;
  const d = loadTemplate(deep, 'deep.yaml');
  assert.ok(d.errors.length > 0);
});

test('suppressions: comment above a statement and Metadata on a resource', () => {
  const y = `Resources:
  P:
    Type: AWS::Lambda::Permission
    Metadata:
      lambda-guard:
        ignore:
          - { id: LG007, reason: checked by the gateway }
    Properties:
      Action: lambda:InvokeFunction
      # lambda-guard-ignore LG006: public by design
      Principal: '*'
`;
  const m = loadTemplate(y, 'x.yaml').model!;
  const meta = m.suppressions.find((s) => s.kind === 'metadata')!;
  assert.deepEqual([meta.ruleId, meta.owner, meta.reason], ['LG007', 'P', 'checked by the gateway']);
  const c = m.suppressions.find((s) => s.kind === 'comment')!;
  assert.equal(c.ruleId, 'LG006');
  assert.equal(c.appliesTo!.startLine, 11);
  assert.equal(c.reason, 'public by design');
});

test('incremental (chunked) parsing yields the same model as a whole parse, before and after edits', async () => {
  const { readFileSync } = await import('node:fs');
  const path = await import('node:path');
  const { generateTemplate } = await import('../../../bench/generateTemplate');
  const texts = [readFileSync(path.resolve(__dirname, '../../../examples/sam-app/template.yaml'), 'utf8'), generateTemplate(40)];
  for (const t of texts) {
    const lines = t.split('\n');
    const edited = [...lines.slice(0, 30), '  # a comment line inserted', ...lines.slice(30)].join('\n');
    for (const text of [t, edited, t]) {
      const full = loadTemplate(text, 'a.yaml').model!;
      const inc = loadTemplate(text, 'a.yaml', { incremental: true }).model!;
      assert.deepEqual(JSON.stringify(inc.policies), JSON.stringify(full.policies));
      assert.deepEqual(JSON.stringify(inc.permissions), JSON.stringify(full.permissions));
      assert.deepEqual(JSON.stringify(inc.envVars), JSON.stringify(full.envVars));
      assert.deepEqual(JSON.stringify(inc.managedPolicies), JSON.stringify(full.managedPolicies));
      assert.deepEqual(inc.suppressions.map((s) => [s.ruleId, s.appliesTo?.startLine]), full.suppressions.map((s) => [s.ruleId, s.appliesTo?.startLine]));
    }
  }
});

test('incremental parsing reports a logical id or section written twice, as a whole parse does', () => {
  const res = (id: string): string => `  ${id}:\n    Type: AWS::Lambda::Permission\n    Properties:\n      Action: lambda:InvokeFunction\n      FunctionName: f\n      Principal: '*'\n`;
  const cases = [
    `Resources:\n${res('A')}${res('B')}${res('A')}`,
    `Parameters:\n  P:\n    Type: String\nResources:\n${res('A')}Parameters:\n  Q:\n    Type: String\n`,
  ];
  for (const text of cases) {
    const full = loadTemplate(text, 'd.yaml');
    const inc = loadTemplate(text, 'd.yaml', { incremental: true });
    assert.equal(full.errors.length, 1, text);
    assert.match(full.errors[0].message, /unique/);
    assert.deepEqual(inc.errors, full.errors);
    assert.equal(inc.model, undefined);
  }
  // Distinct ids are fine.
  assert.deepEqual(loadTemplate(`Resources:\n${res('A')}${res('B')}`, 'd.yaml', { incremental: true }).errors, []);
});
