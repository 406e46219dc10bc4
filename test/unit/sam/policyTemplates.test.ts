import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HOLE } from '../../../src/core/model/value';
import type { Str } from '../../../src/core/model/value';
import {
  POLICY_TEMPLATE_NAMES,
  expandPolicyTemplate,
  isPolicyTemplate,
  policyTemplateParams,
} from '../../../src/core/iac/sam/expandPolicyTemplate';

const range = { startLine: 1, startColumn: 1, endLine: 1, endColumn: 2 };
const str = (text: string): Str => ({ text, range });
const paramsOf = (values: Record<string, string>): Record<string, Str> =>
  Object.fromEntries(Object.entries(values).map(([k, v]) => [k, str(v)]));

test('at least 40 templates, including the commonly used ones', () => {
  assert.ok(POLICY_TEMPLATE_NAMES.length >= 40, `only ${POLICY_TEMPLATE_NAMES.length}`);
  const wanted = `S3ReadPolicy S3WritePolicy S3CrudPolicy S3FullAccessPolicy DynamoDBReadPolicy DynamoDBWritePolicy
    DynamoDBCrudPolicy DynamoDBStreamReadPolicy DynamoDBReconfigurePolicy SQSPollerPolicy SQSSendMessagePolicy
    SNSPublishMessagePolicy SNSCrudPolicy KinesisStreamReadPolicy KinesisCrudPolicy KMSDecryptPolicy KMSEncryptPolicy
    SSMParameterReadPolicy SSMParameterWithSlashPrefixReadPolicy AWSSecretsManagerGetSecretValuePolicy
    AWSSecretsManagerRotationPolicy LambdaInvokePolicy StepFunctionsExecutionPolicy EventBridgePutEventsPolicy
    CloudWatchPutMetricPolicy VPCAccessPolicy SESCrudPolicy SESSendBouncePolicy SESBulkTemplatedCrudPolicy
    RekognitionDetectOnlyPolicy RekognitionLabelsPolicy ComprehendBasicAccessPolicy PollyFullAccessPolicy TextractPolicy
    AthenaQueryPolicy FirehoseWritePolicy FirehoseCrudPolicy EFSWriteAccessPolicy ElasticsearchHttpPostPolicy
    AMIDescribePolicy CostExplorerReadOnlyPolicy EC2DescribePolicy`.split(/\s+/);
  for (const name of wanted) assert.ok(isPolicyTemplate(name), name);
});

test('names are exact: unknown, differently cased and prototype keys are not templates', () => {
  // SAM has no CloudWatchLogsFullAccessPolicy template (CloudWatchLogsFullAccess is a managed policy).
  for (const name of ['CloudWatchLogsFullAccessPolicy', 's3crudpolicy', 'constructor', 'toString', '']) {
    assert.equal(isPolicyTemplate(name), false, name);
    assert.equal(expandPolicyTemplate(name, {}), undefined, name);
    assert.deepEqual(policyTemplateParams(name), []);
  }
});

test('every template expands, with each declared parameter used and no variable left over', () => {
  for (const name of POLICY_TEMPLATE_NAMES) {
    const declared = policyTemplateParams(name);
    const given = Object.fromEntries(declared.map((p) => [p, `val-${p}`]));
    const out = expandPolicyTemplate(name, paramsOf(given));
    assert.ok(out && out.length > 0, name);
    const texts: string[] = [];
    for (const s of out) {
      assert.equal(s.effect, 'Allow');
      assert.ok(s.actions.length > 0, name);
      for (const a of s.actions) assert.match(a, /^[a-z0-9-]+:[A-Za-z*]+$/, `${name}: ${a}`);
      assert.ok(s.resources.length > 0, name);
      for (const r of s.resources) {
        assert.deepEqual(r.unresolvedParams, [], name);
        texts.push(r.text);
      }
      for (const c of s.conditions) texts.push(...c.values);
    }
    for (const text of texts) assert.doesNotMatch(text, /\$\{/, `${name}: ${text}`);
    for (const p of declared) assert.ok(texts.some((x) => x.includes(`val-${p}`)), `${name} never uses ${p}`);
  }
});

test('S3CrudPolicy grants the bucket and its objects', () => {
  const out = expandPolicyTemplate('S3CrudPolicy', paramsOf({ BucketName: 'b' }));
  assert.deepEqual(out?.[0].resources.map((r) => r.text), ['arn:aws:s3:::b', 'arn:aws:s3:::b/*']);
});

test("a '*' parameter stays a wildcard; Region and AccountId are holes", () => {
  const s3 = expandPolicyTemplate('S3ReadPolicy', paramsOf({ BucketName: '*' }));
  assert.deepEqual(s3?.[0].resources.map((r) => r.text), ['arn:aws:s3:::*', 'arn:aws:s3:::*/*']);
  const ddb = expandPolicyTemplate('DynamoDBReadPolicy', paramsOf({ TableName: 'T' }));
  assert.equal(ddb?.[0].resources[0].text, `arn:aws:dynamodb:${HOLE}:${HOLE}:table/T`);
  assert.equal(ddb?.[0].resources[1].text, `arn:aws:dynamodb:${HOLE}:${HOLE}:table/T/index/*`);
});

test('a HOLE-valued or partly unknown parameter is kept as is and not reported missing', () => {
  const out = expandPolicyTemplate('SQSPollerPolicy', paramsOf({ QueueName: HOLE }));
  assert.deepEqual(out?.[0].resources, [{ text: `arn:aws:sqs:${HOLE}:${HOLE}:${HOLE}`, unresolvedParams: [], usedParams: ['QueueName'] }]);
  const part = expandPolicyTemplate('LambdaInvokePolicy', paramsOf({ FunctionName: `app-${HOLE}` }));
  assert.equal(part?.[0].resources[0].text, `arn:aws:lambda:${HOLE}:${HOLE}:function:app-${HOLE}*`);
});

test('a missing parameter becomes a HOLE and is reported per resource', () => {
  const out = expandPolicyTemplate('DynamoDBStreamReadPolicy', paramsOf({ TableName: 'T' }));
  assert.ok(out);
  assert.deepEqual(out[0].resources, [
    { text: `arn:aws:dynamodb:${HOLE}:${HOLE}:table/T/stream/${HOLE}`, unresolvedParams: ['StreamName'], usedParams: ['TableName'] },
  ]);
  assert.deepEqual(out[1].resources, [{ text: `arn:aws:dynamodb:${HOLE}:${HOLE}:table/T/stream/*`, unresolvedParams: [], usedParams: ['TableName'] }]);
  const none = expandPolicyTemplate('S3WritePolicy', {});
  assert.deepEqual(none?.[0].resources.map((r) => r.unresolvedParams), [['BucketName'], ['BucketName']]);
  assert.equal(none?.[0].resources[1].text, `arn:aws:s3:::${HOLE}/*`);
});

test('templates without parameters grant what SAM defines', () => {
  assert.deepEqual(policyTemplateParams('CloudWatchPutMetricPolicy'), []);
  assert.deepEqual(expandPolicyTemplate('CloudWatchPutMetricPolicy', {}), [
    { effect: 'Allow', actions: ['cloudwatch:PutMetricData'], resources: [{ text: '*', unresolvedParams: [], usedParams: [] }], conditions: [] },
  ]);
  assert.deepEqual(expandPolicyTemplate('TextractPolicy', {})?.[0].actions, ['textract:*']);
});

test('conditions are kept and substituted (AWSSecretsManagerRotationPolicy, EFSWriteAccessPolicy)', () => {
  const rot = expandPolicyTemplate('AWSSecretsManagerRotationPolicy', paramsOf({ FunctionName: 'rotator' }));
  assert.ok(rot);
  assert.deepEqual(rot[0].actions, [
    'secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue', 'secretsmanager:PutSecretValue',
    'secretsmanager:UpdateSecretVersionStage',
  ]);
  assert.equal(rot[0].resources[0].text, `arn:aws:secretsmanager:${HOLE}:${HOLE}:secret:*`);
  assert.deepEqual(rot[0].conditions, [{
    operator: 'StringEquals', key: 'secretsmanager:resource/AllowRotationLambdaArn',
    values: [`arn:aws:lambda:${HOLE}:${HOLE}:function:rotator`],
  }]);
  assert.deepEqual(rot[1], {
    effect: 'Allow', actions: ['secretsmanager:GetRandomPassword'], resources: [{ text: '*', unresolvedParams: [], usedParams: [] }], conditions: [],
  });
  assert.deepEqual(policyTemplateParams('EFSWriteAccessPolicy'), ['AccessPoint', 'FileSystem']);
  const efs = expandPolicyTemplate('EFSWriteAccessPolicy', paramsOf({ AccessPoint: 'fsap-1', FileSystem: 'fs-1' }));
  assert.equal(efs?.[0].conditions[0].values[0], `arn:aws:elasticfilesystem:${HOLE}:${HOLE}:access-point/fsap-1`);
});

// Spot checks against samtranslator/policy_templates_data/policy_templates.json (commit 603eb020).
test('action lists match SAM for five templates', () => {
  const actions = (name: string): string[][] => (expandPolicyTemplate(name, {}) ?? []).map((s) => s.actions);
  assert.deepEqual(actions('SQSPollerPolicy'), [[
    'sqs:ChangeMessageVisibility', 'sqs:ChangeMessageVisibilityBatch', 'sqs:DeleteMessage', 'sqs:DeleteMessageBatch',
    'sqs:GetQueueAttributes', 'sqs:ReceiveMessage',
  ]]);
  assert.deepEqual(actions('DynamoDBCrudPolicy'), [[
    'dynamodb:GetItem', 'dynamodb:DeleteItem', 'dynamodb:PutItem', 'dynamodb:Scan', 'dynamodb:Query',
    'dynamodb:UpdateItem', 'dynamodb:BatchWriteItem', 'dynamodb:BatchGetItem', 'dynamodb:DescribeTable',
    'dynamodb:ConditionCheckItem',
  ]]);
  assert.deepEqual(actions('S3FullAccessPolicy'), [
    ['s3:GetObject', 's3:GetObjectAcl', 's3:GetObjectVersion', 's3:PutObject', 's3:PutObjectAcl', 's3:DeleteObject',
      's3:DeleteObjectTagging', 's3:DeleteObjectVersionTagging', 's3:GetObjectTagging', 's3:GetObjectVersionTagging',
      's3:PutObjectTagging', 's3:PutObjectVersionTagging'],
    ['s3:ListBucket', 's3:GetBucketLocation', 's3:GetLifecycleConfiguration', 's3:PutLifecycleConfiguration'],
  ]);
  assert.deepEqual(actions('KinesisStreamReadPolicy'), [
    ['kinesis:ListStreams', 'kinesis:DescribeLimits'],
    ['kinesis:DescribeStream', 'kinesis:DescribeStreamSummary', 'kinesis:GetRecords', 'kinesis:GetShardIterator'],
  ]);
  assert.deepEqual(actions('SNSCrudPolicy'), [[
    'sns:ListSubscriptionsByTopic', 'sns:CreateTopic', 'sns:SetTopicAttributes', 'sns:Subscribe', 'sns:Publish',
  ]]);
  assert.deepEqual(actions('SQSSendMessagePolicy'), [['sqs:SendMessage*']]);
});

test('resource shapes that differ from the common pattern', () => {
  const one = (name: string, p: Record<string, string>): string[] =>
    (expandPolicyTemplate(name, paramsOf(p)) ?? []).flatMap((s) => s.resources.map((r) => r.text));
  assert.deepEqual(one('SSMParameterWithSlashPrefixReadPolicy', { ParameterName: '/app/key' }),
    ['*', `arn:aws:ssm:${HOLE}:${HOLE}:parameter/app/key`]);
  assert.deepEqual(one('SSMParameterReadPolicy', { ParameterName: 'app/key' }),
    ['*', `arn:aws:ssm:${HOLE}:${HOLE}:parameter/app/key`]);
  assert.deepEqual(one('AWSSecretsManagerGetSecretValuePolicy', { SecretArn: 'arn:aws:secretsmanager:eu-west-1:1:secret:x' }),
    ['arn:aws:secretsmanager:eu-west-1:1:secret:x']);
  assert.deepEqual(one('Route53ChangeResourceRecordSetsPolicy', { HostedZoneId: 'Z1' }), ['arn:aws:route53:::hostedzone/Z1']);
  assert.deepEqual(one('SNSCrudPolicy', { TopicName: 't' }), [`arn:aws:sns:${HOLE}:${HOLE}:t*`]);
});

test('POLICY_TEMPLATE_NAMES is frozen and results do not share state with the data', () => {
  assert.ok(Object.isFrozen(POLICY_TEMPLATE_NAMES));
  const first = expandPolicyTemplate('KMSDecryptPolicy', {});
  first?.[0].actions.push('kms:*');
  assert.deepEqual(expandPolicyTemplate('KMSDecryptPolicy', {})?.[0].actions, ['kms:Decrypt']);
  policyTemplateParams('KMSDecryptPolicy').push('Other');
  assert.deepEqual(policyTemplateParams('KMSDecryptPolicy'), ['KeyId']);
});
