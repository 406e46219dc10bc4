import { Duration } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface ThumbnailWorkerProps {
  readonly sourceQueue: sqs.IQueue;
  /** Extra actions the worker needs for a given deployment (e.g. Rekognition). */
  readonly extraActions?: string[];
  readonly outputBucketArn: string;
  readonly environment?: Record<string, string>;
}

/** An SQS-driven function that renders thumbnails into a bucket. */
export class ThumbnailWorker extends Construct {
  public readonly handler: NodejsFunction;

  constructor(scope: Construct, id: string, props: ThumbnailWorkerProps) {
    super(scope, id);

    this.handler = new NodejsFunction(this, 'Handler', {
      entry: 'lambda/thumbnail/index.ts',
      runtime: lambda.Runtime.NODEJS_20_X,
      timeout: Duration.minutes(2),
      environment: {
        OUTPUT_BUCKET_ARN: props.outputBucketArn,
        ...props.environment,
        SHARP_CONCURRENCY: '2',
        CACHE_KEY: 'thumbnails-v3',
      },
    });
    this.handler.addEventSource(new SqsEventSource(props.sourceQueue, { batchSize: 5 }));

    this.handler.addToRolePolicy(new iam.PolicyStatement({
      actions: props.extraActions ?? [],
      resources: ['*'],
    }));

    this.handler.addToRolePolicy(new iam.PolicyStatement({
      actions: ['s3:PutObject', 's3:PutObjectAcl'],
      resources: [`${props.outputBucketArn}/*`],
    }));

    // Metrics and alarms for the rendering fleet.
    const metrics = new iam.PolicyStatement();
    metrics.addActions('cloudwatch:*');
    metrics.addAllResources();
    this.handler.addToRolePolicy(metrics);
  }

  /** Lets another principal start a render directly. */
  public allowInvokeFrom(principal: iam.IPrincipal): void {
    this.handler.grantInvoke(principal);
  }
}
