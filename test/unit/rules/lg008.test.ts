import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lg008FunctionUrlAuthNone } from '../../../src/core/rules/lg008FunctionUrlAuthNone';
import { ModelBuilder, run, UNKNOWN } from './modelBuilder';

test('LG008: AuthType NONE is reported on the AuthType value with a setAuthType fix', () => {
  const b = new ModelBuilder();
  const none = b.str('NONE');
  b.url('FnUrl', none);
  const out = run(lg008FunctionUrlAuthNone, b.model);
  assert.equal(out.length, 1);
  assert.deepEqual(out[0].range, none.range);
  assert.deepEqual(out[0].fix, { kind: 'setAuthType', value: 'AWS_IAM' });
  assert.equal(out[0].resource, 'FnUrl');
});

test('LG008: AWS_IAM and unknown values are not reported', () => {
  const b = new ModelBuilder();
  b.url('A', 'AWS_IAM');
  b.url('B', UNKNOWN);
  assert.deepEqual(run(lg008FunctionUrlAuthNone, b.model), []);
});

test('LG008: a missing AuthType is reported on the URL resource in templates, not in CDK (default AWS_IAM)', () => {
  const cfn = new ModelBuilder();
  const url = cfn.url('FnUrl');
  const out = run(lg008FunctionUrlAuthNone, cfn.model);
  assert.equal(out.length, 1);
  assert.deepEqual(out[0].range, url.range);
  const cdk = new ModelBuilder('cdk');
  cdk.url('Fn');
  assert.deepEqual(run(lg008FunctionUrlAuthNone, cdk.model), []);
});

test('LG008: NONE from one !If branch carries the branch', () => {
  const b = new ModelBuilder();
  b.url('FnUrl', b.str('NONE', 'Public=true'));
  b.url('FnUrl', b.str('AWS_IAM', 'Public=false'));
  const out = run(lg008FunctionUrlAuthNone, b.model);
  assert.equal(out.length, 1);
  assert.match(out[0].message, /when Public=true/);
});
