import { Stack, StackProps, Aws } from 'aws-cdk-lib';
import {
  AccountPrincipal,
  AccountRootPrincipal,
  AnyPrincipal,
  ArnPrincipal,
  CompositePrincipal,
  Effect,
  ManagedPolicy,
  OrganizationPrincipal,
  Policy,
  PolicyDocument,
  PolicyStatement,
  Role,
  ServicePrincipal,
} from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { AUDIT_ACCOUNT_ID, CARRIER_ACCOUNT_ID, ORG_ID } from './constants';

export interface DeployRolesStackProps extends StackProps {
  /** Role assumed by the CI runners; comes from the pipeline account. */
  readonly ciRoleArn?: string;
}

export class DeployRolesStack extends Stack {
  constructor(scope: Construct, id: string, props: DeployRolesStackProps) {
    super(scope, id, props);

    const deployer = new Role(this, 'GithubDeployer', {
      roleName: 'parcel-hub-github-deployer',
      assumedBy: new ArnPrincipal('arn:aws:iam::210987654321:role/github-actions-runner'),
      description: 'Assumed by the shared CI account to deploy parcel-hub functions',
    });
    deployer.addToPolicy(new PolicyStatement({
      actions: ['lambda:CreateFunction', 'lambda:DeleteFunction', 'lambda:TagResource'],
      resources: ['*'],
    }));
    deployer.addToPolicy(new PolicyStatement({
      actions: ['iam:PassRole'],
      resources: [`arn:aws:iam::${Aws.ACCOUNT_ID}:role/*`],
    }));
    deployer.addToPolicy(new PolicyStatement({
      actions: ['lambda:UpdateFunctionCode', 'lambda:PublishVersion'],
      resources: [`arn:aws:lambda:${this.region}:${this.account}:function:*`],
    }));
    deployer.addToPolicy(new PolicyStatement({
      actions: ['cloudformation:*'],
      resources: ['*'],
    }));

    const ciFromProps = new Role(this, 'CiFromPipeline', {
      assumedBy: new ArnPrincipal(props.ciRoleArn ?? `arn:aws:iam::${this.account}:role/ci`),
    });
    ciFromProps.addManagedPolicy(ManagedPolicy.fromAwsManagedPolicyName('ReadOnlyAccess'));

    const carrierRole = new Role(this, 'CarrierReadback', {
      assumedBy: new AccountPrincipal(CARRIER_ACCOUNT_ID),
      externalIds: ['swiftline-7781'],
    });
    carrierRole.addManagedPolicy(ManagedPolicy.fromAwsManagedPolicyName('job-function/ViewOnlyAccess'));

    new Role(this, 'AuditReader', {
      assumedBy: new CompositePrincipal(
        new ServicePrincipal('lambda.amazonaws.com'),
        new AccountPrincipal(AUDIT_ACCOUNT_ID),
      ),
      managedPolicies: [ManagedPolicy.fromAwsManagedPolicyName('SecurityAudit')],
    });

    new Role(this, 'OrgSupport', {
      assumedBy: new OrganizationPrincipal(ORG_ID),
      managedPolicies: [ManagedPolicy.fromManagedPolicyArn(this, 'Support', 'arn:aws:iam::aws:policy/AWSSupportAccess')],
    });

    new Role(this, 'OpsAutomation', {
      assumedBy: new AccountRootPrincipal(),
      managedPolicies: [
        ManagedPolicy.fromManagedPolicyArn(this, 'PowerUser', 'arn:aws:iam::aws:policy/PowerUserAccess'),
        ManagedPolicy.fromManagedPolicyArn(this, 'HubFull', 'arn:aws:iam::123456789012:policy/ParcelHubFullAccess'),
      ],
    });

    new Role(this, 'BreakGlass', {
      assumedBy: new AccountPrincipal(this.account).withConditions({ Bool: { 'aws:MultiFactorAuthPresent': 'true' } }),
      managedPolicies: [
        // lambda-guard-ignore LG009: break-glass role, MFA-only and alarmed by the security account
        ManagedPolicy.fromAwsManagedPolicyName('AdministratorAccess'),
      ],
    });

    const anyoneInOrg = new Role(this, 'OrgWideReader', {
      assumedBy: new AnyPrincipal().withConditions({ StringEquals: { 'aws:PrincipalOrgID': ORG_ID } }),
    });
    anyoneInOrg.addToPrincipalPolicy(new PolicyStatement({
      actions: ['ssm:GetParameter', 'ssm:GetParametersByPath'],
      resources: [`arn:aws:ssm:${this.region}:${this.account}:parameter/parcel-hub/public/*`],
    }));

    new Role(this, 'PartnerDebug', {
      assumedBy: new AccountPrincipal('444455556666'),
      inlinePolicies: {
        debug: new PolicyDocument({
          statements: [
            new PolicyStatement({
              actions: ['logs:GetLogEvents', 'logs:FilterLogEvents'],
              resources: [`arn:aws:logs:${this.region}:${this.account}:log-group:/aws/lambda/parcel-hub-*`],
            }),
            new PolicyStatement({
              effect: Effect.ALLOW,
              notActions: ['iam:*', 'organizations:*'],
              resources: ['*'],
            }),
          ],
        }),
      },
    });

    const keyRotator = new Role(this, 'KeyRotator', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
    });
    keyRotator.attachInlinePolicy(new Policy(this, 'RotateServiceUserKeys', {
      statements: [
        new PolicyStatement({
          actions: ['iam:CreateAccessKey', 'iam:DeleteAccessKey', 'iam:ListAccessKeys'],
          resources: ['*'],
        }),
        new PolicyStatement({
          actions: ['iam:PassRole'],
          resources: ['*'],
          conditions: { StringNotEquals: { 'iam:PassedToService': 'ec2.amazonaws.com' } },
        }),
        new PolicyStatement({
          actions: ['iam:PassRole'],
          resources: [keyRotator.roleArn, `arn:aws:iam::${this.account}:role/parcel-hub-workers/*`],
          conditions: { StringEquals: { 'iam:PassedToService': 'lambda.amazonaws.com' } },
        }),
      ],
    }));

    new ManagedPolicy(this, 'PolicyEditor', {
      managedPolicyName: 'parcel-hub-policy-editor',
      roles: [keyRotator],
      document: PolicyDocument.fromJson({
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'TuneWorkerRoles',
            Effect: 'Allow',
            Action: ['iam:AttachRolePolicy', 'iam:DetachRolePolicy'],
            Resource: '*',
          },
          {
            Sid: 'ReadRoles',
            Effect: 'Allow',
            Action: ['iam:GetRole', 'iam:ListRolePolicies'],
            Resource: '*',
          },
        ],
      }),
    });

    keyRotator.addToPrincipalPolicy(PolicyStatement.fromJson({
      Effect: 'Allow',
      Action: 'sts:AssumeRole',
      Resource: '*',
    }));
    keyRotator.addToPrincipalPolicy(PolicyStatement.fromJson({
      Effect: 'Allow',
      Action: ['sts:AssumeRole'],
      Resource: `arn:aws:iam::${this.account}:role/parcel-hub-readers-*`,
    }));
    keyRotator.addToPrincipalPolicy(PolicyStatement.fromJson({
      Effect: 'Deny',
      NotAction: ['iam:*AccessKey*', 'iam:ListUsers'],
      NotResource: [`arn:aws:iam::${this.account}:user/service/*`],
    }));
  }
}
