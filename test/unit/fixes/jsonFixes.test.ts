import { test } from 'node:test';
import assert from 'node:assert/strict';
import { apply, findingOf, fixesOf, load, stillReported, type Tpl } from './fixTestUtil';

const JSON_TPL = `{
    "AWSTemplateFormatVersion": "2010-09-09",
    "Resources": {
        "Fn": {
            "Type": "AWS::Lambda::Function",
            "Properties": {
                "Handler": "index.handler",
                "Runtime": "nodejs20.x",
                "Role": "arn:aws:iam::123456789012:role/fn",
                "Code": { "ZipFile": "x" }
            }
        },
        "Url": {
            "Type": "AWS::Lambda::Url",
            "Properties": { "TargetFunctionArn": { "Fn::GetAtt": ["Fn", "Arn"] }, "AuthType": "NONE" }
        },
        "Perm": {
            "Type": "AWS::Lambda::Permission",
            "Properties": {
                "Action": "lambda:InvokeFunction",
                "FunctionName": { "Ref": "Fn" },
                "Principal": "s3.amazonaws.com"
            }
        },
        "Role": {
            "Type": "AWS::IAM::Role",
            "Properties": {
                "AssumeRolePolicyDocument": { "Statement": [{ "Effect": "Allow", "Principal": { "Service": "lambda.amazonaws.com" }, "Action": "sts:AssumeRole" }] },
                "Policies": [
                    {
                        "PolicyName": "p",
                        "PolicyDocument": {
                            "Statement": [
                                {
                                    "Effect": "Allow",
                                    "Action": "iam:PassRole",
                                    "Resource": "*"
                                }
                            ]
                        }
                    }
                ]
            }
        }
    }
}
`;

function fixJson(ruleId: string, title: RegExp | undefined, change: (t: Tpl) => void): string {
  const f = findingOf(JSON_TPL, 't.json', ruleId);
  const fixes = fixesOf(JSON_TPL, 't.json', ruleId);
  const fix = title ? fixes.find((x) => title.test(x.title)) : fixes[0];
  assert.ok(fix, `${ruleId} fix among ${fixes.map((x) => x.title).join(' | ')}`);
  const after = apply(JSON_TPL, fix);
  const expected = JSON.parse(JSON_TPL);
  change(expected);
  assert.deepEqual(JSON.parse(after), expected, 'valid JSON with exactly the intended change');
  assert.deepEqual(load(after), expected);
  assert.equal(stillReported(after, 't.json', f), false);
  return after;
}

test('JSON: a compact object gets an entry on the same line', () => {
  const after = fixJson('LG008', undefined, (t) => (t.Resources.Url.Properties.AuthType = 'AWS_IAM'));
  assert.match(after, /"AuthType": "AWS_IAM" \}/);
});

test('JSON: SourceArn in a multi-line object, with the file indentation and a Fn::Sub', () => {
  const after = fixJson('LG007', /SourceArn/, (t) => (t.Resources.Perm.Properties.SourceArn = { 'Fn::Sub': 'arn:${AWS::Partition}:s3:::BUCKET_NAME' }));
  assert.match(after, /"Principal": "s3\.amazonaws\.com",\n {16}"SourceArn": \{ "Fn::Sub": "arn:\$\{AWS::Partition\}:s3:::BUCKET_NAME" \}\n {12}\}/);
});

test('JSON: a nested Condition follows the file indentation', () => {
  const after = fixJson('LG004', undefined, (t) => {
    t.Resources.Role.Properties.Policies[0].PolicyDocument.Statement[0].Condition = { StringEquals: { 'iam:PassedToService': 'lambda.amazonaws.com' } };
  });
  assert.match(after, /"Resource": "\*",\n {36}"Condition": \{\n {40}"StringEquals": \{\n {44}"iam:PassedToService": "lambda\.amazonaws\.com"\n {40}\}\n {36}\}/);
});

test('JSON: a literal secret becomes a Secrets Manager reference (LG014)', () => {
  const text = JSON_TPL.replace('"Code": { "ZipFile": "x" }', '"Code": { "ZipFile": "x" },\n                "Environment": { "Variables": { "API_TOKEN": "tok-9f8e7d6c5b4a" } }');
  const f = findingOf(text, 't.json', 'LG014');
  const [fix] = fixesOf(text, 't.json', 'LG014');
  assert.ok(fix, 'LG014 fix');
  const after = apply(text, fix);
  assert.equal(JSON.parse(after).Resources.Fn.Properties.Environment.Variables.API_TOKEN, '{{resolve:secretsmanager:API_TOKEN}}');
  assert.equal(stillReported(after, 't.json', f), false);
});
