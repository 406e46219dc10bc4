import {
  Duration,
  Stack,
  StackProps,
  SecretValue,
  aws_iam as iam,
  aws_lambda as lambda,
  aws_s3 as s3,
  aws_sqs as sqs,
  aws_sns as sns,
  aws_kms as kms,
} from 'aws-cdk-lib';
import * as lambdaNodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Construct } from 'constructs';
import { LEGACY_ENV, ORG_ID, QUEUE_CONSUME_ACTIONS } from './constants';

export interface IngestStackProps extends StackProps {
  readonly stage: string;
}

export class IngestStack extends Stack {
  constructor(scope: Construct, id: string, props: IngestStackProps) {
    super(scope, id, props);

    const key = new kms.Key(this, 'IngestKey', { enableKeyRotation: true });
    const dropBucket = new s3.Bucket(this, 'CarrierDrop', { encryptionKey: key, enforceSSL: true });
    const queue = new sqs.Queue(this, 'ManifestQueue', { visibilityTimeout: Duration.minutes(5) });
    const events = new sns.Topic(this, 'ManifestEvents');

    const ingestFn = new lambda.DockerImageFunction(this, 'ManifestIngest', {
      code: lambda.DockerImageCode.fromImageAsset('services/manifest-ingest'),
      memorySize: 1024,
      timeout: Duration.minutes(2),
      environment: {
        DROP_BUCKET: dropBucket.bucketName,
        QUEUE_URL: queue.queueUrl,
        GITHUB_TOKEN: 'ghp_R8mTq2LkVb7XcZ1nWp4sYd9FhJ3gA6eU0oKi',
        DATABASE_URL: 'postgres://ingest:Wq8!rT2zPx@manifests.c9akciq32.eu-west-1.rds.amazonaws.com:5432/manifests',
        CARRIER_API_TOKEN: process.env.CARRIER_API_TOKEN ?? '',
        STAGE: props.stage,
      },
    });
    ingestFn.addEnvironment('WEBHOOK_SIGNING_SECRET', 'whsec_5f2b9c81d4e07a36b1c9d2e4f8a0b7c3');
    ingestFn.addEnvironment('TOPIC_ARN', events.topicArn);
    ingestFn.addEventSource(new SqsEventSource(queue, { batchSize: 10 }));

    // Read whatever carriers drop, nothing else.
    const readDrops = new iam.PolicyStatement();
    readDrops.addActions('s3:GetObject', 's3:ListBucket');
    readDrops.addResources(dropBucket.bucketArn, dropBucket.arnForObjects('*'));
    ingestFn.addToRolePolicy(readDrops);

    const queueAccess = new iam.PolicyStatement({ effect: iam.Effect.ALLOW });
    queueAccess.addActions('sqs:*');
    queueAccess.addAllResources();
    ingestFn.addToRolePolicy(queueAccess);

    const consume = new iam.PolicyStatement({
      actions: QUEUE_CONSUME_ACTIONS,
      resources: [queue.queueArn],
    });
    ingestFn.addToRolePolicy(consume);

    const passToWorkers = new iam.PolicyStatement({ actions: ['iam:PassRole'] });
    passToWorkers.addAllResources();
    passToWorkers.addCondition('StringEquals', { 'iam:PassedToService': 'lambda.amazonaws.com' });
    ingestFn.addToRolePolicy(passToWorkers);

    const spawn = new iam.PolicyStatement();
    spawn.addActions('iam:PassRole');
    spawn.addResources('*');
    ingestFn.addToRolePolicy(spawn);

    new iam.Policy(this, 'IngestCrypto', {
      roles: [ingestFn.role!],
      statements: [
        new iam.PolicyStatement({
          actions: ['kms:Decrypt', 'kms:GenerateDataKeys'],
          resources: ['*'],
        }),
        new iam.PolicyStatement({
          actions: ['kms:Encrypt'],
          resources: [key.keyArn],
        }),
      ],
    });

    // Guard rails: ingest must never delete what carriers dropped.
    ingestFn.addToRolePolicy(new iam.PolicyStatement({
      effect: iam.Effect.DENY,
      actions: ['s3:*'],
      resources: ['*'],
      conditions: { StringNotEquals: { 'aws:ResourceAccount': this.account } },
    }));
    ingestFn.addToRolePolicy(new iam.PolicyStatement({
      effect: iam.Effect.DENY,
      actions: ['s3:DeleteObject', 's3:DeleteObjcet', 's3:DeleteObjectVersion'],
      resources: [dropBucket.arnForObjects('*')],
    }));
    ingestFn.addToRolePolicy(new iam.PolicyStatement({
      effect: iam.Effect.DENY,
      notActions: ['sqs:*', 's3:*', 'kms:*', 'logs:*'],
      resources: ['*'],
    }));

    ingestFn.addPermission('CarrierDropNotify', {
      principal: new iam.ServicePrincipal('s3.amazonaws.com'),
      sourceAccount: this.account,
    });
    ingestFn.addPermission('ManifestTopic', {
      principal: new iam.ServicePrincipal('sns.amazonaws.com'),
      principalOrgId: ORG_ID,
    });

    dropBucket.addToResourcePolicy(new iam.PolicyStatement({
      principals: [new iam.StarPrincipal()],
      actions: ['s3:GetObject'],
      resources: [dropBucket.arnForObjects('samples/*')],
    }));
    queue.addToResourcePolicy(new iam.PolicyStatement({
      principals: [new iam.ServicePrincipal('sns.amazonaws.com')],
      actions: ['sqs:SendMessage'],
      resources: [queue.queueArn],
      conditions: { ArnEquals: { 'aws:SourceArn': events.topicArn } },
    }));
    dropBucket.addToResourcePolicy(new iam.PolicyStatement({
      effect: iam.Effect.DENY,
      principals: [new iam.AnyPrincipal()],
      actions: ['s3:*'],
      resources: [dropBucket.bucketArn, dropBucket.arnForObjects('*')],
      conditions: { Bool: { 'aws:SecureTransport': 'false' } },
    }));

    const replayFn = new lambdaNodejs.NodejsFunction(this, 'ManifestReplay', {
      entry: 'src/handlers/replay.ts',
      environment: {
        ...LEGACY_ENV,
        JWT_SECRET: SecretValue.secretsManager('parcel-hub/jwt').unsafeUnwrap(),
        REPLAY_QUEUE_URL: queue.queueUrl,
      },
    });
    queue.grantSendMessages(replayFn);
  }
}
