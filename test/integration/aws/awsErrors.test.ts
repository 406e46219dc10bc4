/**
 * describeAwsError: the message and fix for each kind of failure, from errors shaped as the SDK throws
 * them (its own exception classes where the project depends on them). No moto needed.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LambdaServiceException, ResourceNotFoundException, TooManyRequestsException } from '@aws-sdk/client-lambda';
import { describeAwsError, redactSecrets } from '../../../src/core/inventory/aws/awsErrors';

const meta = (status: number) => ({ httpStatusCode: status, attempts: 3, totalRetryDelay: 900 });
const site = { service: 'lambda', operation: 'GetPolicy', region: 'eu-west-1', resource: 'orders' };

describe('describeAwsError', () => {
  it('AccessDenied names the missing action, from the message or from the operation', () => {
    // Lambda does not model AccessDeniedException: the SDK throws its service exception with that name.
    const fromMessage = new LambdaServiceException({
      name: 'AccessDeniedException',
      $fault: 'client',
      message: 'User: arn:aws:sts::123456789012:assumed-role/ReadOnly/jo is not authorized to perform: lambda:GetPolicy on resource: arn:aws:lambda:eu-west-1:123456789012:function:orders',
      $metadata: meta(403),
    });
    const e = describeAwsError(fromMessage, site);
    assert.equal(e.kind, 'denied');
    assert.equal(e.missingPermission, 'lambda:GetPolicy');
    assert.equal(
      e.message,
      "Access denied for lambda:GetPolicy for orders in eu-west-1: the identity lacks `lambda:GetPolicy`. Add it to the identity's policy (docs/iam-policy.json lists every action Lambda Guard needs); everything else was still read.",
    );
    const s3 = describeAwsError({ name: 'AccessDenied', message: 'Access Denied', $metadata: meta(403) }, { service: 's3', operation: 'ListObjectsV2' });
    assert.equal(s3.missingPermission, 's3:ListBucket');
  });

  it('an explicit deny is called one', () => {
    const e = describeAwsError({ name: 'AccessDenied', message: 'User: x is not authorized to perform: iam:GetAccountAuthorizationDetails with an explicit deny in a service control policy' }, {
      service: 'iam',
      operation: 'GetAccountAuthorizationDetails',
    });
    assert.match(e.message, /An explicit deny \(a policy, a permissions boundary or an SCP\) blocks it\./);
  });

  it('throttling, not found, timeouts, network errors and server errors', () => {
    assert.equal(describeAwsError(new TooManyRequestsException({ message: 'Rate exceeded', $metadata: meta(429) }), site).kind, 'throttled');
    assert.equal(describeAwsError({ name: 'RequestLimitExceeded', message: 'Request limit exceeded.' }, { service: 'ec2', operation: 'DescribeSubnets' }).kind, 'throttled');
    assert.equal(describeAwsError(new ResourceNotFoundException({ message: 'gone', $metadata: meta(404) }), site).kind, 'notFound');
    const timeout = describeAwsError(Object.assign(new Error('a request has exceeded the configured 400 ms requestTimeout.'), { name: 'TimeoutError', code: 'ETIMEDOUT' }), site);
    assert.equal(timeout.kind, 'timeout');
    const refused = describeAwsError(Object.assign(new Error('connect ECONNREFUSED 10.0.0.1:443'), { code: 'ECONNREFUSED' }), site);
    assert.equal(refused.message, 'Cannot reach the AWS lambda endpoint in eu-west-1 for lambda:GetPolicy for orders in eu-west-1 (ECONNREFUSED): check the network, proxy and region.');
    const server = describeAwsError({ name: 'ServiceException', message: 'Internal failure\n  at line 2', $metadata: meta(500) }, site);
    assert.equal(server.message, 'lambda:GetPolicy for orders in eu-west-1 failed: HTTP 500 ServiceException: Internal failure');
  });

  it('expired, invalid and missing credentials come with the command that fixes them', () => {
    const ctx = { service: 'sts', operation: 'GetCallerIdentity', region: 'us-east-1', profile: 'dev' };
    const expired = describeAwsError({ name: 'ExpiredTokenException', message: 'The security token included in the request is expired' }, ctx);
    assert.equal(expired.kind, 'credentials');
    assert.match(expired.message, /have expired \(ExpiredTokenException\): renew them \(`aws sso login --profile dev`/);
    const invalid = describeAwsError({ name: 'InvalidClientTokenId', message: 'The security token included in the request is invalid.' }, ctx);
    assert.match(invalid.message, /Check them with `aws sts get-caller-identity --profile dev`/);
    const none = describeAwsError({ name: 'CredentialsProviderError', message: 'Could not load credentials from any providers' }, { service: 'sts', operation: 'GetCallerIdentity' });
    assert.equal(none.message, 'No AWS credentials found: set AWS_PROFILE (or choose a profile) or run `aws configure`.');
  });

  it('never carries a stack trace or a secret', () => {
    const err = Object.assign(new Error('SignatureDoesNotMatch for AKIAIOSFODNN7EXAMPLE Credential=AKIAIOSFODNN7EXAMPLE/20260101/us-east-1/s3 Signature=abcdef0123'), {
      name: 'SignatureDoesNotMatch',
    });
    const e = describeAwsError(err, { service: 's3', operation: 'GetObject' });
    assert.ok(!e.message.includes('AKIAIOSFODNN7EXAMPLE') && !e.message.includes('abcdef0123') && !e.message.includes('    at '), e.message);
    assert.equal(redactSecrets('aws_secret_access_key = wJalrXUtnFEMI/K7MDENG x'), 'aws_secret_access_key = … x');
    const other = describeAwsError(Object.assign(new Error('boom: token Credential=ASIAXXXXXXXXXXXXXXXX/x'), { name: 'WeirdError' }), site);
    assert.equal(other.message, 'lambda:GetPolicy for orders in eu-west-1 failed: WeirdError: boom: token Credential=…');
  });
});
