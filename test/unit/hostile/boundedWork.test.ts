import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { hostileFolder, ifTree, scanJson } from './hostileHarness';

// Bounded work on one file. The time-outs are generous (60 s): they turn the old quadratic and exponential
// behaviour (minutes, gigabytes) into a failure without timing anything that works.

/** A role whose one statement grants iam:PassRole on '*' (LG004 on the Action line) with `condition` as its Condition. */
function passRoleTemplate(condition: string): string {
  return `Resources:
  R:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: { Statement: [{ Effect: Allow, Principal: { Service: lambda.amazonaws.com }, Action: sts:AssumeRole }] }
      Policies:
        - PolicyName: p
          PolicyDocument:
            Statement:
              - Effect: Allow
                Action: iam:PassRole
                Resource: '*'
                Condition:
${condition}
`;
}

test('60,000 condition keys in one map: parsed in linear time, the finding is still made', () => {
  const { dir } = hostileFolder('keys');
  const keys = Array.from({ length: 60_000 }, (_, i) => `                    aws:PrincipalTag/k${i}: v${i}`).join('\n');
  writeFileSync(path.join(dir, 'keys.yaml'), passRoleTemplate(`                  StringEquals:\n${keys}`));
  const r = scanJson(dir, ['.'], { memMb: 1024 });
  assert.deepEqual(r.errors, []);
  assert.ok(r.findings.some((f) => f.ruleId === 'LG004' && f.location?.file === 'keys.yaml' && f.location.startLine === 11), JSON.stringify(r.findings.slice(0, 5)));
});

test('40,000 resources in one YAML template are analysed, to the last one (100,000 is a benchmark: bench/hostile)', () => {
  const { dir } = hostileFolder('resources');
  const lines = ['Resources:'];
  for (let i = 0; i < 40_000; i++) lines.push(`  Topic${i}:`, '    Type: AWS::SNS::Topic', '    Properties:', `      TopicName: t${i}`);
  // One public permission at the very end: found only if the whole template was read.
  lines.push('  Last:', '    Type: AWS::Lambda::Permission', '    Properties:', '      Action: lambda:InvokeFunction', '      FunctionName: f', "      Principal: '*'");
  writeFileSync(path.join(dir, 'many.yaml'), lines.join('\n') + '\n');
  const r = scanJson(dir, ['.'], { memMb: 2048 });
  assert.deepEqual(r.errors, []);
  assert.deepEqual(
    r.findings.filter((f) => f.location?.file === 'many.yaml').map((f) => [f.ruleId, f.location!.startLine]),
    [['LG006', 160_007]],
  );
});

test('a duplicate key is still an error with its line, found by the converter', () => {
  const { dir } = hostileFolder('dup');
  writeFileSync(path.join(dir, 'dup.yaml'), 'Resources:\n  A:\n    Type: AWS::SNS::Topic\n  B:\n    Type: AWS::SNS::Topic\n  A:\n    Type: AWS::SNS::Topic\n');
  const r = scanJson(dir, ['.'], { memMb: 256 });
  assert.deepEqual(r.errors, [{ file: 'dup.yaml', line: 6, message: 'YAML: Map keys must be unique', column: 3 }]);
});


test('!If bomb: Effect × Condition combinations are capped per statement, the rest judged together, with a notice', () => {
  const { dir } = hostileFolder('ifs');
  // Ten statements, each 256 Effect branches × 256 Condition branches: 655,360 statements before the cap.
  const statement = (k: number): string =>
    `{ "Sid": "S${k}", "Effect": ${ifTree(8, `E${k}_`, (i) => (i % 2 ? '"Allow"' : '"Deny"'))}, "Action": "iam:PassRole", "Resource": "*",\n` +
    `  "Condition": ${ifTree(8, `C${k}_`, (i) => `{ "StringEquals": { "aws:SourceAccount": "${i}" } }`)} }`;
  const doc = { Resources: { P: { Type: 'AWS::IAM::ManagedPolicy', Properties: { PolicyDocument: { Statement: 'STATEMENTS' } } } } };
  const text = JSON.stringify(doc, null, 2).replace('"STATEMENTS"', `[\n${Array.from({ length: 10 }, (_, k) => statement(k)).join(',\n')}\n]`);
  writeFileSync(path.join(dir, 'ifs.json'), text);
  const r = scanJson(dir, ['.'], { memMb: 256 });
  assert.deepEqual(r.errors, []);
  // Statement k starts on line 8 + 2k (two lines each, after the seven lines of the wrapper).
  const lines = Array.from({ length: 10 }, (_, k) => 8 + 2 * k);
  assert.deepEqual(r.notices.map((n) => [n.file, n.line]), lines.map((l) => ['ifs.json', l]));
  assert.match(r.notices[0].message, /^more than 64 !If combinations of Effect and Condition in one statement \(65536 before contradictory ones are dropped\)/);
  // Every statement can allow PassRole on '*' without iam:PassedToService: LG004 on each Action.
  const lg004 = r.findings.filter((f) => f.ruleId === 'LG004' && f.location?.file === 'ifs.json').map((f) => f.location!.startLine);
  assert.deepEqual([...new Set(lg004)], lines);
});

test('alias and merge-key bombs stop at the node budget; the rest of the folder is reported', () => {
  const { dir } = hostileFolder('bomb');
  let bomb = 'a0: &a0 {k0: x, k1: x, k2: x, k3: x, k4: x, k5: x, k6: x, k7: x, k8: x, k9: x}\n';
  for (let i = 1; i < 12; i++) bomb += `a${i}: &a${i}\n  <<: [${Array.from({ length: 10 }, () => `*a${i - 1}`).join(', ')}]\n  s${i}: [${Array.from({ length: 10 }, () => `*a${i - 1}`).join(', ')}]\n`;
  bomb += 'Resources: { R: { Type: AWS::IAM::Role, Properties: { P: *a11 } } }\n';
  writeFileSync(path.join(dir, 'bomb.yaml'), bomb);
  const r = scanJson(dir, ['.'], { memMb: 512 });
  assert.equal(r.errors.length, 1);
  assert.equal(r.errors[0].file, 'bomb.yaml');
  assert.match(r.errors[0].message, /alias/);
});

test('!Sub with 200,000 placeholders is resolved in linear time', () => {
  const { dir } = hostileFolder('sub');
  writeFileSync(
    path.join(dir, 'sub.yaml'),
    `Resources:\n  P:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument:\n        Statement:\n          - Effect: Allow\n            Action: iam:PassRole\n            Resource: !Sub "arn:aws:iam::\${AWS::AccountId}:role/${'${Name}'.repeat(200_000)}"\n`,
  );
  const r = scanJson(dir, ['.'], { memMb: 512 });
  assert.deepEqual(r.errors, []);
});
