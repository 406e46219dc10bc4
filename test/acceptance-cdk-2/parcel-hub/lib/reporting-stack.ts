import { Duration, Stack, StackProps } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Code, Function as LambdaFunction, Runtime } from 'aws-cdk-lib/aws-lambda';
import { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { CfnBucketPolicy } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import * as constants from './constants';

const REPORTS_BUCKET = 'parcel-hub-reports-prod';
const REPORTS_BUCKET_ARN = `arn:aws:s3:::${REPORTS_BUCKET}`;
const READ_REPORTS = ['s3:GetObject', 's3:ListBucket'];
const WRITE_REPORTS = [...READ_REPORTS, 's3:PutObject', 's3:DeleteObject'];
const ATHENA_ALL = `athena:*`;
const EVERYTHING = '*';
const GLUE_READ = ['glue:GetTable', 'glue:GetPartitions', 'glue:GetDatabase'];

export interface ReportingStackProps extends StackProps {
  readonly ordersTable: ITable;
}

export class ReportingStack extends Stack {
  constructor(scope: Construct, id: string, props: ReportingStackProps) {
    super(scope, id, props);

    const secretPrefix = `arn:aws:secretsmanager:${this.region}:${this.account}:secret:`;
    const reportEnv = {
      REPORTS_BUCKET,
      WAREHOUSE_API_PASSWORD: 'w4reh0use-Reports!2024',
    };

    const builder = new LambdaFunction(this, 'ReportBuilder', {
      runtime: Runtime.PYTHON_3_12,
      handler: 'builder.handler',
      code: Code.fromAsset('services/report-builder'),
      timeout: Duration.minutes(10),
      memorySize: 2048,
      environment: {
        ...reportEnv,
        ORDERS_TABLE: props.ordersTable.tableName,
        // lambda-guard-ignore LG014: public demo tenant key, rotated weekly and rate limited
        DEMO_API_KEY: 'demo-4f9a2c7e1b3d5f60',
      },
      initialPolicy: [
        new iam.PolicyStatement({
          actions: WRITE_REPORTS,
          resources: [REPORTS_BUCKET_ARN, `${REPORTS_BUCKET_ARN}/*`],
        }),
        new iam.PolicyStatement({
          actions: [ATHENA_ALL],
          resources: [EVERYTHING],
        }),
        new iam.PolicyStatement({
          actions: GLUE_READ,
          resources: [EVERYTHING],
        }),
        new iam.PolicyStatement({
          actions: [...constants.TABLE_WRITE_ACTIONS, 'dynamodb:BatchWriteItem'],
          resources: [constants.ALL_RESOURCES],
        }),
        new iam.PolicyStatement({
          actions: constants.TELEMETRY_ACTIONS,
          resources: [constants.ALL_RESOURCES],
        }),
      ],
    });

    builder.addToRolePolicy(new iam.PolicyStatement({
      actions: [constants.S3_FULL],
      resources: [REPORTS_BUCKET_ARN, `${REPORTS_BUCKET_ARN}/*`],
    }));
    builder.addToRolePolicy(new iam.PolicyStatement({
      actions: constants.NOTIFY_ACTIONS,
      resources: [`arn:aws:sns:${this.region}:${this.account}:report-ready`],
    }));
    builder.addToRolePolicy(new iam.PolicyStatement({
      actions: ['secretsmanager:GetSecretValue'],
      resources: [`${secretPrefix}*`],
    }));
    builder.addToRolePolicy(new iam.PolicyStatement({
      actions: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'],
      resources: [`${secretPrefix}parcel-hub/reporting/*`],
    }));
    // lambda-guard-ignore LG001: the report builder owns its Athena workgroups end to end
    builder.addToRolePolicy(new iam.PolicyStatement({
      sid: 'AthenaWorkgroupAdmin',
      actions: ['athena:*'],
      resources: [`arn:aws:athena:${this.region}:${this.account}:workgroup/reports-*`],
    }));
    // lambda-guard-ignore LG002: wrong id on purpose, the statement's problem is the wildcard action
    builder.addToRolePolicy(new iam.PolicyStatement({
      actions: ['glue:*'],
      resources: [`arn:aws:glue:${this.region}:${this.account}:table/reports/*`],
    }));

    const reportsPolicy = new iam.PolicyStatement({
      effect: iam.Effect.DENY,
      notPrincipals: [new iam.ArnPrincipal(`arn:aws:iam::${this.account}:role/parcel-hub-reports-admin`)],
      actions: ['s3:DeleteBucket'],
      resources: [REPORTS_BUCKET_ARN],
    });
    new CfnBucketPolicy(this, 'ReportsBucketPolicy', {
      bucket: REPORTS_BUCKET,
      policyDocument: new iam.PolicyDocument({ statements: [reportsPolicy] }),
    });

    const mailer = new LambdaFunction(this, 'ReportMailer', {
      runtime: Runtime.PYTHON_3_12,
      handler: 'mailer.handler',
      code: Code.fromAsset('services/report-mailer'),
      environment: {
        SMTP_HOST: 'email-smtp.eu-west-1.amazonaws.com',
        SMTP_USER: 'AKIAQX7ZK3M5N2P4R6TB',
        SMTP_PASSWORD_SECRET: `${secretPrefix}parcel-hub/smtp`,
        SMTP_PASSWORD_SECRET_ARN: `${secretPrefix}parcel-hub/smtp`,
      },
    });
    mailer.addToRolePolicy(new iam.PolicyStatement({
      actions: ['ses:SendRawEmail'],
      resources: [`arn:aws:ses:${this.region}:${this.account}:identity/parcelhub.example`],
    }));
  }
}
