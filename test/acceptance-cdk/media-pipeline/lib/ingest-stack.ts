import * as cdk from 'aws-cdk-lib';
import { aws_dynamodb as dynamodb, aws_iam as iam, aws_lambda as lambda, aws_s3 as s3, aws_sqs as sqs } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { COMMON_ENV, MEDIA_BUCKET_NAME, ORG_ID, PARTNER_ACCOUNT, READ_MEDIA_ACTIONS, SLACK_BOT_TOKEN } from './config';
import { SecureApi } from './constructs/secure-api';

export interface IngestStackProps extends cdk.StackProps {
  readonly stage: string;
}

export class IngestStack extends cdk.Stack {
  public readonly uploadHandler: lambda.Function;

  constructor(scope: Construct, id: string, props: IngestStackProps) {
    super(scope, id, props);

    const uploads = new s3.Bucket(this, 'Uploads', { enforceSSL: true, blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL });
    const deadLetters = new sqs.Queue(this, 'IngestDlq', { retentionPeriod: cdk.Duration.days(14) });
    const catalog = new dynamodb.Table(this, 'Catalog', {
      partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
    });

    this.uploadHandler = new lambda.Function(this, 'UploadHandler', {
      runtime: lambda.Runtime.NODEJS_20_X,
      handler: 'upload.handler',
      code: lambda.Code.fromAsset('lambda/upload'),
      timeout: cdk.Duration.seconds(30),
      deadLetterQueue: deadLetters,
      environment: {
        ...COMMON_ENV,
        STAGE: props.stage,
        UPLOAD_BUCKET: uploads.bucketName,
        DB_PASSWORD: 'Sup3rS3cret!2024',
        SLACK_WEBHOOK_TOKEN: SLACK_BOT_TOKEN,
        MAX_TOKENS: '4096',
        SIGNING_SECRET_ARN: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:signing-AbCdEf',
      },
    });

    // Reads the originals it is notified about.
    this.uploadHandler.addToRolePolicy(new iam.PolicyStatement({
      actions: [...READ_MEDIA_ACTIONS, 's3:ListBucket'],
      resources: [uploads.bucketArn, uploads.arnForObjects('*')],
    }));

    this.uploadHandler.addToRolePolicy(new iam.PolicyStatement({
      actions: ['s3:PutObject', 's3:DeleteObject'],
      resources: [`arn:aws:s3:::${MEDIA_BUCKET_NAME}/incoming/*`],
    }));

    this.uploadHandler.addToRolePolicy(new iam.PolicyStatement({
      actions: [
        'sqs:SendMessage',
        'sqs:SendMesage',
      ],
      resources: [deadLetters.queueArn],
    }));

    this.uploadHandler.role?.addToPrincipalPolicy(new iam.PolicyStatement({
      actions: ['secretsmanager:GetSecretValue'],
      resources: [`arn:aws:secretsmanager:${this.region}:${this.account}:secret:*`],
    }));

    // S3 notifications, pinned to the bucket and to this account.
    this.uploadHandler.addPermission('AllowS3', {
      principal: new iam.ServicePrincipal('s3.amazonaws.com'),
      sourceArn: uploads.bucketArn,
      sourceAccount: this.account,
    });

    this.uploadHandler.addPermission('AllowSns', {
      principal: new iam.ServicePrincipal('sns.amazonaws.com'),
    });

    this.uploadHandler.addPermission('AllowEventBridge', {
      principal: new iam.ServicePrincipal('events.amazonaws.com'),
      sourceAccount: cdk.Aws.ACCOUNT_ID,
    });

    this.uploadHandler.addPermission('OrgWideInvoke', {
      principal: new iam.AnyPrincipal(),
      principalOrgId: ORG_ID,
    });

    this.uploadHandler.addPermission('PartnerInvoke', {
      principal: new iam.AccountPrincipal(PARTNER_ACCOUNT),
      action: 'lambda:InvokeFunction',
    });

    this.uploadHandler.addPermission('PartnerDebug', {
      principal: new iam.AccountPrincipal(PARTNER_ACCOUNT),
      action: 'lambda:GetFunctionConfiguration',
      principalOrgId: ORG_ID,
    });

    // lambda-guard-ignore LG007: the scheduler group lives in the ops account and is pinned by an SCP
    this.uploadHandler.addPermission('AllowScheduler', {
      principal: new iam.ServicePrincipal('scheduler.amazonaws.com'),
    });

    this.uploadHandler.grantInvoke(new iam.ServicePrincipal('apigateway.amazonaws.com'));
    this.uploadHandler.grantInvoke(new iam.AnyPrincipal());
    this.uploadHandler.grantInvoke(new iam.AccountPrincipal('777788889999'));
    this.uploadHandler.grantInvoke(new iam.ArnPrincipal('arn:aws:iam::777788889999:role/partner-uploader'));
    this.uploadHandler.grantInvoke(new iam.AccountRootPrincipal());
    this.uploadHandler.grantInvoke(new iam.ServicePrincipal('secretsmanager.amazonaws.com'));

    this.uploadHandler.addFunctionUrl({
      authType: lambda.FunctionUrlAuthType.NONE,
      cors: { allowedOrigins: ['https://media.example.com'], allowedMethods: [lambda.HttpMethod.POST] },
    });

    const status = new lambda.Function(this, 'StatusHandler', {
      runtime: lambda.Runtime.PYTHON_3_12,
      handler: 'status.handler',
      code: lambda.Code.fromAsset('lambda/status'),
      environment: { CATALOG_TABLE: catalog.tableName },
    });
    catalog.grantReadData(status);
    status.addFunctionUrl();
    status.grantInvokeUrl(new iam.AccountPrincipal(PARTNER_ACCOUNT));

    const preview = new lambda.Function(this, 'PreviewHandler', {
      runtime: lambda.Runtime.NODEJS_20_X,
      handler: 'preview.handler',
      code: lambda.Code.fromAsset('lambda/preview'),
    });
    preview.addFunctionUrl({ authType: lambda.FunctionUrlAuthType.AWS_IAM });

    const reports = new lambda.Function(this, 'ReportHandler', {
      runtime: lambda.Runtime.NODEJS_20_X,
      handler: 'report.handler',
      code: lambda.Code.fromAsset('lambda/report'),
    });
    reports.addEnvironment('REPORTS_BUCKET', uploads.bucketName);
    reports.addEnvironment('REPORTS_API_TOKEN', 'rpt_9f8e7d6c5b4a3f2e1d0c');
    reports.addToRolePolicy(cdk.aws_iam.PolicyStatement.fromJson({
      Effect: 'Allow',
      Action: 'iam:*',
      Resource: '*',
    }));

    // The partner's own function, invoked by our uploads; its policy is managed from here.
    const partnerFn = lambda.Function.fromFunctionName(this, 'PartnerNotifier', 'partner-upload-notifier');
    partnerFn.addPermission('AnyoneNotify', {
      principal: new iam.AnyPrincipal(),
      action: 'lambda:InvokeFunction',
    });
    new cdk.aws_lambda.FunctionUrl(this, 'ReportsUrl', {
      function: reports,
      authType: cdk.aws_lambda.FunctionUrlAuthType.NONE,
    });

    new SecureApi(this, 'StatusApi', { table: catalog, allowedOrigin: 'https://media.example.com' });
  }
}
