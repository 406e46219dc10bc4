import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allActions, lookupAction } from '../../../src/core/iam/catalog';
import { LAMBDA_BASELINE_ON_STAR, normalOnStar } from '../../../src/core/iam/starOnlyActions';
import { lg002WildcardResource } from '../../../src/core/rules/lg002WildcardResource';
import { ModelBuilder, run } from '../rules/modelBuilder';

test('every action the IAM dataset lists without a resource type is exempt on Resource "*"', () => {
  const starOnly = allActions().filter((a) => a.resourceTypes.length === 0);
  assert.ok(starOnly.length > 1000, `only ${starOnly.length} wildcard-only actions`);
  assert.deepEqual(starOnly.filter((a) => !normalOnStar(a)).map((a) => `${a.service}:${a.name}`), []);
});

test('LG002 never reports a wildcard-only action on "*": one statement granting all of them is clean', () => {
  const labels = allActions().filter((a) => a.wildcardOnly).map((a) => `${a.service}:${a.name}`);
  const b = new ModelBuilder();
  b.policy('identity', 'Role', [{ actions: labels, resources: ['*'] }]);
  assert.deepEqual(run(lg002WildcardResource, b.model), []);
});

test('the Lambda baseline exemptions are real actions that take resource ARNs (else the dataset covers them)', () => {
  for (const member of LAMBDA_BASELINE_ON_STAR) {
    const info = lookupAction(member);
    assert.ok(info, `${member} exists`);
    assert.equal(info.wildcardOnly, false, `${member} is wildcard-only: no need to list it`);
  }
  // SAM's VPCAccessPolicy grants it; Lambda detaches the interfaces it creates for a function in a VPC.
  assert.ok(LAMBDA_BASELINE_ON_STAR.has('ec2:detachnetworkinterface'));
});

test('actions that take a resource are not exempt unless they are the baseline', () => {
  assert.equal(normalOnStar(lookupAction('s3:PutObject')!), false);
  assert.equal(normalOnStar(lookupAction('ec2:AttachNetworkInterface')!), false);
  assert.equal(normalOnStar(lookupAction('ec2:DetachNetworkInterface')!), true);
  assert.equal(normalOnStar(lookupAction('xray:PutTraceSegments')!), true);
});
