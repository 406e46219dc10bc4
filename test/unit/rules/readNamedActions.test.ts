import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lookupAction } from '../../../src/core/iam/catalog';
import { changesState } from '../../../src/core/rules/actionInfoUtil';
import { lg002WildcardResource } from '../../../src/core/rules/lg002WildcardResource';
import { ModelBuilder, run } from './modelBuilder';

// The IAM dataset tags some calls whose names say they read (List…, Describe…, Get…) as Write or
// Permissions management. They change nothing, unless they hand out credentials.

test('read-named calls tagged Write are not state changes; those that return credentials stay', () => {
  const tagged = (a: string): boolean => lookupAction(a)!.accessLevels.some((l) => l === 'Write' || l === 'Permissions management');
  for (const a of ['iot:ListSubscriptions', 'quicksight:DescribeTopicPermissions', 'redshift:GetClusterCredentials', 'sts:GetFederationToken']) assert.ok(tagged(a), `${a} is tagged Write/PM in the dataset`);
  assert.equal(changesState(lookupAction('iot:ListSubscriptions')!), false);
  assert.equal(changesState(lookupAction('quicksight:DescribeTopicPermissions')!), false);
  assert.equal(changesState(lookupAction('redshift:GetClusterCredentials')!), true);
  assert.equal(changesState(lookupAction('sts:GetFederationToken')!), true);
  assert.equal(changesState(lookupAction('s3:PutObject')!), true);
});

test('LG002: ViewOnlyAccess-style list calls on * are quiet; database credentials on * are reported', () => {
  const b = new ModelBuilder();
  b.identity('Viewer', { actions: ['iot:ListSubscriptions', 'quicksight:DescribeTopicPermissions'], resources: ['*'] });
  b.identity('Analyst', { actions: ['redshift:GetClusterCredentials'], resources: ['*'] });
  assert.deepEqual(run(lg002WildcardResource, b.model).map((f) => f.resource), ['Analyst']);
});
