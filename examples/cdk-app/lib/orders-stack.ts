import { Duration, Stack, StackProps, aws_lambda as lambda } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Effect, ManagedPolicy, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { ARCHIVE_BUCKET_NAME, LEGACY_REPORT_ACTIONS, LOG_LEVEL, PARTNER_ACCOUNT_ID, TABLE_ACTIONS } from './config';
import { IngestFunction } from './constructs/ingest-function';

const RUNTIME = lambda.Runtime.NODEJS_20_X;
const SECRET_READ = 'secretsmanager:GetSecretValue';

export class OrdersStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);

    const table = new dynamodb.Table(this, 'OrdersTable', {
      partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
    });
    const uploads = new s3.Bucket(this, 'Uploads', { enforceSSL: true });
    const paymentSecret = new secretsmanager.Secret(this, 'PaymentProviderSecret');
    const topic = new sns.Topic(this, 'OrderEvents');

    // --- Order API: the clean reference ------------------------------------------------------
    const ordersApi = new NodejsFunction(this, 'OrdersApi', {
      entry: 'functions/orders/index.ts',
      runtime: RUNTIME,
      timeout: Duration.seconds(10),
      environment: {
        TABLE_NAME: table.tableName,
        PAYMENT_SECRET_ARN: paymentSecret.secretArn,
        LOG_LEVEL,
      },
    });
    ordersApi.addToRolePolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: TABLE_ACTIONS,
        resources: [table.tableArn, `${table.tableArn}/index/*`],
      }),
    );
    paymentSecret.grantRead(ordersApi);
    ordersApi.addFunctionUrl(); // AWS_IAM by default

    // SNS may invoke, but only from our topic.
    ordersApi.addPermission('TopicInvoke', {
      principal: new iam.ServicePrincipal('sns.amazonaws.com'),
      sourceArn: topic.topicArn,
    });

    // --- Webhook receiver: called by the payment provider ------------------------------------
    const webhook = new lambda.Function(this, 'PaymentWebhook', {
      runtime: RUNTIME,
      handler: 'webhook.handler',
      code: lambda.Code.fromAsset('functions/webhook'),
      environment: {
        DB_PASSWORD: 'Orders-2024-prod!',
        SECRET_ARN: paymentSecret.secretArn,
      },
    });
    webhook.addFunctionUrl({
      authType: lambda.FunctionUrlAuthType.NONE,
    });
    webhook.addToRolePolicy(
      new iam.PolicyStatement({
        actions: [SECRET_READ],
        resources: ['*'],
      }),
    );

    // --- Nightly report: inherited permissions -------------------------------------------------
    const report = new lambda.Function(this, 'NightlyReport', {
      runtime: RUNTIME,
      handler: 'report.handler',
      code: lambda.Code.fromAsset('functions/report'),
      initialPolicy: [
        new iam.PolicyStatement({
          actions: [...LEGACY_REPORT_ACTIONS, 's3:GetObjcet'],
          resources: [`arn:aws:s3:::${ARCHIVE_BUCKET_NAME}`, uploads.arnForObjects('*')],
        }),
      ],
    });
    report.addPermission('SnsInvoke', {
      principal: new iam.ServicePrincipal('sns.amazonaws.com'),
    });
    report.grantInvoke(new iam.AnyPrincipal());

    // --- Deployment helper role: broad on purpose, reviewed -----------------------------------
    const deployRole = new iam.Role(this, 'DeployHelperRole', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      managedPolicies: [
        ManagedPolicy.fromAwsManagedPolicyName('service-role/AWSLambdaBasicExecutionRole'),
        ManagedPolicy.fromAwsManagedPolicyName('AdministratorAccess'),
      ],
      inlinePolicies: {
        PassRoles: new iam.PolicyDocument({
          statements: [
            new iam.PolicyStatement({
              actions: ['iam:PassRole'],
              resources: ['*'],
            }),
          ],
        }),
      },
    });
    deployRole.addToPolicy(
      new iam.PolicyStatement({
        effect: iam.Effect.DENY,
        actions: ['*'],
        resources: ['*'],
        conditions: { Bool: { 'aws:MultiFactorAuthPresent': 'false' } },
      }),
    );

    new iam.Policy(this, 'OpsBreakGlass', {
      roles: [deployRole],
      statements: [new iam.PolicyStatement({ notActions: ['iam:*', 'organizations:*'], resources: ['*'] })],
    });
    deployRole.addToPrincipalPolicy(
      iam.PolicyStatement.fromJson({
        Effect: 'Allow',
        Action: ['lambda:UpdateFunctionCode', 'lambda:GetFunction'],
        Resource: '*',
      }),
    );

    // --- Partner export: a role another account assumes ---------------------------------------
    new iam.Role(this, 'PartnerExportRole', {
      assumedBy: new iam.AccountPrincipal(PARTNER_ACCOUNT_ID),
      inlinePolicies: {
        ReadExports: new iam.PolicyDocument({
          statements: [new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: [uploads.arnForObjects('exports/*')] })],
        }),
      },
    });

    // --- Ingest pipeline -----------------------------------------------------------------------
    const ingest = new IngestFunction(this, 'Ingest', { bucket: uploads, streamName: 'orders-ingest' });
    // lambda-guard-ignore LG007: the topic ARN is not known here; the subscription filter limits it
    ingest.fn.addPermission('LegacyTopicInvoke', { principal: new iam.ServicePrincipal('sns.amazonaws.com') });
  }
}
