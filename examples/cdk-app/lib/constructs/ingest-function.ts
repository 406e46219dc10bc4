import { Duration, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

export interface IngestFunctionProps {
  readonly bucket: s3.IBucket;
  readonly streamName: string;
}

/** A function that S3 notifies about new uploads and that forwards them to a Kinesis stream. */
export class IngestFunction extends Construct {
  readonly fn: lambda.Function;

  constructor(scope: Construct, id: string, props: IngestFunctionProps) {
    super(scope, id);

    this.fn = new lambda.Function(this, 'Handler', {
      runtime: lambda.Runtime.NODEJS_20_X,
      handler: 'index.handler',
      code: lambda.Code.fromAsset('functions/ingest'),
      timeout: Duration.seconds(30),
      environment: {
        STREAM_NAME: props.streamName,
        BUCKET_NAME: props.bucket.bucketName,
      },
    });

    // Clean: S3 may invoke, but only for this bucket in this account.
    this.fn.addPermission('S3Invoke', {
      principal: new iam.ServicePrincipal('s3.amazonaws.com'),
      sourceArn: props.bucket.bucketArn,
      sourceAccount: Stack.of(this).account,
    });

    props.bucket.grantRead(this.fn);

    const streamAccess = new iam.PolicyStatement();
    streamAccess.addActions('kinesis:*');
    streamAccess.addAllResources();
    this.fn.addToRolePolicy(streamAccess);

    // EventBridge retries failed batches; grantInvoke adds no SourceArn.
    this.fn.grantInvoke(new iam.ServicePrincipal('events.amazonaws.com'));
  }
}
