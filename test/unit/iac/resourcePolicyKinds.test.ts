import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadTemplate } from '../../../src/core/iac/cloudformation/loadTemplate';
import { lg006PublicInvoke } from '../../../src/core/rules/lg006PublicInvoke';
import { lg010CrossAccountPrincipal } from '../../../src/core/rules/lg010CrossAccountPrincipal';
import { lineOf, scan } from '../rules/yamlSnippet';
import { ModelBuilder, run } from '../rules/modelBuilder';

// Resource policies judged by the kind of resource that holds them. Each kind has a case that must be
// reported and one that must not; expectations follow AWS's documented meaning of each policy.

/** `rule:line` of every finding, for exact comparisons. */
function hits(t: string): string[] {
  return scan(t).map((f) => `${f.ruleId}:${f.location?.startLine}`);
}

test('every kind is read as a resource policy of its service', () => {
  const t = `Transform: AWS::Serverless-2016-10-31
Resources:
  B: { Type: AWS::S3::BucketPolicy, Properties: { Bucket: b, PolicyDocument: { Statement: [] } } }
  AP: { Type: AWS::S3::AccessPoint, Properties: { Bucket: b, Policy: { Statement: [] } } }
  Q: { Type: AWS::SQS::QueueInlinePolicy, Properties: { Queue: q, PolicyDocument: { Statement: [] } } }
  T: { Type: AWS::SNS::TopicInlinePolicy, Properties: { TopicArn: t, PolicyDocument: { Statement: [] } } }
  K: { Type: AWS::KMS::Key, Properties: { KeyPolicy: { Statement: [] } } }
  S: { Type: AWS::SecretsManager::ResourcePolicy, Properties: { SecretId: s, ResourcePolicy: { Statement: [] } } }
  E: { Type: AWS::Events::EventBus, Properties: { Name: e, Policy: { Statement: [] } } }
  A: { Type: AWS::ApiGateway::RestApi, Properties: { Name: a, Policy: { Statement: [] } } }
`;
  const m = loadTemplate(t, 't.yaml').model!;
  assert.deepEqual(
    m.policies.map((p) => `${p.owner}:${p.kind}:${p.service}:${p.resourceType}`),
    ['B:resource:s3:AWS::S3::BucketPolicy', 'AP:resource:s3:AWS::S3::AccessPoint', 'Q:resource:sqs:AWS::SQS::QueueInlinePolicy', 'T:resource:sns:AWS::SNS::TopicInlinePolicy',
      'K:resource:kms:AWS::KMS::Key', 'S:resource:secretsmanager:AWS::SecretsManager::ResourcePolicy', 'E:resource:events:AWS::Events::EventBus', 'A:resource:execute-api:AWS::ApiGateway::RestApi'],
  );
});

test('S3 bucket policy: Action "*" for everyone opens the bucket (LG010), never LG006; access-point delegation and SourceAccount pin', () => {
  const t = `Resources:
  Policy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: b
      PolicyDocument:
        Statement:
          - Effect: Allow
            Principal: '*'
            Action: '*'
            Resource: arn:aws:s3:::b/*
          - Effect: Allow
            Principal: { AWS: '*' }
            Action: s3:GetObject
            Resource: arn:aws:s3:::b/*
            Condition: { StringEquals: { s3:DataAccessPointAccount: !Ref AWS::AccountId } }
          - Effect: Allow
            Principal: { Service: serverlessrepo.amazonaws.com }
            Action: s3:GetObject
            Resource: arn:aws:s3:::b/*
          - Effect: Allow
            Principal: { Service: serverlessrepo.amazonaws.com }
            Action: s3:GetObject
            Resource: arn:aws:s3:::b/*
            Condition: { StringEquals: { aws:SourceAccount: !Ref AWS::AccountId } }
          - Effect: Allow
            Principal: { Service: cloudfront.amazonaws.com }
            Action: s3:GetObject
            Resource: arn:aws:s3:::b/*
            Condition: { StringEquals: { AWS:SourceArn: arn:aws:cloudfront::111122223333:distribution/E1 } }
`;
  assert.deepEqual(hits(t), [`LG010:${lineOf(t, "Principal: '*'")}`, `LG007:${lineOf(t, 'serverlessrepo.amazonaws.com')}`]);
  const lg010 = scan(t).find((f) => f.ruleId === 'LG010')!;
  assert.equal(lg010.message, "Any AWS principal ('*') is granted '*' in bucket policy Policy");
});

test('SNS and SQS: a service principal needs a source condition (aws:SourceOwner counts); another account is LG010', () => {
  const t = `Resources:
  TopicPolicy:
    Type: AWS::SNS::TopicPolicy
    Properties:
      Topics: [!Ref T]
      PolicyDocument:
        Statement:
          - Effect: Allow
            Principal: { Service: events.amazonaws.com }
            Action: sns:Publish
            Resource: !Ref T
          - Effect: Allow
            Principal: { Service: s3.amazonaws.com }
            Action: sns:Publish
            Resource: !Ref T
            Condition: { StringEquals: { aws:SourceOwner: !Ref AWS::AccountId } }
  QueuePolicy:
    Type: AWS::SQS::QueuePolicy
    Properties:
      Queues: [!Ref Q]
      PolicyDocument:
        Statement:
          - Effect: Allow
            Principal: { Service: sns.amazonaws.com }
            Action: sqs:SendMessage
            Resource: !GetAtt Q.Arn
            Condition: { ArnEquals: { aws:SourceArn: !Ref T } }
          - Effect: Allow
            Principal: { AWS: arn:aws:iam::444455556666:root }
            Action: sqs:SendMessage
            Resource: !GetAtt Q.Arn
`;
  assert.deepEqual(hits(t), [`LG007:${lineOf(t, 'events.amazonaws.com')}`, `LG010:${lineOf(t, '444455556666')}`]);
  assert.match(scan(t)[0].message, /^events\.amazonaws\.com is granted 'sns:Publish' without an aws:SourceArn or aws:SourceAccount condition in topic policy TopicPolicy/);
});

test('KMS key policy: the own account root is fine, kms:EncryptionContext pins a service, a bare service principal does not', () => {
  const t = `Resources:
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
            Principal: { Service: logs.us-east-1.amazonaws.com }
            Action: [kms:Encrypt*, kms:Decrypt*]
            Resource: '*'
            Condition: { ArnLike: { kms:EncryptionContext:aws:logs:arn: arn:aws:logs:us-east-1:111122223333:log-group:* } }
          - Effect: Allow
            Principal: { Service: cloudtrail.amazonaws.com }
            Action: kms:GenerateDataKey*
            Resource: '*'
          - Effect: Allow
            Principal: { AWS: '*' }
            Action: kms:Decrypt
            Resource: '*'
            Condition: { StringEquals: { kms:CallerAccount: !Ref AWS::AccountId } }
`;
  assert.deepEqual(hits(t), [`LG007:${lineOf(t, 'cloudtrail.amazonaws.com')}`]);
});

test('Secrets Manager: another account without an organisation condition is LG010; with aws:PrincipalOrgID it is not', () => {
  const t = `Resources:
  SecretPolicy:
    Type: AWS::SecretsManager::ResourcePolicy
    Properties:
      SecretId: !Ref S
      ResourcePolicy:
        Statement:
          - Effect: Allow
            Principal: { AWS: arn:aws:iam::777788889999:role/reader }
            Action: secretsmanager:GetSecretValue
            Resource: '*'
          - Effect: Allow
            Principal: { AWS: arn:aws:iam::222233334444:root }
            Action: secretsmanager:GetSecretValue
            Resource: '*'
            Condition: { StringEquals: { aws:PrincipalOrgID: o-abc123 } }
`;
  assert.deepEqual(hits(t), [`LG010:${lineOf(t, '777788889999')}`]);
});

test('EventBridge: EventBusPolicy legacy properties, its Statement form and EventBus Policy are all read', () => {
  const t = `Resources:
  Legacy:
    Type: AWS::Events::EventBusPolicy
    Properties:
      StatementId: partner
      Action: events:PutEvents
      Principal: '111122223333'
  OrgWide:
    Type: AWS::Events::EventBusPolicy
    Properties:
      StatementId: org
      Action: events:PutEvents
      Principal: '*'
      Condition:
        Type: StringEquals
        Key: aws:PrincipalOrgID
        Value: o-abc123
  Modern:
    Type: AWS::Events::EventBusPolicy
    Properties:
      StatementId: modern
      Statement:
        Effect: Allow
        Principal: { AWS: arn:aws:iam::444455556666:root }
        Action: events:PutEvents
        Resource: '*'
  Bus:
    Type: AWS::Events::EventBus
    Properties:
      Name: b
      Policy:
        Statement:
          - Effect: Allow
            Principal: '*'
            Action: events:PutEvents
            Resource: '*'
`;
  assert.deepEqual(hits(t), [`LG010:${lineOf(t, "Principal: '111122223333'")}`, `LG010:${lineOf(t, '444455556666')}`, `LG010:${lineOf(t, "Principal: '*'", 1)}`]);
  assert.match(scan(t)[0].message, /^Account 111122223333 is granted 'events:PutEvents' in event bus policy Legacy without an organisation condition/);
});

test('API Gateway: execute-api:Invoke for everyone is a public API (quiet); any other action for everyone, and other accounts, are LG010', () => {
  const t = `Transform: AWS::Serverless-2016-10-31
Resources:
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties:
      Name: a
      Policy:
        Statement:
          - Effect: Allow
            Principal: '*'
            Action: execute-api:Invoke
            Resource: execute-api:/*
          - Effect: Allow
            Principal: '*'
            Action: execute-api:*
            Resource: execute-api:/*
  SamApi:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
      Auth:
        ResourcePolicy:
          AwsAccountWhitelist:
            - '777788889999'
          CustomStatements:
            - Effect: Allow
              Principal: '*'
              Action: execute-api:Invoke
              Resource: execute-api:/*
`;
  assert.deepEqual(hits(t), [`LG010:${lineOf(t, 'Action: execute-api:*') - 1}`, `LG010:${lineOf(t, "- '777788889999'")}`]);
});

test("LG006 fires only on a function's own policy: inferred from lambda actions when the holder is unknown (CDK), never on other kinds", () => {
  const b = new ModelBuilder();
  const fnDoc = b.policy('resource', 'FnPolicy', [{ actions: ['lambda:InvokeFunction'], principals: [{ type: '*', value: '*' }] }]);
  const bucket = b.policy('resource', 'Bucket', [{ actions: ['*'], principals: [{ type: '*', value: '*' }] }]);
  bucket.service = 's3';
  const unknown = b.policy('resource', 'Unknown', [{ actions: ['*'], resources: ['*'], principals: [{ type: '*', value: '*' }] }]);
  assert.equal(fnDoc.service, undefined);
  assert.equal(unknown.service, undefined);
  assert.deepEqual(run(lg006PublicInvoke, b.model).map((f) => f.resource), ['FnPolicy']);
  assert.deepEqual(run(lg010CrossAccountPrincipal, b.model).map((f) => f.resource), ['Bucket', 'Unknown']);
});
