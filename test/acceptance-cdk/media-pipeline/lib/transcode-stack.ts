import { Duration, Stack, StackProps } from 'aws-cdk-lib';
import { Effect, PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { LEGACY_CATALOG_ACTIONS, QUEUE_SERVICE, TRANSCODE_WRITE_ACTIONS } from './config';
import { ThumbnailWorker } from './constructs/thumbnail-worker';

const CATALOG_TABLE_ARN = 'arn:aws:dynamodb:eu-west-1:123456789012:table/media-catalog';
const RENDITIONS_ARN = 'arn:aws:s3:::acme-media-renditions';
const ADMIN_ACTIONS = ['*'];

export class TranscodeStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);

    const jobs = new sqs.Queue(this, 'TranscodeJobs', { visibilityTimeout: Duration.minutes(15) });

    const transcoder = new NodejsFunction(this, 'Transcoder', {
      entry: 'lambda/transcode/index.ts',
      runtime: lambda.Runtime.NODEJS_20_X,
      memorySize: 3008,
      timeout: Duration.minutes(10),
      environment: {
        JOBS_QUEUE_URL: jobs.queueUrl,
        STRIPE_API_KEY: 'sk_live_51NvQq2Lk8TgH3xYzA9bC7dE4fG',
        FFMPEG_PRESET: 'veryfast',
        // lambda-guard-ignore LG014: sandbox account of the payment provider, no real money
        PAYMENT_SANDBOX_PASSWORD: 'sandbox-pass-1',
      },
      initialPolicy: [
        new PolicyStatement({
          actions: [`${QUEUE_SERVICE}:*`],
          resources: [jobs.queueArn],
        }),
        new PolicyStatement({
          actions: [...TRANSCODE_WRITE_ACTIONS, 'dynamodb:Update*'],
          resources: [CATALOG_TABLE_ARN, `${RENDITIONS_ARN}/*`],
        }),
      ],
    });

    transcoder.addToRolePolicy(new PolicyStatement({
      effect: Effect.ALLOW,
      actions: LEGACY_CATALOG_ACTIONS,
      resources: [`arn:aws:dynamodb:${this.region}:${this.account}:table/*`],
    }));

    // Guards: plain HTTP is refused, and nothing outside the pipeline's services is usable.
    transcoder.addToRolePolicy(new PolicyStatement({
      effect: Effect.DENY,
      actions: ['*'],
      resources: ['*'],
      conditions: { Bool: { 'aws:SecureTransport': 'false' } },
    }));
    transcoder.addToRolePolicy(new PolicyStatement({
      effect: Effect.DENY,
      notActions: ['s3:*', 'sqs:*', 'dynamodb:*', 'logs:*'],
      resources: ['*'],
    }));

    new lambda.FunctionUrl(this, 'TranscoderStatusUrl', {
      function: transcoder,
      authType: lambda.FunctionUrlAuthType.NONE,
    });

    const thumbs = new ThumbnailWorker(this, 'Thumbnails', {
      sourceQueue: jobs,
      extraActions: ['rekognition:DetectLabels'],
      outputBucketArn: 'arn:aws:s3:::acme-media-thumbnails',
    });
    thumbs.handler.grantInvoke(new ServicePrincipal('events.amazonaws.com'));

    transcoder.addToRolePolicy(new PolicyStatement({
      actions: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'],
      resources: ['arn:aws:logs:*:*:*'],
    }));
    transcoder.addToRolePolicy(new PolicyStatement({
      actions: ['logs:*'],
      resources: ['arn:aws:logs:*:*:*'],
    }));
    transcoder.addToRolePolicy(new PolicyStatement({
      sid: 'TenantItems',
      effect: Effect.ALLOW,
      actions: ['dynamodb:GetItem', 'dynamodb:PutItem'],
      resources: [CATALOG_TABLE_ARN],
      conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['${aws:PrincipalTag/tenant}'] } },
    }));
    transcoder.addPermission('LogsSubscription', {
      principal: new ServicePrincipal('logs.amazonaws.com'),
      sourceArn: `arn:aws:logs:${this.region}:${this.account}:log-group:*`,
    });

    const breakGlass = new lambda.Function(this, 'BreakGlass', {
      runtime: lambda.Runtime.NODEJS_20_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline('exports.handler = async () => ({ ok: true });'),
    });
    breakGlass.addToRolePolicy(new PolicyStatement({
      actions: ADMIN_ACTIONS,
      resources: ['*'],
    }));
  }
}
