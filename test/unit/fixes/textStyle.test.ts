import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectStyle } from '../../../src/core/fixes/textStyle';
import { plainSafe, yamlString } from '../../../src/core/fixes/fixValue';

test('the file style is read from the text', () => {
  const s = detectStyle('a:\n    b:\n        - "x:y"\n        - "p:q"\n', false);
  assert.equal(s.unit, '    ');
  assert.equal(s.quote, '"');
  assert.equal(s.quoteAll, true);
  assert.equal(s.seqIndented, true);
  const flush = detectStyle('a:\n  b:\n  - x\n  c: !Ref y\n', false);
  assert.equal(flush.seqIndented, false);
  assert.equal(flush.shortTags, true);
  assert.equal(detectStyle('A:\n  Fn::Sub: x\n', false).shortTags, false);
  assert.equal(detectStyle('{\r\n\t"a": 1\r\n}', true).eol, '\r\n');
});

test('YAML strings are quoted only when needed', () => {
  const style = detectStyle('a: b\n', false);
  for (const s of ['s3:GetObject', 'lambda.amazonaws.com', 'arn:aws:s3:::b/*', 'AWS_IAM']) assert.equal(plainSafe(s), true, s);
  for (const s of ['*', 'true', '123', 'a: b', 'x #y', '- a', "'x", '', 'on']) assert.equal(yamlString(s, style) === s, false, s);
  assert.equal(yamlString("'x", style), "'''x'");
  assert.equal(yamlString("it's", style), "it's");
});
