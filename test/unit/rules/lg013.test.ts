import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lg013NonInvokePermission } from '../../../src/core/rules/lg013NonInvokePermission';
import { ModelBuilder, run, UNKNOWN } from './modelBuilder';

test('LG013: a permission for another action is reported on the action value', () => {
  const b = new ModelBuilder();
  const del = b.str('lambda:DeleteAlias');
  b.permission({ owner: 'DeletePerm', action: del, principal: '123456789012' });
  b.permission({ owner: 'AllPerm', action: 'lambda:*', principal: '123456789012' });
  const out = run(lg013NonInvokePermission, b.model);
  assert.deepEqual(out.map((f) => f.resource), ['DeletePerm', 'AllPerm']);
  assert.deepEqual(out[0].range, del.range);
  assert.deepEqual(out[0].fix, { kind: 'setPermissionAction', value: 'lambda:InvokeFunction' });
});

test('LG013: InvokeFunction and InvokeFunctionUrl (any case) are fine', () => {
  const b = new ModelBuilder();
  b.permission({ action: 'lambda:InvokeFunction' });
  b.permission({ action: 'Lambda:invokeFunctionUrl', functionUrlAuthType: 'AWS_IAM' });
  assert.deepEqual(run(lg013NonInvokePermission, b.model), []);
});

test('LG013: unknown values and misspelt actions (LG012) are not reported', () => {
  const b = new ModelBuilder();
  b.permission({ action: UNKNOWN });
  b.permission({ action: 'lambda:InvokeFuntion' });
  assert.deepEqual(run(lg013NonInvokePermission, b.model), []);
});

test('LG013: the fix for a function-URL permission proposes InvokeFunctionUrl', () => {
  const b = new ModelBuilder();
  b.permission({ action: 'lambda:GetFunction', functionUrlAuthType: 'NONE' });
  assert.equal(run(lg013NonInvokePermission, b.model)[0].fix?.value, 'lambda:InvokeFunctionUrl');
});
