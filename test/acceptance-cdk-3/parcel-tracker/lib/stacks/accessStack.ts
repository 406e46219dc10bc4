import * as cdk from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { auditTrailDocument, supportManagedPolicy } from '../constructs/policyLibrary';

export interface AccessStackProps extends cdk.StackProps {
  readonly ingestFunction: lambda.IFunction;
}

/** Accounts that run parts of the parcel platform. */
const Accounts = {
  SECURITY: '333344445555',
  BI: '666677778888',
} as const;

const ORG_ID = 'o-p4rc3lx9z1';

const AwsManaged = {
  basic: 'service-role/AWSLambdaBasicExecutionRole',
  readOnly: 'ReadOnlyAccess',
  power: 'PowerUserAccess',
} as const;

export class AccessStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props: AccessStackProps) {
    super(scope, id, props);

    // One document, reused by every role that investigates incidents.
    const trail = auditTrailDocument('parcel-audit-trail');

    const auditor = new iam.Role(this, 'SecurityAuditor', {
      assumedBy: new iam.AccountPrincipal(Accounts.SECURITY),
      inlinePolicies: { trail },
      managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName(AwsManaged.readOnly)],
    });
    auditor.assumeRolePolicy?.addStatements(new iam.PolicyStatement({
      actions: ['sts:AssumeRole', 'sts:TagSession'],
      principals: [new iam.ArnPrincipal('arn:aws:iam::333344445555:role/incident-responder')],
      conditions: { StringEquals: { 'aws:PrincipalOrgID': ORG_ID } },
    }));

    new iam.Role(this, 'BiExport', {
      assumedBy: new iam.AccountPrincipal(Accounts.BI),
      externalIds: ['parcel-bi-export'],
      inlinePolicies: { trail },
    });

    const support = new iam.Role(this, 'SupportRole', {
      assumedBy: new iam.CompositePrincipal(
        new iam.ServicePrincipal('lambda.amazonaws.com'),
        new iam.ArnPrincipal('arn:aws:iam::666677778888:role/bi-loader'),
      ),
      inlinePolicies: { trail },
      managedPolicies: [supportManagedPolicy(this)],
    });

    new iam.Role(this, 'OrgBrowser', {
      assumedBy: new iam.AnyPrincipal().withConditions({ StringEquals: { 'aws:PrincipalOrgID': ORG_ID } }),
      description: 'Any principal of the organisation may browse the parcel dashboards',
    });

    const opsRole = new iam.Role(this, 'OpsAutomation', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      managedPolicies: [AwsManaged.basic, AwsManaged.power].map((name) => iam.ManagedPolicy.fromAwsManagedPolicyName(name)),
    });
    opsRole.addManagedPolicy(iam.ManagedPolicy.fromManagedPolicyArn(this, 'LegacyS3', 'arn:aws:iam::aws:policy/AmazonS3FullAccess'));
    opsRole.addManagedPolicy(iam.ManagedPolicy.fromManagedPolicyArn(this, 'TeamS3', 'arn:aws:iam::123456789012:policy/AmazonS3FullAccess'));
    opsRole.addManagedPolicy(iam.ManagedPolicy.fromManagedPolicyName(this, 'OpsBoundary', 'ParcelOpsBoundary'));
    opsRole.addManagedPolicy(iam.ManagedPolicy.fromAwsManagedPolicyName('AWSStepFunctionsFullAccess'));

    // Shared by the sweeper and the archiver.
    const parcelStore = new iam.PolicyDocument({
      statements: [
        new iam.PolicyStatement({
          actions: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
          resources: [this.formatArn({ service: 'dynamodb', resource: 'table', resourceName: 'parcels' })],
        }),
        new iam.PolicyStatement({
          actions: ['dynamodb:PutItem', 'dynamodb:BatchWriteItem'],
          resources: [this.formatArn({ service: 'dynamodb', resource: 'table', resourceName: 'parcels-archive-*' })],
        }),
        new iam.PolicyStatement({
          actions: ['dynamodb:DeleteItem'],
          resources: [this.formatArn({ service: 'dynamodb', resource: 'table', resourceName: '*' })],
        }),
      ],
    });
    for (const name of ['Sweeper', 'Archiver']) {
      new iam.Role(this, `${name}Role`, {
        assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
        inlinePolicies: { parcelStore },
      });
    }

    iam.Grant.addToPrincipal({
      grantee: support,
      actions: ['secretsmanager:GetSecretValue'],
      resourceArns: [`arn:${cdk.Aws.PARTITION}:secretsmanager:${cdk.Aws.REGION}:${cdk.Aws.ACCOUNT_ID}:secret:*`],
    });
    iam.Grant.addToPrincipal({
      grantee: support,
      actions: ['ssm:GetParameter', 'ssm:GetParameters'],
      resourceArns: [this.formatArn({ service: 'ssm', resource: 'parameter', resourceName: 'parcel/support/*' })],
    });
    support.addToPrincipalPolicy(new iam.PolicyStatement({
      actions: ['s3:GetObject'],
      resources: ['arn:aws:s3:::*/*'],
      conditions: { StringEquals: { 'aws:ResourceAccount': cdk.Aws.ACCOUNT_ID } },
    }));
    props.ingestFunction.grantInvoke(support);

    // Roles owned by other teams.
    const legacyDeployer = iam.Role.fromRoleArn(this, 'LegacyDeployer', 'arn:aws:iam::123456789012:role/parcel-legacy-deployer');
    legacyDeployer.addToPrincipalPolicy(new iam.PolicyStatement({
      actions: ['lambda:UpdateFunctionCode', 'lambda:PublishVersion'],
      resources: [`arn:aws:lambda:${this.region}:${this.account}:function:*`],
    }));
    const breakGlass = iam.Role.fromRoleArn(this, 'BreakGlass', 'arn:aws:iam::123456789012:role/break-glass', { mutable: false });
    breakGlass.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['iam:*'], resources: ['*'] }));
  }
}
