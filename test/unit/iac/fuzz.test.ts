import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { analyzeText } from '../../../src/core/scan/analyzeText';

const EXAMPLES = ['examples/sam-app/template.yaml', 'examples/cloudformation/function-role.json'].map((p) => ({
  file: p,
  text: readFileSync(path.resolve(__dirname, '../../..', p), 'utf8'),
}));

function assertWellFormed(r: ReturnType<typeof analyzeText>): void {
  for (const f of r.findings) {
    assert.match(f.ruleId, /^LG\d{3}$/);
    assert.ok(f.location && f.location.startLine >= 1 && f.location.startColumn >= 1);
  }
  for (const e of r.errors) assert.equal(typeof e.message, 'string');
}

test('random text never crashes the analyzer', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 400 }), fc.constantFrom('a.yaml', 'b.json', 'c.template'), (text, file) => {
      assertWellFormed(analyzeText(text, file));
    }),
    { numRuns: 400 },
  );
});

test('examples with random edits (deleted, duplicated, swapped lines; inserted junk) never crash', () => {
  const junk = fc.constantFrom('!Ref', '!If [', '{', '}', '- ', ': ', '*', '&a', '*a', '!Sub ${', '"', "'", '\t', '{{resolve:', 'Fn::If:', 'Statement:', '[[[[');
  fc.assert(
    fc.property(
      fc.constantFrom(...EXAMPLES),
      fc.array(fc.tuple(fc.nat(), fc.nat(), junk, fc.constantFrom('del', 'dup', 'swap', 'ins')), { minLength: 1, maxLength: 6 }),
      (ex, edits) => {
        const lines = ex.text.split('\n');
        for (const [a, b, j, op] of edits) {
          const i = a % lines.length;
          const k = b % lines.length;
          if (op === 'del') lines.splice(i, 1);
          else if (op === 'dup') lines.splice(i, 0, lines[k]);
          else if (op === 'swap') [lines[i], lines[k]] = [lines[k], lines[i]];
          else lines[i] = lines[i].slice(0, k % (lines[i].length + 1)) + j + lines[i].slice(k % (lines[i].length + 1));
        }
        assertWellFormed(analyzeText(lines.join('\n'), ex.file));
      },
    ),
    { numRuns: 300 },
  );
});

test('random template-shaped documents never crash and findings stay inside the text', () => {
  const leaf = fc.oneof(fc.constantFrom('*', 's3:*', 'iam:PassRole', 'arn:aws:s3:::*', 'Allow', 'Deny', 'NONE', 'sns.amazonaws.com', '123456789012'), fc.string({ maxLength: 12 }));
  const value = fc.letrec((tie) => ({
    v: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('v'), { maxLength: 3 }), fc.dictionary(fc.constantFrom('Effect', 'Action', 'Resource', 'Principal', 'Condition', 'NotAction', 'Statement', 'Fn::If', 'Ref', 'Fn::Sub', 'AuthType', 'Variables'), tie('v'), { maxKeys: 4 })),
  })).v;
  const types = fc.constantFrom('AWS::IAM::Role', 'AWS::IAM::Policy', 'AWS::Lambda::Permission', 'AWS::Lambda::Url', 'AWS::Serverless::Function', 'AWS::Lambda::Function');
  fc.assert(
    fc.property(fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }), fc.record({ Type: types, Properties: value }), { maxKeys: 4 }), (resources) => {
      const text = JSON.stringify({ Resources: resources }, null, 2);
      const r = analyzeText(text, 't.json');
      assertWellFormed(r);
      const lines = text.split('\n').length;
      for (const f of r.findings) assert.ok(f.location!.endLine <= lines);
    }),
    { numRuns: 300 },
  );
});
