import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lineOf, ruleLines, scan } from './yamlSnippet';

const T = `Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    Environment:
      Variables:
        STRIPE_API_KEY: sk_test_not_really_but_literal
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs20.x
      Handler: index.handler
      CodeUri: src/
      Environment:
        Variables:
          DB_PASSWORD: '{{resolve:secretsmanager:prod/db:SecretString:password}}'
          DB_SECRET_ARN: !Ref DbSecret
          TABLE_NAME: !Ref Table
          LEGACY_KEY: AKIAIOSFODNN7EXAMPLE
          JWT_SECRET: hunter2hunter2
`;

test('LG014 (SAM): Globals and function variables; dynamic references and refs are not secrets', () => {
  const findings = scan(T);
  assert.deepEqual(
    [...ruleLines(findings, 'LG014')].sort((a, b) => a - b),
    [lineOf(T, 'STRIPE_API_KEY'), lineOf(T, 'LEGACY_KEY'), lineOf(T, 'JWT_SECRET')],
  );
  assert.ok(findings.filter((f) => f.ruleId === 'LG014').every((f) => !/hunter2|AKIA|sk_test/.test(f.message)));
});
