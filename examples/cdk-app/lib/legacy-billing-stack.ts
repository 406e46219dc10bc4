import * as cdk from 'aws-cdk-lib';
import { Construct } from 'constructs';

/**
 * The billing job as it was first written, with L1 (Cfn*) resources copied from a CloudFormation
 * template. Kept to show that L1 constructs are checked like their template counterparts.
 */
export class LegacyBillingStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);

    const role = new cdk.aws_iam.CfnRole(this, 'BillingRole', {
      assumeRolePolicyDocument: {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
      },
      policies: [
        {
          policyName: 'BillingAll',
          policyDocument: {
            Version: '2012-10-17',
            Statement: [
              { Effect: 'Allow', Action: '*', Resource: '*' },
              { Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: 'arn:aws:logs:*:*:log-group:/aws/lambda/billing*' },
            ],
          },
        },
      ],
    });

    const fn = new cdk.aws_lambda.CfnFunction(this, 'BillingFunction', {
      runtime: 'python3.12',
      handler: 'index.handler',
      role: role.attrArn,
      code: { zipFile: 'def handler(event, context):\n    return {}\n' },
      environment: {
        variables: {
          LEDGER_API_TOKEN: 'ledger-prod-7f3a9c2e',
          LEDGER_URL: 'https://ledger.example.com',
        },
      },
    });

    new cdk.aws_lambda.CfnUrl(this, 'BillingUrl', {
      targetFunctionArn: fn.attrArn,
      authType: 'NONE',
    });

    new cdk.aws_lambda.CfnPermission(this, 'BillingPublicInvoke', {
      action: 'lambda:InvokeFunctionUrl',
      functionName: fn.ref,
      principal: '*',
      functionUrlAuthType: 'NONE',
    });

    new cdk.aws_lambda.CfnPermission(this, 'BillingSchedulerConfig', {
      action: 'lambda:UpdateFunctionConfiguration',
      functionName: fn.ref,
      principal: 'events.amazonaws.com',
      sourceArn: `arn:aws:events:${this.region}:${this.account}:rule/billing-nightly`,
    });
  }
}
