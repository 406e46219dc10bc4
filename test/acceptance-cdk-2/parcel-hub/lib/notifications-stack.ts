import { ArnFormat, Duration, SecretValue, Stack, StackProps } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { PythonFunction } from '@aws-cdk/aws-lambda-python-alpha';
import { S3EventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3n from 'aws-cdk-lib/aws-s3-notifications';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subs from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';

const NOTIFY_SERVICE = 'ses';
const SLACK_TOKEN_PREFIX = 'xoxb';
const PASS_TO_LAMBDA = { StringEquals: { 'iam:PassedToService': 'lambda.amazonaws.com' } };
const PUBLIC_URL = lambda.FunctionUrlAuthType.NONE;
const ANY_LAMBDA_ACTION = 'lambda:*';
const EVERY_TOPIC = ['*'];
const GUARD = iam.Effect.DENY;

/** Full control of the templates bucket; shared by the sender and the renderer. */
function templatesAdmin(bucketArn: string): iam.PolicyStatement {
  return new iam.PolicyStatement({
    actions: ['s3:*'],
    resources: [bucketArn, `${bucketArn}/*`],
  });
}

export class NotificationsStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);

    const templates = new s3.Bucket(this, 'Templates', { enforceSSL: true });
    const outbound = new sns.Topic(this, 'Outbound');

    const sender = new PythonFunction(this, 'Sender', {
      entry: 'services/sender',
      index: 'main.py',
      runtime: lambda.Runtime.PYTHON_3_12,
      timeout: Duration.seconds(30),
      environment: {
        'SLACK_BOT_TOKEN': `${SLACK_TOKEN_PREFIX}-2841739261-7420184472311-Qm3vT8xKpL2sWn9dRf4hYc6B`,
        'TWILIO_AUTH_TOKEN': SecretValue.unsafePlainText('9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d').unsafeUnwrap(),
        SENDGRID_API_KEY: SecretValue.secretsManager('parcel-hub/sendgrid').unsafeUnwrap(),
        TEMPLATES_BUCKET: templates.bucketName,
      },
    });
    sender.addToRolePolicy(templatesAdmin(templates.bucketArn));
    sender.addToRolePolicy(new iam.PolicyStatement({
      actions: [`${NOTIFY_SERVICE}:*`],
      resources: [this.formatArn({ service: 'ses', resource: 'identity', resourceName: 'parcelhub.example' })],
    }));
    iam.Grant.addToPrincipal({
      grantee: sender,
      actions: ['ssm:GetParameter', 'ssm:GetParameters'],
      resourceArns: ['*'],
    });
    sender.addToRolePolicy(new iam.PolicyStatement({
      actions: ['secretsmanager:GetSecretValue'],
      resources: [this.formatArn({
        service: 'secretsmanager',
        resource: 'secret',
        resourceName: '*',
        arnFormat: ArnFormat.COLON_RESOURCE_NAME,
      })],
    }));
    sender.addToRolePolicy(new iam.PolicyStatement({
      actions: ['iam:PassRole'],
      resources: ['*'],
      conditions: PASS_TO_LAMBDA,
    }));
    sender.addToRolePolicy(new iam.PolicyStatement({
      actions: ['iam:PassRole'],
      resources: ['*'],
      conditions: { StringLike: { 'iam:PassedToService': '*' } },
    }));
    sender.addToRolePolicy(new iam.PolicyStatement({
      actions: ['sns:Publish'],
      resources: EVERY_TOPIC,
    }));
    sender.addToRolePolicy(new iam.PolicyStatement({
      actions: [
        's3:HeadBucket',
        's3:Frobnicate*',
        's3GetObject',
      ],
      resources: [templates.arnForObjects('*')],
    }));
    sender.addToRolePolicy(new iam.PolicyStatement({
      actions: ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream'],
      resources: [`arn:aws:bedrock:${this.region}::foundation-model/anthropic.claude-3-haiku-20240307-v1:0`],
    }));
    sender.addToRolePolicy(new iam.PolicyStatement({
      effect: GUARD,
      actions: ['kms:*'],
      resources: ['*'],
    }));
    sender.addToRolePolicy(new iam.PolicyStatement({
      actions: ['sns:Publish'],
      notResources: [outbound.topicArn],
    }));

    const live = sender.addAlias('live');
    live.addPermission('SesReceipt', {
      principal: new iam.ServicePrincipal('ses.amazonaws.com'),
    });
    sender.addPermission('TemplatesUpload', {
      principal: new iam.ServicePrincipal('s3.amazonaws.com', {
        conditions: { ArnLike: { 'aws:SourceArn': templates.bucketArn } },
      }),
    });
    sender.addPermission('Everyone', {
      principal: new iam.ArnPrincipal('*'),
    });
    new lambda.CfnPermission(this, 'OpsAccountManage', {
      action: ANY_LAMBDA_ACTION,
      functionName: sender.functionName,
      principal: '888899990000',
    });
    new lambda.CfnUrl(this, 'SenderUrl', {
      targetFunctionArn: sender.functionArn,
      authType: lambda.FunctionUrlAuthType.NONE,
    });

    const unsubscribe = new lambda.Function(this, 'Unsubscribe', {
      runtime: lambda.Runtime.NODEJS_20_X,
      handler: 'index.handler',
      code: lambda.Code.fromAsset('services/unsubscribe'),
      environment: {
        UNSUBSCRIBE_SIGNING_KEY: 'k3Y-9dF2mQ7xLp4vT8wR1zB6nC0sH5jA',
        ADMIN_PASSWORD: 'changeme',
        WEBHOOK_TOKEN: 'TODO',
        CACHE_KEY: 'unsubscribe-v2',
      },
    });
    unsubscribe.addFunctionUrl({ authType: PUBLIC_URL });

    sender.addEventSource(new S3EventSource(templates, { events: [s3.EventType.OBJECT_CREATED] }));
    outbound.addSubscription(new subs.LambdaSubscription(sender));
    templates.addEventNotification(s3.EventType.OBJECT_REMOVED, new s3n.LambdaDestination(unsubscribe));

    const bounceRole = new iam.Role(this, 'BounceProcessor', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
    });
    bounceRole.assumeRolePolicy?.addStatements(new iam.PolicyStatement({
      principals: [new iam.AccountPrincipal('555566667777')],
      actions: ['sts:AssumeRole'],
    }));
    bounceRole.addManagedPolicy(iam.ManagedPolicy.fromAwsManagedPolicyName('AWSLambda_FullAccess'));
    bounceRole.addToPrincipalPolicy(iam.PolicyStatement.fromJson({
      Effect: 'Allow',
      NotAction: 'iam:*',
      Resource: '*',
    }));
    new iam.ManagedPolicy(this, 'NotificationOps', {
      roles: [bounceRole],
      statements: [
        new iam.PolicyStatement({
          actions: ['lambda:*'],
          resources: ['*'],
        }),
      ],
    });

    new iam.Role(this, 'GithubOidc', {
      assumedBy: new iam.WebIdentityPrincipal('arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com', {
        StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:parcel-hub/*' },
      }),
    });
    // lambda-guard-ignore LG010: vendor account is pinned by an SCP; ExternalId is issued per session
    new iam.Role(this, 'VendorAudit', {
      assumedBy: new iam.AccountPrincipal('777788889999'),
      managedPolicies: [iam.ManagedPolicy.fromManagedPolicyName(this, 'VendorPolicy', 'AdministratorAccess')],
    });
  }
}
