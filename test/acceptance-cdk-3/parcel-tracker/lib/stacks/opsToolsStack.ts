import * as cdk from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { tableMaintenanceStatement } from '../constructs/policyLibrary';
import { TrackedFunction } from '../constructs/trackedFunction';

/** Switches reviewed by the platform team. */
const Guardrails = {
  denyIamWrites: true,
  allowSelfDeploy: false,
} as const;

enum OpsAction {
  RedeployCode = 'lambda:UpdateFunctionCode',
  Retune = 'lambda:UpdateFunctionConfiguration',
  SpawnWorker = 'lambda:CreateFunction',
}

export class OpsToolsStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);
    const functionArn = (name: string) => `arn:aws:lambda:${this.region}:${this.account}:function:${name}`;

    // Deployer: rolls out every service of the account.
    const deployer = new TrackedFunction(this, 'Deployer', { service: 'deployer', memorySize: 512 });
    deployer.fn.addToRolePolicy(new iam.PolicyStatement({
      sid: 'RolloutCode',
      actions: [OpsAction.RedeployCode, 'lambda:PublishVersion'],
      resources: [functionArn('*')],
    }));
    deployer.fn.addToRolePolicy(new iam.PolicyStatement({
      sid: 'RetuneParcelFunctions',
      actions: [OpsAction.Retune],
      resources: [functionArn('parcel-*')],
    }));
    const selfDeployScope = Guardrails.allowSelfDeploy ? '*' : functionArn('parcel-deployer');
    deployer.fn.addToRolePolicy(new iam.PolicyStatement({
      actions: ['lambda:UpdateFunctionCode'],
      resources: [selfDeployScope],
    }));

    // Worker factory: creates short-lived workers under the worker roles.
    const workerFactory = new TrackedFunction(this, 'WorkerFactory', { service: 'worker-factory' });
    workerFactory.fn.addToRolePolicy(new iam.PolicyStatement({
      actions: [OpsAction.SpawnWorker, 'lambda:TagResource'],
      resources: ['*'],
    }));
    workerFactory.fn.addToRolePolicy(new iam.PolicyStatement({
      actions: ['iam:PassRole'],
      resources: [`arn:aws:iam::${this.account}:role/parcel-worker-*`],
    }));

    // Sandbox builder: same idea, but confined to sandbox functions and Lambda.
    const sandbox = new TrackedFunction(this, 'SandboxBuilder', { service: 'sandbox-builder' });
    sandbox.fn.addToRolePolicy(new iam.PolicyStatement({
      actions: ['lambda:CreateFunction', 'lambda:DeleteFunction'],
      resources: [functionArn('sandbox-*')],
    }));
    sandbox.fn.addToRolePolicy(new iam.PolicyStatement({
      actions: ['iam:PassRole'],
      resources: [`arn:aws:iam::${this.account}:role/sandbox-*`],
      conditions: { StringEquals: { 'iam:PassedToService': 'lambda.amazonaws.com' } },
    }));

    // Janitor: repairs role policies and sweeps expired rows.
    const janitor = new TrackedFunction(this, 'Janitor', { service: 'janitor' });
    janitor.fn.addToRolePolicy(new iam.PolicyStatement({
      actions: [
        'iam:Put*',
        'iam:DeleteRolePolicy',
      ],
      resources: [`arn:aws:iam::${this.account}:role/*`],
    }));
    janitor.fn.addToRolePolicy(new iam.PolicyStatement({
      actions: ['iam:PassRole'],
      resources: [`arn:aws:iam::${this.account}:role/parcel-*`],
      conditions: { StringNotEquals: { 'iam:PassedToService': 'ec2.amazonaws.com' } },
    }));
    janitor.fn.addToRolePolicy(new iam.PolicyStatement({
      effect: Guardrails.denyIamWrites ? iam.Effect.DENY : iam.Effect.ALLOW,
      actions: ['iam:*'],
      resources: ['*'],
    }));
    janitor.fn.addToRolePolicy(new iam.PolicyStatement({
      effect: iam.Effect.DENY,
      actions: ['s3:DeleteObject', 's3:PutObject'],
      notResources: ['arn:aws:s3:::parcel-scratch/*'],
    }));
    janitor.fn.addToRolePolicy(tableMaintenanceStatement(`arn:aws:dynamodb:${this.region}:${this.account}:table/parcels`));
    janitor.allowTableWrite('parcels', '*');

    // Reporter: publishes operational metrics and snapshots.
    const reporter = new TrackedFunction(this, 'OpsReporter', { service: 'ops-reporter' });
    reporter.fn.addToRolePolicy(new iam.PolicyStatement({
      actions: [
        'cloudwatch:PutMetricsData',
        'S3:getobject',
        'dynamodb:BatchWriteItems',
        'lamda:InvokeFunction',
        'sns:PublishTopic*',
        'Kinesis:PutRecord',
      ],
      resources: [
        'arn:aws:s3:::parcel-reports/*',
        `arn:aws:dynamodb:${this.region}:${this.account}:table/parcels`,
        functionArn('parcel-notifier'),
        `arn:aws:kinesis:${this.region}:${this.account}:stream/parcel-events`,
      ],
    }));
    reporter.fn.addToRolePolicy(new iam.PolicyStatement({
      effect: iam.Effect.DENY,
      actions: ['iam:DeleteRolePolicies', 'iam:DeleteRole'],
      resources: ['*'],
    }));
    // lambda-guard-ignore LG001: one queue per carrier, created at run time
    reporter.fn.addToRolePolicy(new iam.PolicyStatement({
      actions: ['sqs:SendMessage', 'sqs:DeleteMessage'],
      resources: ['*'],
    }));

    // lambda-guard-ignore LG001: break-glass automation, reviewed every quarter
    new iam.Role(this, 'BreakGlassAutomation', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      inlinePolicies: {
        everything: new iam.PolicyDocument({
          statements: [new iam.PolicyStatement({
            actions: ['*'],
            resources: ['*'],
          })],
        }),
      },
    });

    new iam.ManagedPolicy(this, 'MaintenanceWindow', {
      description: 'Attached by hand during maintenance windows',
      statements: [
        new iam.PolicyStatement({
          notActions: ['iam:*', 'organizations:*', 'account:*'],
          resources: ['*'],
        }),
        new iam.PolicyStatement({
          actions: ['s3:DeleteObject', 's3:DeleteObjectVersion'],
          notResources: ['arn:aws:s3:::parcel-audit-trail/*'],
        }),
      ],
    });

    // Drop zone shared with the carriers.
    const drops = new s3.Bucket(this, 'CarrierDrops', { enforceSSL: true });
    drops.addToResourcePolicy(new iam.PolicyStatement({
      actions: ['s3:PutObject'],
      principals: [new iam.AccountPrincipal('111122223333')],
      resources: [drops.arnForObjects('incoming/northwind/*')],
    }));
    drops.addToResourcePolicy(new iam.PolicyStatement({
      actions: ['s3:GetObject'],
      principals: [new iam.AnyPrincipal()],
      resources: [drops.arnForObjects('public/*')],
    }));
    drops.addToResourcePolicy(new iam.PolicyStatement({
      actions: ['s3:GetObject'],
      principals: [new iam.AnyPrincipal()],
      resources: [drops.arnForObjects('internal/*')],
      conditions: { StringEquals: { 'aws:SourceVpce': 'vpce-0a1b2c3d4e5f67890' } },
    }));

    const handoff = new sqs.Queue(this, 'HandoffQueue');
    handoff.addToResourcePolicy(new iam.PolicyStatement({
      actions: ['sqs:*'],
      principals: [new iam.ArnPrincipal(`arn:aws:iam::${this.account}:role/parcel-handoff`)],
      resources: [handoff.queueArn],
    }));
    handoff.addToResourcePolicy(new iam.PolicyStatement({
      effect: iam.Effect.ALLOW,
      actions: ['sqs:SendMessage'],
      notPrincipals: [new iam.ArnPrincipal('arn:aws:iam::123456789012:role/quarantine')],
      resources: [handoff.queueArn],
    }));

    // Pager: forwards alarms to the on-call tools.
    new lambda.Function(this, 'Pager', {
      runtime: lambda.Runtime.PYTHON_3_12,
      handler: 'pager.handler',
      code: lambda.Code.fromAsset('services/pager'),
      environment: {
        SLACK_BOT_TOKEN: 'xoxb-2840193847-5501928374-Zq8vWm3KpL0tRy7uHs2dNc4e',
        /* lambda-guard-ignore LG014: read-only token for the public status repository */
        GITHUB_TOKEN: 'ghp_7Kq2mZ9xW4vB8nL1pR5tY3cF6hJ0dS2aG9eU',
        OPS_DB_USER: 'pager',
        ENCRYPTION_KEY_ID: 'alias/parcel-pager',
        smtpPassword: 'Pager#Mail9',
        WEBHOOK_SIGNING_PEM: '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\n-----END PRIVATE KEY-----',
        ARCHIVE_ACCESS_KEY_ID: 'AKIAZ3MHXQ7TLP2KD4WN',
      },
    });
  }
}
