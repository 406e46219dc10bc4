import * as cdk from 'aws-cdk-lib';
import { CfnManagedPolicy, CfnPolicy, CfnRole } from 'aws-cdk-lib/aws-iam';
import { CfnFunction, CfnPermission, CfnUrl } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';

/**
 * The pre-CDK bridge to the old warehouse system, ported 1:1 from its CloudFormation template
 * (hence the L1 constructs). Scheduled for removal in Q3.
 */
export class LegacyBridgeStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);

    const bridgeRole = new CfnRole(this, 'BridgeRole', {
      assumeRolePolicyDocument: {
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { Service: 'lambda.amazonaws.com' },
            Action: 'sts:AssumeRole',
          },
          {
            Effect: 'Allow',
            Principal: { AWS: 'arn:aws:iam::444455556666:root' },
            Action: 'sts:AssumeRole',
          },
          {
            Effect: 'Allow',
            Principal: { AWS: `arn:aws:iam::${cdk.Aws.ACCOUNT_ID}:root` },
            Action: 'sts:AssumeRole',
          },
        ],
      },
      managedPolicyArns: [
        'arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole',
        `arn:${cdk.Aws.PARTITION}:iam::aws:policy/AmazonS3FullAccess`,
      ],
      policies: [
        {
          policyName: 'bridge-runtime',
          policyDocument: {
            Version: '2012-10-17',
            Statement: [
              {
                Effect: 'Allow',
                Action: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'],
                Resource: '*',
              },
              {
                Effect: 'Allow',
                Action: 'ssm:GetParameter*',
                Resource: 'arn:aws:ssm:*:*:parameter/*',
              },
              {
                Effect: 'Allow',
                Action: [
                  'S3:getobject',
                  'dynamo:GetItem',
                ],
                Resource: 'arn:aws:s3:::warehouse-exports/*',
              },
              {
                Effect: 'Allow',
                Action: ['ec2:CreateNetworkInterface', 'ec2:DescribeNetworkInterfaces', 'ec2:DeleteNetworkInterface'],
                Resource: '*',
              },
            ],
          },
        },
      ],
    });

    new CfnPolicy(this, 'BridgeEmergencyPolicy', {
      policyName: 'bridge-emergency',
      roles: [bridgeRole.ref],
      policyDocument: {
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Action: '*',
            Resource: '*',
          },
        ],
      },
    });

    new CfnManagedPolicy(this, 'BridgeArchiveCleanup', {
      roles: [bridgeRole.ref],
      policyDocument: {
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Action: 's3:DeleteObject',
            NotResource: 'arn:aws:s3:::warehouse-audit/*',
          },
          {
            Effect: 'Deny',
            Action: 's3:*',
            NotResource: ['arn:aws:s3:::warehouse-exports', 'arn:aws:s3:::warehouse-exports/*'],
          },
        ],
      },
    });

    const bridgeFn = new CfnFunction(this, 'BridgeFunction', {
      runtime: 'python3.12',
      handler: 'bridge.handler',
      role: bridgeRole.attrArn,
      code: { s3Bucket: 'parcel-hub-artifacts', s3Key: 'legacy/bridge-1.8.3.zip' },
      environment: {
        variables: {
          WAREHOUSE_DB_HOST: 'wh-db.internal.parcelhub.example',
          WAREHOUSE_DB_USER: 'bridge_app',
          WAREHOUSE_DB_PASSWORD: 'Tr0ub4dor&3-bridge',
          WAREHOUSE_DB_PASSWORD_PARAMETER: '/legacy/warehouse/db-password',
          FTP_PASSWD: '<set-in-console>',
        },
      },
    });

    new CfnPermission(this, 'BridgePublicInvoke', {
      action: 'lambda:InvokeFunction',
      functionName: bridgeFn.ref,
      principal: '*',
    });
    new CfnPermission(this, 'BridgeFromTopic', {
      action: 'lambda:InvokeFunction',
      functionName: bridgeFn.ref,
      principal: 'sns.amazonaws.com',
      sourceArn: `arn:aws:sns:${this.region}:${this.account}:warehouse-events`,
    });
    new CfnPermission(this, 'BridgeFromRule', {
      action: 'lambda:*',
      functionName: bridgeFn.ref,
      principal: 'events.amazonaws.com',
      sourceArn: `arn:aws:events:${this.region}:${this.account}:rule/warehouse-sync`,
    });
    new CfnPermission(this, 'BridgeFromApi', {
      action: 'lambda:InvokeFuntion',
      functionName: bridgeFn.attrArn,
      principal: 'apigateway.amazonaws.com',
      sourceArn: `arn:aws:execute-api:${this.region}:${this.account}:a1b2c3d4e5/*/POST/bridge`,
    });
    new CfnPermission(this, 'BridgeLogSubscription', {
      action: 'lambda:InvokeFunction',
      functionName: bridgeFn.ref,
      principal: 'logs.amazonaws.com',
    });
    new CfnPermission(this, 'BridgeRotation', {
      action: 'lambda:InvokeFunction',
      functionName: bridgeFn.ref,
      principal: 'secretsmanager.amazonaws.com',
    });
    new CfnPermission(this, 'BridgeAlexa', {
      action: 'lambda:InvokeFunction',
      functionName: bridgeFn.ref,
      principal: 'alexa-appkit.amazon.com',
      eventSourceToken: 'amzn1.ask.skill.4f1c9e2a-7b3d-4e6f-9a0b-1c2d3e4f5a6b',
    });

    new CfnUrl(this, 'BridgeUrl', {
      targetFunctionArn: bridgeFn.attrArn,
      authType: 'NONE',
    });
    new CfnUrl(this, 'BridgeAdminUrl', {
      targetFunctionArn: bridgeFn.attrArn,
      authType: 'AWS_IAM',
      qualifier: 'live',
    });
  }
}
