import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lg005PrivilegeEscalation } from '../../../src/core/rules/lg005PrivilegeEscalation';
import { ModelBuilder, run, UNKNOWN } from './modelBuilder';

test('LG005: escalation actions on broad resources are errors on the action value', () => {
  const b = new ModelBuilder();
  const update = b.str('lambda:UpdateFunctionCode');
  const attach = b.str('iam:AttachRolePolicy');
  b.identity('FnRole', { actions: [update], resources: ['arn:aws:lambda:us-east-1:123456789012:function:*'] }, { actions: [attach], resources: ['arn:aws:iam::123456789012:role/*'] });
  const out = run(lg005PrivilegeEscalation, b.model);
  assert.deepEqual(out.map((f) => f.range), [update.range, attach.range]);
  assert.equal(lg005PrivilegeEscalation.meta.defaultSeverity, 'error');
  assert.match(out[0].message, /Privilege escalation: 'lambda:UpdateFunctionCode'/);
});

test('LG005: wildcards list the escalation actions they cover', () => {
  const b = new ModelBuilder();
  b.identity('FnRole', { actions: ['iam:Put*'], resources: ['*'] }, { actions: ['*'], resources: ['*'] });
  const out = run(lg005PrivilegeEscalation, b.model);
  assert.equal(out.length, 2);
  assert.match(out[0].message, /'iam:Put\*' \(iam:PutRolePolicy/);
  assert.deepEqual(out[0].fix?.kind, 'scopeEscalationActions');
  assert.ok((out[0].fix?.actions as string[]).every((a) => a.startsWith('iam:Put')));
});

test('LG005: scoped resources, other services and non-escalation actions are not reported', () => {
  const b = new ModelBuilder();
  b.identity(
    'FnRole',
    { actions: ['lambda:UpdateFunctionCode'], resources: ['arn:aws:lambda:us-east-1:123456789012:function:my-fn'] },
    { actions: ['iam:AttachRolePolicy'], resources: ['arn:aws:lambda:us-east-1:123456789012:function:*'] },
    { actions: ['iam:ChangePassword', 'lambda:InvokeFunction', 's3:Get*'], resources: ['*'] },
    { actions: ['lambda:UpdateFunctionCode'], resources: [UNKNOWN] },
  );
  assert.deepEqual(run(lg005PrivilegeEscalation, b.model), []);
});

test('LG005: CreateFunction escalates only with PassRole on a role wildcard granted to the same holder', () => {
  const alone = new ModelBuilder();
  alone.identity('FnRole', { actions: ['lambda:CreateFunction'], resources: ['*'] });
  alone.identity('Other', { actions: ['iam:PassRole'], resources: ['*'] });
  assert.deepEqual(run(lg005PrivilegeEscalation, alone.model), []);

  const named = new ModelBuilder();
  named.identity('FnRole', { actions: ['lambda:CreateFunction', 'iam:PassRole'], resources: ['*'] }, { actions: ['iam:PassRole'], resources: ['arn:aws:iam::123456789012:role/x'] });
  const out = run(lg005PrivilegeEscalation, named.model);
  assert.equal(out.length, 1, 'PassRole itself is LG004, CreateFunction is reported');
  assert.match(out[0].message, /lambda:CreateFunction/);
});

test('LG005: iam:PassRole alone is left to LG004, Deny is never reported', () => {
  const b = new ModelBuilder();
  b.identity('FnRole', { actions: ['iam:PassRole'], resources: ['*'] }, { effect: 'Deny', actions: ['iam:*'], resources: ['*'] });
  assert.deepEqual(run(lg005PrivilegeEscalation, b.model), []);
});
