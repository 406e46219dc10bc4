import { test } from 'node:test';
import assert from 'node:assert/strict';
import { auditSnapshot } from '../../../src/core/audit/auditAccount';
import { createSourceIndex, functionResources } from '../../../src/core/audit/sourceIndex';
import { analyzeText } from '../../../src/core/scan/analyzeText';
import { ALL_RULES } from '../../../src/core/rules/registry';
import { doc, fn, role, ROLE, snapshot } from './auditBuilders';

// A deployed function linked to its template keeps the template's resource-wide suppressions: the editor
// and the live audit must not disagree about a decision recorded in the source.

const template = (functionHead: string, roleHead: string, statementComment = '', permissionComment = ''): string => `AWSTemplateFormatVersion: '2010-09-09'
Resources:
${functionHead}  Api:
    Type: AWS::Lambda::Function
    Properties:
      Handler: i.h
      Runtime: nodejs20.x
      Role: !GetAtt ApiRole.Arn
  ApiUrl:
    Type: AWS::Lambda::Url
    Properties:
      AuthType: NONE
      TargetFunctionArn: !GetAtt Api.Arn
  PartnerInvoke:
    Type: AWS::Lambda::Permission
    Properties:
      Action: lambda:InvokeFunction
      FunctionName: !Ref Api
${permissionComment}      Principal: '444455556666'
${roleHead}  ApiRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: { Service: lambda.amazonaws.com }
            Action: sts:AssumeRole
      Policies:
        - PolicyName: work
          PolicyDocument:
            Statement:
${statementComment}              - Effect: Allow
                Action: 's3:*'
                Resource: '*'
`;

function liveFindings(text: string) {
  const s = snapshot({
    roles: [role('stack-ApiRole-1', { inline: { work: doc({ Effect: 'Allow', Action: 's3:*', Resource: '*' }) } })],
    functions: [
      fn('stack-Api-XYZ', {
        role: `${ROLE}stack-ApiRole-1`,
        tags: { 'aws:cloudformation:logical-id': 'Api', 'aws:cloudformation:stack-name': 'stack' },
        url: { url: 'https://x.lambda-url.us-east-1.on.aws/', authType: 'NONE' },
        resourcePolicy: doc(
          { Sid: 'stack-PartnerInvoke-1A2B', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:root' }, Action: 'lambda:InvokeFunction', Resource: '*' },
          { Sid: 'FunctionURLAllowPublicAccess', Effect: 'Allow', Principal: '*', Action: 'lambda:InvokeFunctionUrl', Resource: '*', Condition: { StringEquals: { 'lambda:FunctionUrlAuthType': 'NONE' } } },
        ),
      }),
    ],
  });
  const model = analyzeText(text, 'app/template.yaml').model!;
  const index = createSourceIndex(functionResources(model, ['stack']));
  const by = (rule: string) => auditSnapshot(s, ALL_RULES.map((r) => r.meta), { sourceIndex: index }).findings.filter((f) => f.ruleId === rule);
  return by;
}

test('live: nothing suppressed when the template records no decision', () => {
  const by = liveFindings(template('', ''));
  assert.equal(by('LG008').length, 1);
  assert.equal(by('LG008')[0].suppressed, false);
  assert.ok(by('LG001').length >= 1);
  assert.ok(by('LG001').every((f) => !f.suppressed));
});

test('live: a comment above the function covers the URL finding; one above the role covers the role finding', () => {
  const fnMeta = '  # lambda-guard-ignore LG008: public status endpoint, no data\n';
  const roleMeta = '  # lambda-guard-ignore LG001: migration role, removed after cut-over\n';
  const by = liveFindings(template(fnMeta, roleMeta));
  assert.deepEqual(by('LG008').map((f) => [f.suppressed, f.suppression?.reason]), [[true, 'public status endpoint, no data']]);
  assert.ok(by('LG001').length >= 1);
  for (const f of by('LG001')) assert.deepEqual(f.suppression, { kind: 'comment', reason: 'migration role, removed after cut-over' });
  // The role's decision is about LG001 only.
  assert.ok(by('LG002').every((f) => !f.suppressed));
});

test('live: a decision on the function does not cover its role defined elsewhere in the template', () => {
  const by = liveFindings(template('  # lambda-guard-ignore LG001: not the function\n', ''));
  assert.ok(by('LG001').length >= 1);
  assert.ok(by('LG001').every((f) => !f.suppressed));
});

test('live: a comment on one statement stays in the editor (the live document has its own lines)', () => {
  const by = liveFindings(template('', '', '              # lambda-guard-ignore LG001: reviewed\n'));
  assert.ok(by('LG001').length >= 1);
  assert.ok(by('LG001').every((f) => !f.suppressed));
});

test('live: a Lambda permission is one grant — a comment anywhere in its resource covers its live statement only', () => {
  assert.ok(liveFindings(template('', ''))('LG010').some((f) => f.resource === 'permission stack-PartnerInvoke-1A2B' && !f.suppressed));
  const by = liveFindings(template('', '', '', '      # lambda-guard-ignore LG010: the partner account is ours (billing)\n'));
  const partner = by('LG010').filter((f) => f.resource === 'permission stack-PartnerInvoke-1A2B');
  assert.deepEqual(partner.map((f) => f.suppression?.reason), ['the partner account is ours (billing)']);
  assert.ok(by('LG008').every((f) => !f.suppressed), 'the URL is another resource');
});
