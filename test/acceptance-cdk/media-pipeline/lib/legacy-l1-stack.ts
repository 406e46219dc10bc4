import * as cdk from 'aws-cdk-lib';
import { CfnPolicy, CfnRole } from 'aws-cdk-lib/aws-iam';
import { CfnFunction, CfnPermission, CfnUrl } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { PARTNER_ACCOUNT } from './config';

/** The exporter ported 1:1 from the old CloudFormation template, hence L1 constructs. */
export class LegacyL1Stack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);

    const role = new CfnRole(this, 'LegacyRole', {
      assumeRolePolicyDocument: {
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { Service: 'lambda.amazonaws.com' },
            Action: 'sts:AssumeRole',
          },
        ],
      },
      managedPolicyArns: [
        'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole',
        'arn:aws:iam::aws:policy/AmazonS3FullAccess',
      ],
      policies: [
        {
          policyName: 'catalog',
          policyDocument: {
            Version: '2012-10-17',
            Statement: [
              {
                Effect: 'Allow',
                Action: ['dynamodb:GetItem', 'dynamodb:PutItem'],
                Resource: 'arn:aws:dynamodb:eu-west-1:123456789012:table/legacy-catalog',
              },
              {
                Effect: 'Allow',
                Action: 'ssm:GetParameter',
                Resource: 'arn:aws:ssm:eu-west-1:123456789012:parameter/*',
              },
            ],
          },
        },
      ],
    });

    new CfnRole(this, 'CrossAccountRole', {
      assumeRolePolicyDocument: {
        Statement: [
          {
            Effect: 'Allow',
            Principal: { AWS: `arn:aws:iam::${PARTNER_ACCOUNT}:root` },
            Action: 'sts:AssumeRole',
          },
          {
            Effect: 'Allow',
            Principal: { AWS: '*' },
            Action: 'sts:AssumeRole',
            Condition: { StringEquals: { 'sts:ExternalId': 'legacy-sync' } },
          },
          {
            Effect: 'Allow',
            Principal: { AWS: `arn:aws:iam::${cdk.Aws.ACCOUNT_ID}:root` },
            Action: 'sts:AssumeRole',
          },
        ],
      },
    });

    new CfnPolicy(this, 'LegacyKmsPolicy', {
      policyName: 'legacy-kms',
      roles: [role.ref],
      policyDocument: {
        Statement: [
          {
            Effect: 'Allow',
            Action: ['kms:Decrypt'],
            Resource: '*',
          },
        ],
      },
    });

    const fn = new CfnFunction(this, 'LegacyExporter', {
      role: role.attrArn,
      runtime: 'python3.12',
      handler: 'index.handler',
      code: { zipFile: 'def handler(event, context):\n    return {"ok": True}\n' },
      environment: {
        variables: {
          EXPORT_BUCKET: 'acme-legacy-exports',
          SFTP_PASSWORD: 'Tr1ckyP@ss',
          PARTNER_API_KEY: '${PARTNER_API_KEY}',
          LEGACY_UPLOAD_CREDS: 'AKIA2OGYBAH6TXK4QR7N',
        },
      },
    });

    new CfnUrl(this, 'LegacyExporterUrl', {
      targetFunctionArn: fn.attrArn,
      authType: 'NONE',
    });

    new CfnPermission(this, 'LegacyExporterPublicUrl', {
      action: 'lambda:InvokeFunctionUrl',
      functionName: fn.ref,
      principal: '*',
      functionUrlAuthType: 'NONE',
    });

    new CfnPermission(this, 'LegacyBucketInvoke', {
      action: 'lambda:InvokeFunction',
      functionName: fn.ref,
      principal: 's3.amazonaws.com',
    });

    new CfnPermission(this, 'LegacyRuleInvoke', {
      action: 'lambda:InvokeFunction',
      functionName: fn.attrArn,
      principal: 'events.amazonaws.com',
      sourceArn: `arn:aws:events:${this.region}:${this.account}:rule/legacy-nightly`,
    });

    new CfnPermission(this, 'LegacyAnyInAccount', {
      action: 'lambda:InvokeFunction',
      functionName: fn.ref,
      principal: '*',
      sourceAccount: cdk.Aws.ACCOUNT_ID,
    });

    new CfnPermission(this, 'LegacyOpsAccess', {
      action: 'lambda:*',
      functionName: fn.ref,
      principal: this.account,
    });

    const internalUrl = new CfnUrl(this, 'LegacyInternalUrl', {
      targetFunctionArn: fn.attrArn,
      qualifier: 'live',
      authType: 'AWS_IAM',
    });
    new cdk.CfnOutput(this, 'InternalUrl', { value: internalUrl.attrFunctionUrl });
  }
}
