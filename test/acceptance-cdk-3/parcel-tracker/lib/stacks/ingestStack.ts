import * as cdk from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { SnsEventSource, SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3n from 'aws-cdk-lib/aws-s3-notifications';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { deadLetterRedrive, eventPublisherStatement, queueOperatorStatement } from '../constructs/policyLibrary';
import { TrackedFunction } from '../constructs/trackedFunction';

enum Stage {
  DEV = 'dev',
  PROD = 'prod',
}

/** The ingest pipeline is only ever deployed as production. */
const STAGE: Stage = Stage.PROD;
const isProd = STAGE === Stage.PROD;

const INGEST_LIMITS = {
  batchSize: 10,
  maxConcurrency: 5,
  visibilityMinutes: 2,
} as const;

export class IngestStack extends cdk.Stack {
  public readonly intake: TrackedFunction;

  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);

    const uploads = new s3.Bucket(this, 'LabelUploads', {
      enforceSSL: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    });
    const scans = new sqs.Queue(this, 'ScanQueue', {
      visibilityTimeout: cdk.Duration.minutes(INGEST_LIMITS.visibilityMinutes),
    });
    const carrierTopic = new sns.Topic(this, 'CarrierUpdates');

    this.intake = new TrackedFunction(this, 'Intake', {
      service: 'intake',
      environment: {
        UPLOAD_BUCKET: uploads.bucketName,
        SCAN_QUEUE_URL: scans.queueUrl,
      },
      url: { authType: isProd ? lambda.FunctionUrlAuthType.AWS_IAM : lambda.FunctionUrlAuthType.NONE },
      extraStatements: [eventPublisherStatement()],
    });

    // Event sources: CDK writes the grants and the source-pinned permissions.
    this.intake.fn.addEventSource(new SqsEventSource(scans, { batchSize: INGEST_LIMITS.batchSize, maxConcurrency: INGEST_LIMITS.maxConcurrency }));
    this.intake.fn.addEventSource(new SnsEventSource(carrierTopic));
    uploads.addEventNotification(s3.EventType.OBJECT_CREATED, new s3n.LambdaDestination(this.intake.fn), { prefix: 'labels/' });

    const nightly = new events.Rule(this, 'NightlyReconcile', {
      schedule: events.Schedule.cron({ hour: '2', minute: '0' }),
    });
    nightly.addTarget(new targets.LambdaFunction(this.intake.fn, { retryAttempts: 2 }));

    this.intake.allowInvokeFrom(new iam.ServicePrincipal('s3.amazonaws.com'), uploads.bucketArn);
    this.intake.allowInvokeFrom(new iam.ServicePrincipal('iot.amazonaws.com'));
    this.intake.allowSecretRead('parcel/intake');

    this.intake.fn.addToRolePolicy(deadLetterRedrive);
    this.intake.fn.addToRolePolicy(queueOperatorStatement(scans.queueArn));

    this.intake.fn.addEnvironment('LABEL_PRINTER_HOST', 'printer.parcel.internal');
    this.intake.fn.addEnvironment('LABEL_PRINTER_PASSWORD', 'Zebra!2024-print');

    // Handheld scanners call a published alias, never $LATEST.
    const live = new lambda.Alias(this, 'IntakeLive', {
      aliasName: 'live',
      version: this.intake.fn.currentVersion,
    });
    live.addPermission('ScannerBucketInvoke', {
      principal: new iam.ServicePrincipal('s3.amazonaws.com'),
      sourceArn: uploads.bucketArn,
      sourceAccount: this.account,
    });
    live.addPermission('ScannerAppInvoke', {
      principal: new iam.ServicePrincipal('s3.amazonaws.com'),
    });
    this.intake.fn.currentVersion.addPermission('HandheldFleetInvoke', {
      principal: new iam.AccountPrincipal('210987654321'),
    });

    // lambda-guard-ignore LG008: read-only status page for the scanners, rate limited at the edge
    const statusUrl = live.addFunctionUrl({ authType: lambda.FunctionUrlAuthType.NONE });

    // Carrier webhook: the carriers' platforms call it; the signature is checked in the handler.
    const webhook = new TrackedFunction(this, 'CarrierWebhook', {
      service: 'carrier-webhook',
      environment: {
        CARRIER_TOPIC_ARN: carrierTopic.topicArn,
        CARRIER_SIGNING_SECRET: 'whsec_9d1be4c0a77f4c2e8b51f0aa',
      },
      url: { authType: lambda.FunctionUrlAuthType.NONE, allowedOrigins: ['*'] },
    });
    carrierTopic.grantPublish(webhook.fn);

    new cdk.CfnOutput(this, 'StatusUrl', { value: statusUrl.url });
  }
}
