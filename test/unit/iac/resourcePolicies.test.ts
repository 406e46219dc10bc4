import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadTemplate } from '../../../src/core/iac/cloudformation/loadTemplate';
import { lineOf, ruleLines, scan } from '../rules/yamlSnippet';

const T = `Resources:
  QueuePolicy:
    Type: AWS::SQS::QueuePolicy
    Properties:
      Queues: [!Ref Q]
      PolicyDocument:
        Statement:
          - Effect: Allow
            Principal: '*'
            Action: sqs:SendMessage
            Resource: !GetAtt Q.Arn
            Condition: { ArnEquals: { aws:SourceArn: !Ref Topic } }
          - Effect: Allow
            Principal: { AWS: '*' }
            Action: sqs:SendMessage
            Resource: !GetAtt Q.Arn
          - Effect: Deny
            Principal: '*'
            Action: sqs:*
            Resource: !GetAtt Q.Arn
            Condition: { Bool: { aws:SecureTransport: 'false' } }
  TopicPolicy:
    Type: AWS::SNS::TopicPolicy
    Properties:
      Topics: [!Ref Topic]
      PolicyDocument:
        Statement:
          - Effect: Allow
            Principal: '*'
            Action: sns:Publish
            Resource: !Ref Topic
            Condition: { StringEquals: { aws:SourceOwner: !Ref AWS::AccountId } }
  BucketPolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref B
      PolicyDocument:
        Statement:
          - Effect: Allow
            Principal: { AWS: arn:aws:iam::111122223333:root }
            Action: s3:GetObject
            Resource: !Sub '\${B.Arn}/*'
  Key:
    Type: AWS::KMS::Key
    Properties:
      KeyPolicy:
        Statement:
          - Effect: Allow
            Principal: { AWS: !Sub 'arn:aws:iam::\${AWS::AccountId}:root' }
            Action: kms:*
            Resource: '*'
          - Effect: Allow
            Principal: { AWS: '*' }
            Action: kms:Decrypt
            Resource: '*'
            Condition: { StringEquals: { kms:CallerAccount: !Ref AWS::AccountId } }
  Secret:
    Type: AWS::SecretsManager::ResourcePolicy
    Properties:
      SecretId: !Ref S
      ResourcePolicy:
        Statement:
          - Effect: Allow
            NotPrincipal: { AWS: arn:aws:iam::111122223333:root }
            Action: secretsmanager:GetSecretValue
            Resource: '*'
`;

test('queue, topic, bucket, key and secret policies are read as resource policies', () => {
  const m = loadTemplate(T, 't.yaml').model!;
  const owners = m.policies.filter((p) => p.kind === 'resource').map((p) => p.owner);
  assert.deepEqual(owners, ['QueuePolicy', 'TopicPolicy', 'BucketPolicy', 'Key', 'Secret']);
  assert.match(m.policies[0].origin, /queue policy QueuePolicy/);
});

test('LG010 flags a public or cross-account resource policy, not one pinned by a source, account or caller condition', () => {
  const f = scan(T);
  assert.deepEqual(ruleLines(f, 'LG010'), [lineOf(T, "Principal: { AWS: '*' }"), lineOf(T, 'arn:aws:iam::111122223333:root }')]);
  assert.deepEqual(f.filter((x) => x.ruleId === 'LG010').map((x) => x.resource), ['QueuePolicy', 'BucketPolicy']);
});

test('resource policies get no identity-policy findings; Allow with NotPrincipal is LG003', () => {
  const f = scan(T);
  for (const id of ['LG001', 'LG002', 'LG011']) assert.deepEqual(ruleLines(f, id), [], id);
  assert.deepEqual(ruleLines(f, 'LG003'), [lineOf(T, 'NotPrincipal:')]);
});
