import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyzeText } from '../../../src/core/scan/analyzeText';

// A service with every part the loader reads; random edits (lines deleted, duplicated, swapped; junk and
// variables inserted) must give findings with sane locations or errors, never a crash or a hang.
const BASE = `service: fuzz
custom:
  stage: \${opt:stage, 'dev'}
  list:
    - a
provider:
  name: aws
  environment:
    KEY: \${self:custom.stage}
  iam:
    role:
      statements:
        - Effect: Allow
          Action: s3:*
          Resource: arn:aws:s3:::\${self:custom.stage}/*
      managedPolicies:
        - arn:aws:iam::aws:policy/service-role/AWSLambdaRole
functions:
  f:
    handler: h.h
    url: true
    iamRoleStatements:
      - Effect: Allow
        Action: iam:PassRole
        Resource: '*'
    events:
      - http: GET /x
      - s3: \${self:custom.stage}
resources:
  Resources:
    P:
      Type: AWS::SNS::TopicPolicy
      Properties:
        Topics: [t]
        PolicyDocument:
          Statement:
            - Effect: Allow
              Principal: { Service: events.amazonaws.com }
              Action: sns:Publish
              Resource: '*'
`;

test('a Serverless service with random edits never crashes the analyzer', () => {
  const junk = fc.constantFrom('${self:custom.list}', '${self:}', '${file(./x.yml)}', '${opt:', '}', '${${${', '- ', ': ', '*', '&a', '*a', '!Ref', '[', '{', 'url: true', 'provider: x', '${self:custom.stage}${self:custom.stage}');
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.nat(), fc.nat(), junk, fc.constantFrom('del', 'dup', 'swap', 'ins')), { minLength: 1, maxLength: 6 }), (edits) => {
      const lines = BASE.split('\n');
      for (const [a, b, j, op] of edits) {
        const i = a % lines.length;
        const k = b % lines.length;
        if (op === 'del') lines.splice(i, 1);
        else if (op === 'dup') lines.splice(i, 0, lines[k]);
        else if (op === 'swap') [lines[i], lines[k]] = [lines[k], lines[i]];
        else lines[i] = `${lines[i]}${j}`;
      }
      const r = analyzeText(lines.join('\n'), 'serverless.yml', { readSibling: () => 'x: ${self:custom.list}\n' });
      for (const f of r.findings) assert.ok(f.location && f.location.startLine >= 1 && f.location.startColumn >= 1, JSON.stringify(f));
      for (const e of r.errors) assert.equal(typeof e.message, 'string');
      assert.ok(!r.errors.some((e) => /could not analyse|failed/.test(e.message)), JSON.stringify(r.errors));
    }),
    { numRuns: 300 },
  );
});
