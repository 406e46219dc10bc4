import * as cdk from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { AUDIT_ACCOUNT, PARTNER_ACCOUNT, PROD_ACCOUNT } from './config';

/** Roles used by the deployment pipeline, reporting jobs and partners. */
export class IamRolesStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);

    const pipelineRole = new iam.Role(this, 'PipelineRole', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: 'Runs the self-service function deployer',
      managedPolicies: [
        iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/AWSLambdaBasicExecutionRole'),
        iam.ManagedPolicy.fromAwsManagedPolicyName('AdministratorAccess'),
      ],
      inlinePolicies: {
        Deploy: new iam.PolicyDocument({
          statements: [
            new iam.PolicyStatement({
              actions: ['lambda:CreateFunction'],
              resources: ['*'],
            }),
            new iam.PolicyStatement({
              actions: ['iam:PassRole'],
              resources: ['*'],
            }),
          ],
        }),
      },
    });

    pipelineRole.addManagedPolicy(iam.ManagedPolicy.fromAwsManagedPolicyName('AmazonDynamoDBFullAccess'));
    pipelineRole.addManagedPolicy(iam.ManagedPolicy.fromManagedPolicyArn(this, 'IamFull', 'arn:aws:iam::aws:policy/IAMFullAccess'));
    pipelineRole.addManagedPolicy(iam.ManagedPolicy.fromManagedPolicyArn(this, 'TeamAdmin', `arn:aws:iam::${PROD_ACCOUNT}:policy/AdministratorAccess`));
    pipelineRole.addManagedPolicy(iam.ManagedPolicy.fromAwsManagedPolicyName('ReadOnlyAccess'));

    pipelineRole.addToPolicy(new iam.PolicyStatement({
      actions: ['secretsmanager:GetSecretValue'],
      resources: [`arn:aws:secretsmanager:${cdk.Aws.REGION}:${cdk.Aws.ACCOUNT_ID}:secret:media/*`],
    }));

    const passWorkers = new iam.PolicyStatement({
      actions: ['iam:PassRole'],
      resources: [`arn:aws:iam::${this.account}:role/media-workers/*`],
      conditions: {
        StringEquals: { 'iam:PassedToService': 'lambda.amazonaws.com' },
      },
    });
    const passAnything = new iam.PolicyStatement({
      actions: ['iam:PassRole'],
      resources: ['arn:aws:iam::*:role/*'],
      conditions: { StringLike: { 'iam:PassedToService': '*' } },
    });
    new iam.Policy(this, 'PassPolicy', { roles: [pipelineRole], statements: [passWorkers, passAnything] });

    new iam.ManagedPolicy(this, 'RoleAdminPolicy', {
      managedPolicyName: 'media-role-admin',
      roles: [pipelineRole],
      statements: [
        new iam.PolicyStatement({
          actions: [
            'iam:PutRolePolicy',
            'iam:AttachRolePolicy',
            'iam:GetRole',
          ],
          resources: ['arn:aws:iam::*:role/*'],
        }),
      ],
    });

    const reportingDoc = iam.PolicyDocument.fromJson({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: ['ssm:GetParametersByPath', 'ssm:DescribeParameters'],
          Resource: '*',
        },
        {
          Effect: 'Allow',
          Action: 'logs:Describe*',
          Resource: '*',
        },
      ],
    });
    new iam.Role(this, 'ReportingRole', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      inlinePolicies: { Reporting: reportingDoc },
    });

    new iam.Role(this, 'PartnerReadRole', {
      assumedBy: new iam.AccountPrincipal(PARTNER_ACCOUNT),
      description: 'Partner pulls finished renditions',
    });

    new iam.Role(this, 'AuditRole', {
      assumedBy: new iam.AccountPrincipal(AUDIT_ACCOUNT).withConditions({
        StringEquals: { 'sts:ExternalId': 'audit-7781' },
      }),
    });

    new iam.Role(this, 'VendorSyncRole', {
      assumedBy: new iam.ArnPrincipal(`arn:aws:iam::${PARTNER_ACCOUNT}:role/vendor-sync`),
      externalIds: ['vendor-sync-2291'],
    });

    new iam.Role(this, 'CiDeployRole', {
      assumedBy: new iam.CompositePrincipal(
        new iam.ServicePrincipal('codebuild.amazonaws.com'),
        new iam.ArnPrincipal('arn:aws:iam::999988887777:role/github-actions'),
      ),
    });

    new iam.Role(this, 'SelfServiceRole', {
      assumedBy: new iam.AccountRootPrincipal(),
      roleName: 'media-self-service',
    });
  }
}
