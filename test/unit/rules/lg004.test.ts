import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lg004UnrestrictedPassRole } from '../../../src/core/rules/lg004UnrestrictedPassRole';
import { ModelBuilder, run, UNKNOWN } from './modelBuilder';

test('LG004: iam:PassRole on * is an error on the action, with an addPassedToService fix', () => {
  const b = new ModelBuilder();
  const pass = b.str('iam:PassRole');
  b.identity('FnRole', { actions: ['lambda:CreateFunction', pass], resources: ['*'] });
  const out = run(lg004UnrestrictedPassRole, b.model);
  assert.equal(out.length, 1);
  assert.deepEqual(out[0].range, pass.range);
  assert.deepEqual(out[0].fix, { kind: 'addPassedToService' });
  assert.equal(out[0].severity, undefined, 'error is the default severity');
  assert.equal(lg004UnrestrictedPassRole.meta.defaultSeverity, 'error');
});

test('LG004: PassRole reached through iam:*, iam:Pass*, iam:PassR* and *', () => {
  const b = new ModelBuilder();
  b.identity('FnRole', { actions: ['iam:*', 'iam:Pass*', 'IAM:PASSR*', '*', 'iam:Get*'], resources: ['arn:aws:iam::123456789012:role/*'] });
  const out = run(lg004UnrestrictedPassRole, b.model);
  assert.equal(out.length, 4);
  assert.match(out[0].message, /through 'iam:\*'/);
});

test('LG004: role-name prefixes and wildcard accounts are wildcards; named roles are not', () => {
  const b = new ModelBuilder();
  b.identity('A', { actions: ['iam:PassRole'], resources: ['arn:aws:iam::123456789012:role/app-*'] });
  b.identity('B', { actions: ['iam:PassRole'], resources: ['arn:aws:iam::*:role/Deployer'] });
  b.identity('C', { actions: ['iam:PassRole'], resources: ['arn:aws:iam::123456789012:role/Deployer'] });
  b.identity('D', { actions: ['iam:PassRole'], resources: [`arn:aws:iam::${UNKNOWN}:role/${UNKNOWN}`, UNKNOWN] });
  assert.deepEqual(run(lg004UnrestrictedPassRole, b.model).map((f) => f.resource), ['A', 'B']);
});

test('LG004: resources of other services (arn:aws:s3:::*) do not make PassRole broad', () => {
  const b = new ModelBuilder();
  b.identity('FnRole', { actions: ['iam:PassRole'], resources: ['arn:aws:s3:::*', 'arn:aws:iam::123456789012:user/*'] });
  assert.deepEqual(run(lg004UnrestrictedPassRole, b.model), []);
});

test('LG004: an iam:PassedToService condition (also IfExists) clears; a negated one does not', () => {
  const b = new ModelBuilder();
  b.identity('A', { actions: ['iam:PassRole'], resources: ['*'], conditions: [{ op: 'StringEquals', key: 'iam:PassedToService', values: ['lambda.amazonaws.com'] }] });
  b.identity('B', { actions: ['iam:PassRole'], resources: ['*'], conditions: [{ op: 'StringLikeIfExists', key: 'IAM:PassedToService', values: ['lambda.*'] }] });
  b.identity('C', { actions: ['iam:PassRole'], resources: ['*'], conditions: [{ op: 'StringNotEquals', key: 'iam:PassedToService', values: ['ec2.amazonaws.com'] }] });
  b.identity('D', { actions: ['iam:PassRole'], resources: ['*'], conditions: [{ op: 'StringLike', key: 'iam:PassedToService', values: ['*'] }] });
  assert.deepEqual(run(lg004UnrestrictedPassRole, b.model).map((f) => f.resource), ['C', 'D']);
});

test('LG004: Deny statements and unreadable conditions are not reported', () => {
  const b = new ModelBuilder();
  b.identity('A', { effect: 'Deny', actions: ['iam:PassRole'], resources: ['*'] });
  b.identity('B', { actions: ['iam:PassRole'], resources: ['*'], conditionUnknown: true });
  assert.deepEqual(run(lg004UnrestrictedPassRole, b.model), []);
});

test('LG004: a wildcard role from one !If branch gives the finding that branch', () => {
  const b = new ModelBuilder();
  b.identity('A', { actions: ['iam:PassRole'], resources: [b.str('*', 'Broad=true'), b.str('arn:aws:iam::123456789012:role/x', 'Broad=false')] });
  const [f] = run(lg004UnrestrictedPassRole, b.model);
  assert.equal(f.branch, 'Broad=true');
});
