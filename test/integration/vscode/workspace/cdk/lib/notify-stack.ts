import { Stack, StackProps } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import * as iam from 'aws-cdk-lib/aws-iam';
import { aws_lambda as lambda } from 'aws-cdk-lib';

const READ_ACTIONS = ['s3:GetObject'];

export class NotifyStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    const fn = new lambda.Function(this, 'Notify', {
      runtime: lambda.Runtime.NODEJS_20_X,
      handler: 'index.handler',
      code: lambda.Code.fromAsset('src'),
    });
    fn.addToRolePolicy(new iam.PolicyStatement({
      actions: [...READ_ACTIONS, 'sqs:*'],
      resources: ['*'],
    }));
    fn.addPermission('FromTopic', {
      principal: new iam.ServicePrincipal('sns.amazonaws.com'),
    });
    fn.addFunctionUrl({ authType: lambda.FunctionUrlAuthType.NONE });
  }
}
