import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actionsForLevels } from '../../../src/core/fixes/collectionFixes';
import { narrowFix, suppressionFix } from '../../../src/core/fixes/fixesFor';
import { shortestActionList } from '../../../src/core/fixes/shortestActionList';
import { expandActionPattern } from '../../../src/core/iam/actionPattern';
import { analyzeText } from '../../../src/core/scan/analyzeText';
import { apply, findingOf, load, stillReported, type Tpl } from './fixTestUtil';

const TPL = (action: string): string => `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: { Service: lambda.amazonaws.com }
            Action: sts:AssumeRole
      Policies:
        - PolicyName: p
          PolicyDocument:
            Statement:
              - Effect: Allow
${action}
                Resource: arn:aws:sqs:us-east-1:123456789012:q
`;

const statementActions = (text: string): unknown => (load(text) as Tpl).Resources.Role.Properties.Policies[0].PolicyDocument.Statement[0].Action;

test('actionsForLevels lists the dataset actions of the chosen access levels only', () => {
  const read = actionsForLevels('sqs:*', ['Read']);
  const expected = expandActionPattern('sqs:*').filter((a) => a.accessLevels.includes('Read')).map((a) => `sqs:${a.name}`).sort();
  assert.deepEqual(read, expected);
  assert.ok(read.includes('sqs:ReceiveMessage'));
  assert.ok(!read.includes('sqs:SendMessage'), 'SendMessage is Write');
});

for (const [layout, action] of [
  ['a single value', '                Action: sqs:*'],
  ['a block sequence', '                Action:\n                  - sqs:*\n                  - logs:PutLogEvents'],
  ['a flow sequence', '                Action: [sqs:*, logs:PutLogEvents]'],
  ['a quoted value', "                Action: 'sqs:*'"],
]) {
  test(`narrowing sqs:* written as ${layout} keeps the layout and re-parses`, () => {
    const text = TPL(action);
    const f = findingOf(text, 't.yaml', 'LG001');
    const fix = narrowFix({ text, file: 't.yaml', finding: f }, ['Read', 'List']);
    assert.ok(fix);
    const after = apply(text, fix);
    // sqs in the catalogue: Read/List are GetQueueAttributes, GetQueueUrl, ListDeadLetterSourceQueues,
    // ListMessageMoveTasks, ListQueueTags, ListQueues, ReceiveMessage; every sqs:Get… and sqs:List… action is
    // among them, ReceiveMessage is the only Receive… action: three entries say it exactly.
    const want = ['sqs:Get*', 'sqs:List*', 'sqs:ReceiveMessage'];
    const got = statementActions(after);
    const others = layout === 'a single value' || layout === 'a quoted value' ? [] : ['logs:PutLogEvents'];
    assert.deepEqual(got, [...want, ...others]);
    assert.equal(stillReported(after, 't.yaml', f), false);
    if (layout === 'a block sequence') assert.match(after, /^ {18}- sqs:Get\*$/m);
    if (layout === 'a quoted value') assert.match(after, /^ {18}- 'sqs:Get\*'$/m);
    assert.equal(fix.title, "Narrow 'sqs:*' to its 7 Read / List actions (3 entries)");
  });
}

// Exactness, checked against the catalogue independently of how the list is built: the entries grant every
// chosen action and nothing else of the service, and wildcards appear only where they save lines.
test('the narrowed list grants exactly the chosen actions, in fewer entries', () => {
  const cases: [string, ('List' | 'Read' | 'Write' | 'Permissions management' | 'Tagging')[]][] = [
    ['s3:*', ['Read', 'List']], ['s3:*', ['Write']], ['dynamodb:*', ['Read', 'List']], ['lambda:*', ['List']], ['iam:*', ['Read']], ['s3:Put*', ['Write']],
  ];
  for (const [pattern, levels] of cases) {
    const chosen = actionsForLevels(pattern, levels);
    const entries = shortestActionList(chosen);
    const granted = [...new Set(entries.flatMap((e) => expandActionPattern(e).map((a) => `${a.service}:${a.name}`)))].sort();
    assert.deepEqual(granted, chosen, `${pattern} ${levels}`);
    assert.ok(entries.length <= chosen.length, `${pattern} ${levels}`);
    for (const e of entries.filter((x) => x.endsWith('*'))) assert.ok(expandActionPattern(e).length >= 2, `${e} stands for two or more`);
  }
  // s3: every s3:Get… and s3:List… action is Read or List (the catalogue): they fold into two entries.
  const s3 = shortestActionList(actionsForLevels('s3:*', ['Read', 'List']));
  assert.ok(s3.includes('s3:Get*') && s3.includes('s3:List*'), s3.join(' '));
  assert.ok(s3.length < 10, `${s3.length} entries for ${actionsForLevels('s3:*', ['Read', 'List']).length} actions`);
});

test('narrowing to levels that match nothing offers no fix', () => {
  const text = TPL('                Action: sqs:*');
  const f = findingOf(text, 't.yaml', 'LG001');
  const tagging = actionsForLevels('sqs:*', ['Tagging']);
  const fix = narrowFix({ text, file: 't.yaml', finding: f }, []);
  assert.equal(fix, undefined);
  assert.ok(tagging.length > 0);
});

test('a comment suppression goes above the finding at its indentation and suppresses it', () => {
  const text = TPL('                Action: sqs:*');
  const f = findingOf(text, 't.yaml', 'LG001');
  const fix = suppressionFix({ text, file: 't.yaml', finding: f }, 'queue admin tool\nneeds all', 'comment')!;
  const after = apply(text, fix);
  assert.match(after, /^ {16}# lambda-guard-ignore LG001: queue admin tool needs all\n {16}Action: sqs:\*$/m);
  const r = analyzeText(after, 't.yaml');
  assert.equal(r.findings.find((x) => x.ruleId === 'LG001')?.suppressed, true);
  assert.deepEqual(load(after), load(text), 'a comment changes nothing else');
});

test('a Metadata suppression is added to the resource, or appended to an existing ignore list', () => {
  const text = TPL('                Action: sqs:*');
  const f = findingOf(text, 't.yaml', 'LG001');
  const first = apply(text, suppressionFix({ text, file: 't.yaml', finding: f }, "it's reviewed", 'metadata')!);
  const expected = load(text) as Tpl;
  expected.Resources.Role.Metadata = { 'lambda-guard': { ignore: [{ id: 'LG001', reason: "it's reviewed" }] } };
  assert.deepEqual(load(first), expected);
  assert.equal(analyzeText(first, 't.yaml').findings.find((x) => x.ruleId === 'LG001')?.suppressed, true);
  // A second rule goes into the same list.
  const withRes = first.replace('Resource: arn:aws:sqs:us-east-1:123456789012:q', "Resource: '*'");
  const g = analyzeText(withRes, 't.yaml').findings.find((x) => x.ruleId === 'LG002' && !x.suppressed);
  assert.ok(g, 'LG002 on Resource *');
  const second = apply(withRes, suppressionFix({ text: withRes, file: 't.yaml', finding: g }, 'later', 'metadata')!);
  assert.deepEqual((load(second) as Tpl).Resources.Role.Metadata['lambda-guard'].ignore, [
    { id: 'LG001', reason: "it's reviewed" },
    { id: 'LG002', reason: 'later' },
  ]);
});

test('JSON templates get Metadata suppressions (no comments in JSON)', () => {
  const json = JSON.stringify({ Resources: { P: { Type: 'AWS::Lambda::Permission', Properties: { Action: 'lambda:InvokeFunction', FunctionName: 'f', Principal: '*' } } } }, null, 2);
  const f = findingOf(json, 't.json', 'LG006');
  const fix = suppressionFix({ text: json, file: 't.json', finding: f }, 'public webhook', 'comment')!;
  assert.equal(fix.kind, 'suppress');
  const after = apply(json, fix);
  assert.deepEqual(JSON.parse(after).Resources.P.Metadata, { 'lambda-guard': { ignore: [{ id: 'LG006', reason: 'public webhook' }] } });
});

test('a CDK source gets a // comment', () => {
  const ts = `import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Stack } from 'aws-cdk-lib';
export class S extends Stack {
  constructor() {
    super();
    const fn = new lambda.Function(this, 'Fn', { runtime: lambda.Runtime.NODEJS_20_X, handler: 'i.h', code: lambda.Code.fromInline('x') });
    fn.addToRolePolicy(new iam.PolicyStatement({ actions: ['sqs:*'], resources: ['arn:aws:sqs:us-east-1:1:q'] }));
  }
}
`;
  const r = analyzeText(ts, 'lib/s.ts');
  const f = r.findings.find((x) => x.ruleId === 'LG001');
  if (!f) return assert.fail(`no LG001 in CDK source: ${JSON.stringify(r.errors)}`);
  const after = apply(ts, suppressionFix({ text: ts, file: 'lib/s.ts', finding: f }, 'admin tool')!);
  assert.match(after, /^ {4}\/\/ lambda-guard-ignore LG001: admin tool\n {4}fn\.addToRolePolicy/m);
  assert.equal(analyzeText(after, 'lib/s.ts').findings.find((x) => x.ruleId === 'LG001')?.suppressed, true);
});
