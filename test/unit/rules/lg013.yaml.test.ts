import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lineOf, ruleLines, scan } from './yamlSnippet';

const T = `{
  "Resources": {
    "Broad": {
      "Type": "AWS::Lambda::Permission",
      "Properties": {
        "Action": "lambda:*",
        "FunctionName": { "Ref": "Fn" },
        "Principal": "111122223333"
      }
    },
    "Invoke": {
      "Type": "AWS::Lambda::Permission",
      "Properties": {
        "Action": "lambda:InvokeFunction",
        "FunctionName": { "Ref": "Fn" },
        "Principal": "events.amazonaws.com",
        "SourceArn": { "Fn::GetAtt": ["Rule", "Arn"] }
      }
    }
  }
}
`;

test('LG013 (JSON): lambda:* in a permission is reported on the Action line', () => {
  const findings = scan(T, 'template.json');
  assert.deepEqual(ruleLines(findings, 'LG013'), [lineOf(T, '"lambda:*"')]);
  // The same permission names another account: LG010.
  assert.deepEqual(ruleLines(findings, 'LG010'), [lineOf(T, '"111122223333"')]);
});
