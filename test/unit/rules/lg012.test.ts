import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lg012UnknownAction } from '../../../src/core/rules/lg012UnknownAction';
import { ModelBuilder, run, UNKNOWN } from './modelBuilder';

test('LG012: a misspelt action is reported with a suggestion and a replaceAction fix', () => {
  const b = new ModelBuilder();
  const typo = b.str('s3:GetObjcet');
  b.identity('FnRole', { actions: ['s3:PutObject', typo], resources: ['*'] });
  const out = run(lg012UnknownAction, b.model);
  assert.equal(out.length, 1);
  assert.deepEqual(out[0].range, typo.range);
  assert.match(out[0].message, /Did you mean s3:GetObject\?/);
  assert.deepEqual(out[0].fix, { kind: 'replaceAction', value: 's3:GetObject' });
});

test('LG012: unknown service prefixes, malformed entries and empty wildcard matches', () => {
  const b = new ModelBuilder();
  b.identity('FnRole', { actions: ['specific:ObscureAction', 's3GetObject', 's3:Frobnicate*', 's3:HeadBucket'], resources: ['*'] });
  const out = run(lg012UnknownAction, b.model);
  assert.equal(out.length, 4);
  assert.match(out[0].message, /Unknown service prefix 'specific'/);
  assert.match(out[1].message, /Malformed action/);
  assert.match(out[2].message, /matches no known action/);
  assert.match(out[3].message, /Unknown action 's3:HeadBucket'/);
});

test('LG012: Deny and NotAction entries are checked too; valid names in any case are fine', () => {
  const b = new ModelBuilder();
  b.identity('FnRole', { effect: 'Deny', actions: ['iam:DeleteRoel'], resources: ['*'] }, { actions: ['Polly:*', 'S3:getobject', '*', 'logs:Create*'], resources: ['*'] }, { notActions: ['dynamodb:GetItme'], resources: ['*'] });
  const out = run(lg012UnknownAction, b.model);
  assert.equal(out.length, 2);
  assert.match(out[0].message, /iam:DeleteRole/);
  assert.match(out[1].message, /dynamodb:GetItem/);
});

test('LG012: values with an unknown part are judged only on what is known', () => {
  const b = new ModelBuilder();
  b.identity('FnRole', { actions: [UNKNOWN, `${UNKNOWN}:GetObject`, `s3:${UNKNOWN}`, `nosuchsvc:${UNKNOWN}`], resources: ['*'] });
  const out = run(lg012UnknownAction, b.model);
  assert.equal(out.length, 1);
  assert.match(out[0].message, /nosuchsvc/);
  assert.match(out[0].message, /'nosuchsvc:<unresolved>'/, 'an unknown part reads as a word');
});

test('LG012: Lambda permission actions are checked', () => {
  const b = new ModelBuilder();
  b.permission({ owner: 'Perm', action: 'lambda:InvokeFuntion', principal: 's3.amazonaws.com' });
  const out = run(lg012UnknownAction, b.model);
  assert.equal(out.length, 1);
  assert.match(out[0].message, /lambda:InvokeFunction/);
});
