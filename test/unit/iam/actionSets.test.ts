import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CREDENTIAL_EXPOSURE_ACTIONS,
  PRIVILEGE_ESCALATION_ACTIONS,
  SENSITIVE_READ_ACTIONS,
  matchesActionSet,
} from '../../../src/core/iam/actionSets';
import { expandActionPattern } from '../../../src/core/iam/actionPattern';
import { lookupAction } from '../../../src/core/iam/catalog';
import { HOLE } from '../../../src/core/model/value';

const sets = { PRIVILEGE_ESCALATION_ACTIONS, CREDENTIAL_EXPOSURE_ACTIONS, SENSITIVE_READ_ACTIONS };

test('every set member is a lower-case action that exists in the IAM data', () => {
  for (const [name, set] of Object.entries(sets)) {
    assert.ok(set.size > 5, name);
    for (const member of set) {
      assert.equal(member, member.toLowerCase(), `${name}: ${member}`);
      assert.ok(lookupAction(member), `${name}: ${member} is not in the data set`);
    }
  }
});

test('the sets hold the decisions documented for them', () => {
  for (const a of ['iam:passrole', 'iam:putrolepolicy', 'iam:attachrolepolicy', 'iam:createpolicyversion', 'lambda:updatefunctioncode', 'lambda:createfunction', 'lambda:addpermission'])
    assert.ok(PRIVILEGE_ESCALATION_ACTIONS.has(a), a);
  assert.equal(PRIVILEGE_ESCALATION_ACTIONS.has('lambda:invokefunction'), false);
  assert.equal(PRIVILEGE_ESCALATION_ACTIONS.has('sts:assumerole'), false);
  for (const a of ['secretsmanager:getsecretvalue', 'ssm:getparameter', 'kms:decrypt', 'sts:assumerole', 'iam:createaccesskey', 'lambda:getfunction'])
    assert.ok(CREDENTIAL_EXPOSURE_ACTIONS.has(a), a);
  assert.ok(SENSITIVE_READ_ACTIONS.has('rds-db:connect'));
  assert.equal(CREDENTIAL_EXPOSURE_ACTIONS.has('rds-db:connect'), false);
  assert.ok(SENSITIVE_READ_ACTIONS.has('s3:getobject') && SENSITIVE_READ_ACTIONS.has('dynamodb:scan'));
});

test('matchesActionSet: wildcard patterns cover the members they match', () => {
  const put = matchesActionSet(PRIVILEGE_ESCALATION_ACTIONS, 'iam:Put*');
  assert.ok(put.includes('iam:putrolepolicy') && put.includes('iam:putuserpolicy') && put.includes('iam:putgrouppolicy'));
  assert.ok(put.every((m) => m.startsWith('iam:put')));
  assert.ok(!put.includes('iam:passrole'));
  assert.deepEqual(matchesActionSet(PRIVILEGE_ESCALATION_ACTIONS, '*'), [...PRIVILEGE_ESCALATION_ACTIONS]);
  assert.deepEqual(matchesActionSet(PRIVILEGE_ESCALATION_ACTIONS, 'IAM:PassRole'), ['iam:passrole']);
  assert.deepEqual(matchesActionSet(PRIVILEGE_ESCALATION_ACTIONS, 'iam:Get*'), []);
  assert.deepEqual(matchesActionSet(SENSITIVE_READ_ACTIONS, 'ssm:GetParameter?'), ['ssm:getparameters']);
  assert.deepEqual(matchesActionSet(CREDENTIAL_EXPOSURE_ACTIONS, `iam:${HOLE}`), []);
  assert.deepEqual(matchesActionSet(CREDENTIAL_EXPOSURE_ACTIONS, `${HOLE}*`), []);
});

test('matchesActionSet agrees with expanding the pattern against the catalogue', () => {
  for (const pattern of ['lambda:*', 'lambda:Update*', 'iam:*Policy', 's3:Get*', 'ssm:GetParameter*', '*:Get*', 'sts:Assume*']) {
    const expanded = new Set(expandActionPattern(pattern).map((a) => `${a.service}:${a.name.toLowerCase()}`));
    for (const [name, set] of Object.entries(sets)) {
      const viaSet = matchesActionSet(set, pattern);
      assert.deepEqual(viaSet, [...set].filter((m) => expanded.has(m)), `${name} / ${pattern}`);
    }
  }
});
