import * as cdk from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Construct } from 'constructs';

enum Stage {
  DEV = 'dev',
  STAGING = 'staging',
  PROD = 'prod',
}

export interface ReportingStackProps extends cdk.StackProps {
  /** Deployment stage, from `cdk deploy -c stage=...`. */
  readonly stage: string;
}

const REPORT_TABLES = ['parcels', 'scans', 'handovers'] as const;
const REPORT_BUCKETS = ['parcel-reports', 'parcel-exports'] as const;

export class ReportingStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props: ReportingStackProps) {
    super(scope, id, props);
    const isProd = props.stage === Stage.PROD;

    const tableArns = REPORT_TABLES.map((t) => `arn:aws:dynamodb:${this.region}:${this.account}:table/${t}`);
    const bucketArns = REPORT_BUCKETS.flatMap((b) => [`arn:aws:s3:::${b}`, `arn:aws:s3:::${b}/*`]);

    const api = new NodejsFunction(this, 'ReportApi', {
      entry: 'services/report-api/index.ts',
      runtime: lambda.Runtime.NODEJS_22_X,
      environment: {
        TABLES: REPORT_TABLES.join(','),
        EXPORT_BUCKET: REPORT_BUCKETS[1],
        WAREHOUSE_DSN: 'postgres://reporter:Rep0rt-2024@warehouse.parcel.internal:5432/reports',
        MAX_TOKENS: '4096',
        SESSION_SIGNING_KEY: process.env.SESSION_SIGNING_KEY ?? '',
        MAPS_API_KEY_PARAMETER: '/parcel/reporting/maps-api-key',
      },
      initialPolicy: [
        new iam.PolicyStatement({
          actions: ['dynamodb:Query', 'dynamodb:Scan', 'dynamodb:GetItem'],
          resources: [...tableArns, ...tableArns.map((arn) => `${arn}/index/*`)],
        }),
        new iam.PolicyStatement({
          actions: ['s3:GetObject', 's3:PutObject', 's3:ListBucket'],
          resources: bucketArns,
        }),
      ],
    });

    // Only production hides the report API behind IAM.
    const urlAuth = isProd ? lambda.FunctionUrlAuthType.AWS_IAM : lambda.FunctionUrlAuthType.NONE;
    api.addFunctionUrl({ authType: urlAuth });

    // Non-production stages may read every log group while debugging.
    const logScope = isProd ? `arn:aws:logs:${this.region}:${this.account}:log-group:/aws/lambda/parcel-*` : `arn:aws:logs:${this.region}:${this.account}:*`;
    api.addToRolePolicy(new iam.PolicyStatement({
      actions: ['logs:GetLogEvents', 'logs:FilterLogEvents'],
      resources: [logScope],
    }));

    api.addToRolePolicy(new iam.PolicyStatement({
      effect: iam.Effect.DENY,
      notActions: ['dynamodb:Query', 'dynamodb:Scan', 'dynamodb:GetItem', 's3:GetObject', 's3:PutObject', 'logs:*'],
      resources: ['*'],
    }));

    new apigw.LambdaRestApi(this, 'ReportRestApi', {
      handler: api,
      proxy: true,
      deployOptions: { stageName: props.stage },
    });

    // lambda-guard-ignore LG014: throwaway credentials of the sandbox SFTP server
    const exporter = new lambda.Function(this, 'Exporter', {
      runtime: lambda.Runtime.PYTHON_3_12,
      handler: 'exporter.handler',
      code: lambda.Code.fromAsset('services/exporter'),
      environment: {
        EXPORT_FORMAT: 'parquet',
        SFTP_PASSWORD: 'Exp0rt!sftp-sandbox',
      },
    });
    new lambda.FunctionUrl(this, 'ExporterUrl', {
      function: exporter,
      authType: lambda.FunctionUrlAuthType.NONE,
    });

    // Destinations that only exist at deploy time.
    const sharedBucketArn = cdk.Fn.importValue('ParcelSharedBucketArn');
    exporter.addToRolePolicy(new iam.PolicyStatement({
      actions: ['s3:PutObject', 's3:DeleteObject'],
      resources: [`${sharedBucketArn}/exports/*`],
    }));
    const extraBucket = this.node.tryGetContext('extraExportBucket') as string | undefined;
    if (extraBucket) {
      exporter.addToRolePolicy(new iam.PolicyStatement({
        actions: ['s3:PutObject'],
        resources: [`arn:aws:s3:::${extraBucket}/*`],
      }));
    }
    exporter.addToRolePolicy(new iam.PolicyStatement({
      actions: ['sqs:SendMessage'],
      resources: [process.env.EXPORT_QUEUE_ARN ?? `arn:aws:sqs:${this.region}:${this.account}:parcel-exports`],
    }));
  }
}
