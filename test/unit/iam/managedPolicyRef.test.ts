import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseManagedPolicyDataset } from '../../../src/core/iam/managedPolicyData';
import { awsManagedPolicyName, correctedRef, judgeManagedRef } from '../../../src/core/iam/managedPolicyRef';
import { HOLE } from '../../../src/core/model/value';

const doc = { Statement: [] };
const dataset = parseManagedPolicyDataset(
  JSON.stringify({
    format: 'lambda-guard-aws-managed-policies',
    source: 'hand-written@2',
    policies: {
      'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole': { versionId: 'v1', document: doc },
      'arn:aws:iam::aws:policy/AWSLambdaExecute': { versionId: 'v1', document: doc },
      'arn:aws:iam::aws:policy/AWSLambda_FullAccess': { versionId: 'v1', document: doc },
    },
  }),
)!;

const kind = (text: string): string | undefined => judgeManagedRef(text, dataset)?.kind;

test('awsManagedPolicyName reads ARNs of any partition and bare names; customer policies and holes are not AWS ones', () => {
  assert.equal(awsManagedPolicyName('arn:aws-us-gov:iam::aws:policy/job-function/ViewOnlyAccess'), 'ViewOnlyAccess');
  assert.equal(awsManagedPolicyName(' AWSLambdaExecute '), 'AWSLambdaExecute');
  assert.equal(awsManagedPolicyName('arn:aws:iam::123456789012:policy/AWSLambdaExecute'), undefined);
  assert.equal(awsManagedPolicyName(`arn:aws:iam::aws:policy/${HOLE}`), undefined);
});

test('an exact ARN or a SAM bare name is a known policy; another partition gets the aws document', () => {
  const arn = judgeManagedRef('arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole', dataset);
  assert.equal(arn?.kind === 'known' && arn.policy.name, 'AWSLambdaBasicExecutionRole');
  assert.equal(kind('AWSLambdaBasicExecutionRole'), 'known');
  const gov = judgeManagedRef('arn:aws-us-gov:iam::aws:policy/AWSLambdaExecute', dataset);
  assert.equal(gov?.kind === 'known' && gov.partition, 'aws-us-gov');
});

test('a missing path or the wrong case is misspelt, with the exact reference to use', () => {
  const noPath = judgeManagedRef('arn:aws:iam::aws:policy/AWSLambdaBasicExecutionRole', dataset);
  assert.equal(noPath?.kind, 'misspelt');
  assert.equal(noPath?.kind === 'misspelt' && correctedRef(noPath.written, noPath.policy), 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole');
  const lower = judgeManagedRef('awslambdaexecute', dataset);
  assert.equal(lower?.kind === 'misspelt' && correctedRef(lower.written, lower.policy), 'AWSLambdaExecute');
  // The partition written is kept.
  const cn = judgeManagedRef('arn:aws:iam::aws:policy/AWSLambdaBasicExecutionRole', dataset);
  assert.equal(cn?.kind === 'misspelt' && correctedRef('arn:aws-cn:iam::aws:policy/AWSLambdaBasicExecutionRole', cn.policy), 'arn:aws-cn:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole');
});

test('deprecated policies name their successor; unknown names get the closest name within two edits', () => {
  const dep = judgeManagedRef('arn:aws:iam::aws:policy/AWSLambdaFullAccess', dataset);
  assert.equal(dep?.kind === 'deprecated' && dep.replacement?.name, 'AWSLambda_FullAccess');
  const typo = judgeManagedRef('AWSLamdaExecute', dataset);
  assert.equal(typo?.kind === 'unknown' && typo.suggestion?.name, 'AWSLambdaExecute');
  const far = judgeManagedRef('arn:aws:iam::aws:policy/NoSuchPolicyAnywhere', dataset);
  assert.deepEqual(far, { kind: 'unknown', name: 'NoSuchPolicyAnywhere', suggestion: undefined });
});

test('customer policies, unresolved values and unknown names of other partitions are not judged', () => {
  assert.equal(kind('arn:aws:iam::123456789012:policy/Whatever'), undefined);
  assert.equal(kind(`arn:aws:iam::aws:policy/${HOLE}`), undefined);
  assert.equal(kind(`arn:${HOLE}:iam::aws:policy/AWSLambdaExecute`), undefined);
  assert.equal(kind('arn:aws-cn:iam::aws:policy/OnlyInChina'), undefined);
  assert.equal(kind('not a name'), undefined);
});
