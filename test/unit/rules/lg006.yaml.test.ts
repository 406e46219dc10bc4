import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lineOf, ruleLines, scan } from './yamlSnippet';

const T = `Resources:
  Open:
    Type: AWS::Lambda::Permission
    Properties:
      Action: lambda:InvokeFunction
      FunctionName: !Ref Fn
      Principal: '*'
  Pinned:
    Type: AWS::Lambda::Permission
    Properties:
      Action: lambda:InvokeFunction
      FunctionName: !Ref Fn
      Principal: '*'
      SourceAccount: !Ref AWS::AccountId
  UrlPublic:
    Type: AWS::Lambda::Permission
    Properties:
      Action: lambda:InvokeFunctionUrl
      FunctionName: !Ref Fn
      Principal: "*"
      FunctionUrlAuthType: NONE
  UrlIam:
    Type: AWS::Lambda::Permission
    Properties:
      Action: lambda:InvokeFunctionUrl
      FunctionName: !Ref Fn
      Principal: "*"
      FunctionUrlAuthType: AWS_IAM
`;

test('LG006 (YAML): unrestricted * and a NONE-auth URL permission are errors on the Principal line', () => {
  const findings = scan(T);
  assert.deepEqual(ruleLines(findings, 'LG006'), [lineOf(T, "Principal: '*'"), lineOf(T, 'Principal: "*"')]);
  assert.ok(findings.filter((f) => f.ruleId === 'LG006').every((f) => f.severity === 'error'));
  assert.deepEqual(findings.filter((f) => f.ruleId === 'LG006').map((f) => f.resource), ['Open', 'UrlPublic']);
});
