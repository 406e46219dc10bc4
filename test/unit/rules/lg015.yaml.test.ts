import { test } from 'node:test';
import assert from 'node:assert/strict';
import { quickFixes } from '../../../src/core/fixes/fixesFor';
import { applyEdits } from '../../../src/core/fixes/fixTypes';
import { analyzeText } from '../../../src/core/scan/analyzeText';

// LG015 end to end through template loading: which functions are reachable from outside, and which
// alarms count as watching them. Each template is written for the case; the expected line is the
// function's logical id.

const HEAD = "AWSTemplateFormatVersion: '2010-09-09'\nTransform: AWS::Serverless-2016-10-31\nParameters:\n  WatchedName:\n    Type: String\nResources:\n";
const API_FN = ['  Api:', '    Type: AWS::Serverless::Function', '    Properties:', '      Handler: i.h', '      Runtime: nodejs20.x', '      Events:', '        Get:', '          Type: HttpApi'];

function lg015(resources: string[]): { line: number; message: string }[] {
  const r = analyzeText(HEAD + resources.join('\n') + '\n', 't.yaml');
  assert.deepEqual(r.errors, []);
  return r.findings.filter((f) => f.ruleId === 'LG015').map((f) => ({ line: f.location!.startLine, message: f.message }));
}

function alarm(id: string, metric: string, value: string, namespace = 'AWS/Lambda'): string[] {
  return [`  ${id}:`, '    Type: AWS::CloudWatch::Alarm', '    Properties:', `      Namespace: ${namespace}`, `      MetricName: ${metric}`, '      Dimensions:', '        - Name: FunctionName', `          Value: ${value}`];
}

test('LG015: an HttpApi-triggered function without an alarm is reported on its logical id, as info', () => {
  const r = analyzeText(HEAD + API_FN.join('\n') + '\n', 't.yaml');
  const f = r.findings.filter((x) => x.ruleId === 'LG015');
  assert.equal(f.length, 1);
  assert.equal(f[0].location!.startLine, 7, 'the line of `  Api:`');
  assert.equal(f[0].severity, 'info');
  assert.match(f[0].message, /an API Gateway trigger/);
});

test('LG015: an Errors or Invocations alarm with FunctionName !Ref Fn watches it; Duration or another function does not', () => {
  assert.deepEqual(lg015([...API_FN, ...alarm('ApiErrors', 'Errors', '!Ref Api')]), []);
  assert.deepEqual(lg015([...API_FN, ...alarm('ApiCalls', 'Invocations', '!Ref Api')]), []);
  assert.equal(lg015([...API_FN, ...alarm('ApiSlow', 'Duration', '!Ref Api')]).length, 1, 'Duration does not count');
  assert.equal(lg015([...API_FN, ...alarm('Other', 'Errors', 'some-other-function')]).length, 1, 'an alarm on another function');
  assert.equal(lg015([...API_FN, ...alarm('Ec2', 'Errors', '!Ref Api', 'AWS/EC2')]).length, 1, 'another namespace');
});

test('LG015: unknown alarm parts count as watching (unknown is never reported)', () => {
  assert.deepEqual(lg015([...API_FN, ...alarm('ByParam', 'Errors', '!Ref WatchedName')]), []);
});

test('LG015: a metric-math alarm watching Invocations of the function counts', () => {
  const math = ['  Ratio:', '    Type: AWS::CloudWatch::Alarm', '    Properties:', '      Metrics:', '        - Id: e', '          Expression: errors / calls', '        - Id: calls', '          MetricStat:', '            Metric:', '              Namespace: AWS/Lambda', '              MetricName: Invocations', '              Dimensions:', '                - Name: FunctionName', '                  Value: !Ref Api', '            Period: 60', '            Stat: Sum'];
  assert.deepEqual(lg015([...API_FN, ...math]), []);
});

test('LG015: only outside callers make a function exposed: S3 with SourceAccount is not, a public or cross-account permission is', () => {
  const fn = ['  Worker:', '    Type: AWS::Lambda::Function', '    Properties:', '      FunctionName: worker-fn', '      Handler: i.h', '      Runtime: nodejs20.x', '      Role: arn:aws:iam::123456789012:role/r', '      Code: { ZipFile: x }'];
  const perm = (principal: string): string[] => ['  Perm:', '    Type: AWS::Lambda::Permission', '    Properties:', '      Action: lambda:InvokeFunction', '      FunctionName: !GetAtt Worker.Arn', `      Principal: ${principal}`, '      SourceAccount: !Ref AWS::AccountId'];
  assert.deepEqual(lg015([...fn, ...perm('s3.amazonaws.com')]), []);
  const pub = lg015([...fn, ...perm("'*'")]);
  assert.equal(pub.length, 1);
  assert.match(pub[0].message, /a public permission/);
  assert.match(lg015([...fn, ...perm("'444455556666'")])[0].message, /a cross-account permission/);
  // The function's literal name in an alarm dimension names it too.
  assert.deepEqual(lg015([...fn, ...perm("'*'"), ...alarm('ByName', 'Errors', 'worker-fn')]), []);
});

test('LG015: an AWS::Lambda::Url targeting the function exposes it', () => {
  const fn = ['  Worker:', '    Type: AWS::Lambda::Function', '    Properties:', '      Handler: i.h', '      Runtime: nodejs20.x', '      Role: arn:aws:iam::123456789012:role/r', '      Code: { ZipFile: x }'];
  const url = ['  WorkerUrl:', '    Type: AWS::Lambda::Url', '    Properties:', '      AuthType: AWS_IAM', '      TargetFunctionArn: !GetAtt Worker.Arn'];
  const out = lg015([...fn, ...url]);
  assert.equal(out.length, 1);
  assert.match(out[0].message, /^Worker is reachable from outside \(a function URL\)/);
});

test('LG015: the quick fix adds an Errors alarm on the function, and the finding is gone after it', () => {
  const text = HEAD + API_FN.join('\n') + '\n';
  const finding = analyzeText(text, 't.yaml').findings.find((f) => f.ruleId === 'LG015')!;
  const [fix] = quickFixes({ text, file: 't.yaml', finding });
  assert.ok(fix, 'a fix is offered');
  const after = applyEdits(text, fix.edits);
  assert.match(after, /ApiErrorsAlarm:\n {4}Type: AWS::CloudWatch::Alarm/);
  assert.match(after, /MetricName: Errors/);
  assert.match(after, /Value: !Ref Api/);
  const again = analyzeText(after, 't.yaml');
  assert.deepEqual(again.errors, []);
  assert.deepEqual(again.findings.filter((f) => f.ruleId === 'LG015'), []);
});
