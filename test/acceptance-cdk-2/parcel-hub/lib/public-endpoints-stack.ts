import * as cdk from 'aws-cdk-lib';
import { aws_lambda as lambda, aws_s3 as s3, aws_apigateway as apigw } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { AUDIT_ACCOUNT_ID, CARRIER_ACCOUNT_ID, ORG_ID } from './constants';
import { WebhookReceiver } from './constructs/webhook-receiver';

export interface PublicEndpointsStackProps extends cdk.StackProps {
  readonly stage: string;
}

export class PublicEndpointsStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props: PublicEndpointsStackProps) {
    super(scope, id, props);

    const statusFn = new lambda.Function(this, 'Status', {
      runtime: lambda.Runtime.NODEJS_20_X,
      handler: 'status.handler',
      code: lambda.Code.fromAsset('services/status'),
    });
    new lambda.FunctionUrl(this, 'StatusUrl', {
      function: statusFn,
      authType: lambda.FunctionUrlAuthType.NONE,
    });
    statusFn.addPermission('HealthChecks', {
      // lambda-guard-ignore LG006: status page is public by design and returns no data
      principal: new iam.AnyPrincipal(),
      action: 'lambda:InvokeFunction',
    });

    const quoteFn = new lambda.Function(this, 'Quote', {
      runtime: lambda.Runtime.NODEJS_20_X,
      handler: 'quote.handler',
      code: lambda.Code.fromAsset('services/quote'),
      environment: { STAGE: props.stage, RATE_CARD_KEY: 'rate-cards/2024-q4.json' },
    });
    const quoteLive = new lambda.Alias(this, 'QuoteLive', { aliasName: 'live', version: quoteFn.currentVersion });
    quoteLive.addFunctionUrl({ authType: lambda.FunctionUrlAuthType.NONE });
    quoteFn.addPermission('QuotePublicUrl', {
      principal: new iam.AnyPrincipal(),
      action: 'lambda:InvokeFunctionUrl',
      functionUrlAuthType: lambda.FunctionUrlAuthType.NONE,
    });
    quoteFn.addPermission('QuoteIamUrl', {
      principal: new iam.AnyPrincipal(),
      action: 'lambda:InvokeFunctionUrl',
      functionUrlAuthType: lambda.FunctionUrlAuthType.AWS_IAM,
    });
    quoteFn.addPermission('QuoteWildcardSource', {
      principal: new iam.AnyPrincipal(),
      sourceArn: '*',
    });
    quoteFn.addPermission('QuoteFromOrg', {
      principal: new iam.AnyPrincipal(),
      principalOrgId: ORG_ID,
    });
    quoteFn.addPermission('QuoteOrgPrincipal', {
      principal: new iam.OrganizationPrincipal(ORG_ID),
    });
    quoteFn.grantInvoke(new iam.AnyPrincipal());

    const carrierFn = new lambda.Function(this, 'CarrierCallback', {
      runtime: lambda.Runtime.PYTHON_3_12,
      handler: 'callback.handler',
      code: lambda.Code.fromAsset('services/carrier-callback'),
    });
    carrierFn.grantInvoke(new iam.AccountPrincipal('210987654321'));
    carrierFn.addPermission('CarrierViaOrg', {
      principal: new iam.AccountPrincipal(CARRIER_ACCOUNT_ID),
      principalOrgId: ORG_ID,
    });
    carrierFn.addPermission('AuditorInvoke', {
      principal: new iam.ArnPrincipal(`arn:aws:iam::${AUDIT_ACCOUNT_ID}:role/auditor`),
    });
    carrierFn.addPermission('AuditorDescribe', {
      principal: new iam.AccountPrincipal(AUDIT_ACCOUNT_ID),
      action: 'lambda:GetFunctionConfiguration',
    });
    carrierFn.addPermission('OwnAccount', {
      principal: new iam.AccountRootPrincipal(),
      action: 'lambda:InvokeFunction',
    });

    const api = new apigw.RestApi(this, 'CarrierApi', { deployOptions: { stageName: props.stage } });
    carrierFn.addPermission('ApiInvoke', {
      principal: new iam.ServicePrincipal('apigateway.amazonaws.com'),
      sourceArn: api.arnForExecuteApi('POST', '/callback'),
    });
    carrierFn.addPermission('ScheduledPoll', {
      principal: new iam.ServicePrincipal('scheduler.amazonaws.com'),
    });
    const archive = s3.Bucket.fromBucketName(this, 'Archive', 'parcel-hub-carrier-archive');
    carrierFn.addPermission('ArchiveUploads', {
      principal: new iam.ServicePrincipal('s3.amazonaws.com').withConditions({
        ArnLike: { 'aws:SourceArn': archive.bucketArn },
      }),
    });
    carrierFn.grantInvoke(new iam.ServicePrincipal('iot.amazonaws.com'));
    carrierFn.grantInvokeCompositePrincipal(new iam.CompositePrincipal(
      new iam.ServicePrincipal('sns.amazonaws.com'),
      new iam.AccountPrincipal(AUDIT_ACCOUNT_ID),
    ));
    carrierFn.addPermission('CognitoTrigger', {
      principal: new iam.ServicePrincipal('cognito-idp.amazonaws.com'),
      action: 'lambda:InvokeFunction',
      sourceAccount: cdk.Aws.ACCOUNT_ID,
    });
    // lambda-guard-ignore LG007: Route 53 health checks cannot be pinned with SourceArn
    carrierFn.grantInvoke(new iam.ServicePrincipal('route53.amazonaws.com'));

    const invoker = new iam.Role(this, 'PartnerInvoker', {
      assumedBy: new iam.AccountPrincipal(CARRIER_ACCOUNT_ID).withConditions({
        StringEquals: { 'sts:ExternalId': 'swiftline-callback-22' },
      }),
    });
    carrierFn.grantInvoke(invoker);
    statusFn.grantInvokeUrl(invoker);

    new WebhookReceiver(this, 'SwiftlineHook', {
      codePath: 'services/webhooks/swiftline',
      signingSecretName: 'parcel-hub/swiftline-hmac',
      targetService: 'sqs',
      targetActions: ['sqs:SendMessage'],
      targetArns: [`arn:aws:sqs:${this.region}:${this.account}:carrier-events`],
      extraEnvironment: { CARRIER: 'swiftline' },
    });
  }
}
