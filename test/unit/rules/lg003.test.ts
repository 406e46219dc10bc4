import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lg003AllowWithNot } from '../../../src/core/rules/lg003AllowWithNot';
import { ModelBuilder, run } from './modelBuilder';

test('LG003: Allow with NotAction and NotResource are reported on their keys', () => {
  const b = new ModelBuilder();
  const doc = b.identity('FnRole', { notActions: ['iam:*'], resources: ['*'] }, { actions: ['s3:GetObject'], notResources: ['arn:aws:s3:::secret/*'] });
  const out = run(lg003AllowWithNot, b.model);
  assert.equal(out.length, 2);
  assert.deepEqual(out[0].range, doc.statements[0].keyRanges.notAction);
  assert.deepEqual(out[1].range, doc.statements[1].keyRanges.notResource);
  assert.match(out[0].message, /NotAction/);
  assert.match(out[1].message, /NotResource/);
});

test('LG003: Allow with NotPrincipal in a resource or trust policy is reported', () => {
  const b = new ModelBuilder();
  const doc = b.policy('resource', 'BucketPolicy', [{ actions: ['s3:GetObject'], resources: ['*'], notPrincipals: [{ type: 'AWS', value: 'arn:aws:iam::123456789012:root' }] }]);
  b.policy('trust', 'FnRole', [{ actions: ['sts:AssumeRole'], notPrincipals: [{ type: 'Service', value: 'ec2.amazonaws.com' }] }]);
  const out = run(lg003AllowWithNot, b.model);
  assert.equal(out.length, 2);
  assert.deepEqual(out[0].range, doc.statements[0].keyRanges.notPrincipal);
  assert.deepEqual(out.map((f) => f.resource), ['BucketPolicy', 'FnRole']);
});

test('LG003: Deny with NotAction / NotResource / NotPrincipal is the idiomatic guard and is not reported', () => {
  const b = new ModelBuilder();
  b.identity('FnRole', { effect: 'Deny', notActions: ['iam:*'], resources: ['*'] }, { effect: 'Deny', actions: ['*'], notResources: ['arn:aws:s3:::x'] });
  b.policy('resource', 'BucketPolicy', [{ effect: 'Deny', actions: ['s3:*'], resources: ['*'], notPrincipals: [{ type: 'AWS', value: 'arn:aws:iam::123456789012:root' }] }]);
  assert.deepEqual(run(lg003AllowWithNot, b.model), []);
});

test('LG003: plain Action/Resource statements and unknown effects are not reported', () => {
  const b = new ModelBuilder();
  b.identity('FnRole', { actions: ['s3:GetObject'], resources: ['*'] }, { effect: 'Unknown', notActions: ['s3:*'], resources: ['*'] });
  assert.deepEqual(run(lg003AllowWithNot, b.model), []);
});

test('LG003: a branch-specific Allow carries the branch', () => {
  const b = new ModelBuilder();
  b.identity('FnRole', { notActions: ['iam:*'], resources: ['*'], branch: 'Open=true' });
  const [f] = run(lg003AllowWithNot, b.model);
  assert.equal(f.branch, 'Open=true');
  assert.match(f.message, /when Open=true/);
});
