import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyPrincipal, entryCovers } from '../../../src/core/access/principalMatch';

const aws = (value: string) => ({ type: 'AWS' as const, value });

test('Principal forms: *, {AWS: *}, account id, root, role, user, session, service, federated', () => {
  assert.deepEqual(classifyPrincipal({ type: '*', value: '*' }, 'aws'), { principal: '*', kind: 'public' });
  assert.deepEqual(classifyPrincipal(aws('*'), 'aws'), { principal: '*', kind: 'public' });
  assert.deepEqual(classifyPrincipal(aws('222222222222'), 'aws'), { principal: 'arn:aws:iam::222222222222:root', kind: 'account', account: '222222222222' });
  assert.deepEqual(classifyPrincipal(aws('222222222222'), 'aws-cn'), { principal: 'arn:aws-cn:iam::222222222222:root', kind: 'account', account: '222222222222' });
  assert.equal(classifyPrincipal(aws('arn:aws:iam::222222222222:root'), 'aws').kind, 'account');
  assert.equal(classifyPrincipal(aws('arn:aws:iam::222222222222:role/path/app'), 'aws').kind, 'role');
  assert.equal(classifyPrincipal(aws('arn:aws:iam::222222222222:user/bob'), 'aws').kind, 'user');
  assert.deepEqual(classifyPrincipal(aws('arn:aws:sts::222222222222:assumed-role/app/s1'), 'aws'), {
    principal: 'arn:aws:sts::222222222222:assumed-role/app/s1',
    kind: 'role',
    account: '222222222222',
    roleName: 'app',
  });
  assert.equal(classifyPrincipal({ type: 'Service', value: 'events.amazonaws.com' }, 'aws').kind, 'service');
  assert.equal(classifyPrincipal({ type: 'Federated', value: 'accounts.google.com' }, 'aws').kind, 'federated');
});

test('entryCovers: an account covers its identities, a role its sessions, * everyone', () => {
  const bob = { principal: 'arn:aws:iam::111111111111:user/bob', kind: 'user' as const, account: '111111111111' };
  assert.equal(entryCovers(aws('111111111111'), bob, 'aws'), true);
  assert.equal(entryCovers(aws('arn:aws:iam::111111111111:root'), bob, 'aws'), true);
  assert.equal(entryCovers(aws('222222222222'), bob, 'aws'), false);
  assert.equal(entryCovers(aws('arn:aws:iam::111111111111:user/Bob'), bob, 'aws'), false, 'ARNs compare exactly');
  assert.equal(entryCovers({ type: '*', value: '*' }, bob, 'aws'), true);
  const session = { principal: 'arn:aws:sts::111111111111:assumed-role/app/s1', kind: 'role' as const, account: '111111111111', roleName: 'app' };
  assert.equal(entryCovers(aws('arn:aws:iam::111111111111:role/team/app'), session, 'aws'), true);
  assert.equal(entryCovers(aws('arn:aws:iam::111111111111:role/other'), session, 'aws'), false);
  const s3 = { principal: 's3.amazonaws.com', kind: 'service' as const };
  assert.equal(entryCovers({ type: 'Service', value: 'S3.amazonaws.com' }, s3, 'aws'), true);
  assert.equal(entryCovers(aws('111111111111'), s3, 'aws'), false, 'an account does not cover a service');
  assert.equal(entryCovers(aws('111111111111'), { principal: '*', kind: 'public' }, 'aws'), false, 'an account does not cover everyone');
});
