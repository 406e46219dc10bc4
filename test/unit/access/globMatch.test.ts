import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actionMatcher, arnPattern, globWitness, requestTokens, tokenizeArn, WITNESS_CHAR } from '../../../src/core/access/globMatch';

test('action patterns: case-insensitive, * any run, ? one character', () => {
  assert.equal(actionMatcher('Lambda:Invoke*')('lambda:invokefunctionurl'), true);
  assert.equal(actionMatcher('lambda:Invoke?unction')('lambda:invokefunction'), true);
  assert.equal(actionMatcher('lambda:Invoke?unction')('lambda:invokeunction'), false);
  assert.equal(actionMatcher('lambda:getfunction')('lambda:getfunctionconfiguration'), false);
  assert.equal(actionMatcher('**')('iam:passrole'), true);
  assert.equal(actionMatcher('lambda.x:*')('lambdaax:get'), false, 'a dot is literal');
});

test('ARN patterns: literal, wildcards per segment, variables, escapes', () => {
  assert.equal(arnPattern('arn:aws:s3:::bucket/*', true).test('arn:aws:s3:::bucket/a/b:c'), true, 'a trailing * crosses / and :');
  assert.equal(arnPattern('arn:aws:iam::1:role/p*z', true).test('arn:aws:iam::1:role/path/a-b/z'), true, '* inside a segment crosses /');
  assert.equal(arnPattern('arn:aws:iam::1:role/a?z', true).test('arn:aws:iam::1:role/a:z'), false, '? stays in its segment');
  assert.equal(arnPattern('arn:aws:lambda:*:1:function:f', true).test('arn:aws:lambda:eu-west-1:1:function:f'), true);
  const v = arnPattern('arn:aws:iam::1:user/${aws:username}', true);
  assert.deepEqual(v.variables, ['aws:username']);
  assert.equal(v.test('arn:aws:iam::1:user/bob'), true);
  assert.deepEqual(arnPattern("arn:aws:s3:::b/${aws:PrincipalTag/team, 'none'}/*", true).variables, ['aws:PrincipalTag/team']);
  assert.deepEqual(arnPattern('arn:aws:s3:::b/${?}', true).variables, []);
  assert.equal(arnPattern('arn:aws:s3:::b/${?}', true).test('arn:aws:s3:::b/?'), true);
  assert.equal(arnPattern('arn:aws:s3:::b/${?}', true).test('arn:aws:s3:::b/x'), false);
  assert.equal(arnPattern('arn:aws:s3:::b/${x}', false).test('arn:aws:s3:::b/${x}'), true, 'variables off: literal');
});

test('globWitness finds a string both patterns accept, or none', () => {
  const req = requestTokens('arn:aws:lambda:?*:1:function:?*');
  const w = globWitness(tokenizeArn('arn:aws:lambda:us-*:1:function:team-*', false).tokens, req);
  assert.equal(w, 'arn:aws:lambda:us-:1:function:team-');
  assert.equal(globWitness(tokenizeArn('arn:aws:lambda:*:2:function:*', false).tokens, req), undefined, 'another account');
  assert.equal(globWitness(tokenizeArn('*', false).tokens, req), `arn:aws:lambda:${WITNESS_CHAR}:1:function:${WITNESS_CHAR}`);
  assert.equal(globWitness(tokenizeArn('arn:aws:lambda:*:1:layer:*', false).tokens, req), undefined);
});
