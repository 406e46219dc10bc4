// Still deployed from the old CDK v1 pipeline; migrating it is tracked in MEDIA-412.
import * as cdk from '@aws-cdk/core';
import * as iam from '@aws-cdk/aws-iam';
import * as lambda from '@aws-cdk/aws-lambda';
import * as s3 from '@aws-cdk/aws-s3';

export class ArchiveStack extends cdk.Stack {
  constructor(scope: cdk.Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);

    const archive = new s3.Bucket(this, 'Archive', { versioned: true });

    const archiverRole = new iam.Role(this, 'ArchiverRole', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('PowerUserAccess')],
    });

    const archiver = new lambda.Function(this, 'Archiver', {
      runtime: lambda.Runtime.NODEJS_14_X,
      handler: 'index.handler',
      code: lambda.Code.fromAsset('lambda/archiver'),
      role: archiverRole,
      environment: {
        ARCHIVE_BUCKET: archive.bucketName,
        ARCHIVE_ENCRYPTION_KEY: 'k3y-m4t3r1al-0f-th3-4rch1v3',
      },
    });

    archiver.addToRolePolicy(new iam.PolicyStatement({
      effect: iam.Effect.ALLOW,
      actions: ['lambda:UpdateFunctionCode'],
      resources: ['arn:aws:lambda:*:*:function:*'],
    }));

    archiver.addToRolePolicy(new iam.PolicyStatement({
      actions: ['s3:*'],
      resources: [archive.bucketArn, archive.arnForObjects('*')],
    }));

    archiver.addPermission('PublicInvoke', {
      principal: new iam.AnyPrincipal(),
    });

    archiver.grantInvoke(new iam.ServicePrincipal('s3.amazonaws.com'));
  }
}
