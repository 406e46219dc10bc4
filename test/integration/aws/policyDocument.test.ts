/** Decoding IAM's URL-encoded documents, and bringing emulator-shaped Lambda policies to AWS's shape. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { awsShapedLambdaPolicy } from '../../../src/core/inventory/aws/lambdaPolicyShape';
import { decodePolicyDocument } from '../../../src/core/inventory/aws/policyDocument';

describe('decodePolicyDocument', () => {
  it('decodes RFC 3986 encoding, keeping +, % and spaces as written', () => {
    // As IAM returns {"Statement":[{"Resource":"a b+c%d"}]}.
    const r = decodePolicyDocument('%7B%22Statement%22%3A%5B%7B%22Resource%22%3A%22a%20b%2Bc%25d%22%7D%5D%7D');
    assert.deepEqual(r, { ok: true, document: { Statement: [{ Resource: 'a b+c%d' }] } });
  });

  it('accepts a document that was never encoded, even with a literal %', () => {
    assert.deepEqual(decodePolicyDocument('{"Statement":[{"Resource":"50%off"}]}'), { ok: true, document: { Statement: [{ Resource: '50%off' }] } });
  });

  it('says why a document cannot be read', () => {
    assert.deepEqual(decodePolicyDocument('%E0%A4%A'), { ok: false, reason: 'the document is not valid URL encoding' });
    assert.deepEqual(decodePolicyDocument('%5B1%5D'), { ok: false, reason: 'the document is not a JSON object' });
    assert.equal(decodePolicyDocument(undefined).ok, false);
    const broken = decodePolicyDocument('%7B%22Statement%22');
    assert.ok(!broken.ok && broken.reason.startsWith('the document is not valid JSON'));
  });
});

describe('awsShapedLambdaPolicy', () => {
  const arn = 'arn:aws-cn:lambda:cn-north-1:123456789012:function:f';
  it("rewrites AddPermission's raw input as AWS returns it", () => {
    const raw = {
      Version: '2012-10-17',
      Statement: [
        { Sid: 'a', Principal: '111122223333', Action: 'lambda:InvokeFunction' },
        { Sid: 'b', Principal: 's3.amazonaws.com', Action: 'lambda:InvokeFunction', Condition: { ArnLike: { 'AWS:SourceArn': 'arn:aws-cn:s3:::b' } } },
        { Sid: 'c', Principal: '*', FunctionUrlAuthType: 'NONE', Action: 'lambda:InvokeFunctionUrl' },
      ],
    };
    assert.deepEqual(awsShapedLambdaPolicy(raw, arn).Statement, [
      { Sid: 'a', Principal: { AWS: 'arn:aws-cn:iam::111122223333:root' }, Action: 'lambda:InvokeFunction' },
      { Sid: 'b', Principal: { Service: 's3.amazonaws.com' }, Action: 'lambda:InvokeFunction', Condition: { ArnLike: { 'AWS:SourceArn': 'arn:aws-cn:s3:::b' } } },
      { Sid: 'c', Principal: '*', Action: 'lambda:InvokeFunctionUrl', Condition: { StringEquals: { 'lambda:FunctionUrlAuthType': 'NONE' } } },
    ]);
  });

  it("leaves AWS's own shape unchanged", () => {
    const aws = { Version: '2012-10-17', Statement: [{ Sid: 'a', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'lambda:InvokeFunction' }] };
    assert.deepEqual(awsShapedLambdaPolicy(aws, arn), aws);
  });
});
