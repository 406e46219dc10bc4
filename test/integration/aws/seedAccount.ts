/**
 * Seeds moto with the account of seedData.ts through plain AWS SDK clients (these write: they are the
 * test's, never the product's read-only clients). Returns the ids AWS chose (VPC, subnets, ENIs, …).
 */
import { CloudWatchClient, PutMetricAlarmCommand } from '@aws-sdk/client-cloudwatch';
import { AuthorizeSecurityGroupIngressCommand, CreateNetworkInterfaceCommand, CreateSecurityGroupCommand, CreateSubnetCommand, CreateVpcCommand, EC2Client } from '@aws-sdk/client-ec2';
import {
  AddUserToGroupCommand,
  AttachGroupPolicyCommand,
  AttachRolePolicyCommand,
  AttachUserPolicyCommand,
  CreateGroupCommand,
  CreatePolicyCommand,
  CreatePolicyVersionCommand,
  CreateRoleCommand,
  CreateUserCommand,
  IAMClient,
  PutGroupPolicyCommand,
  PutRolePolicyCommand,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import { AddPermissionCommand, CreateEventSourceMappingCommand, CreateFunctionCommand, CreateFunctionUrlConfigCommand, LambdaClient } from '@aws-sdk/client-lambda';
import * as s from './seedData';
import { ACCOUNT_ID, OTHER_ACCOUNT_ID, rawRequest, seedConfig } from './motoEndpoint';
import { emptyZip } from './zipFile';

export interface SeededIds {
  vpcId: string;
  subnetA: string;
  subnetB: string;
  securityGroup: string;
  eniA: string;
  eniC: string;
  queueArn: string;
  mappingUuid: string;
}

const json = (doc: object): string => JSON.stringify(doc);

async function seedIam(): Promise<void> {
  const iam = new IAMClient(seedConfig(s.REGION));
  const role = async (name: string, trust: object, attach: string[], inline?: [string, object]): Promise<void> => {
    await iam.send(new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: json(trust) }));
    for (const arn of attach) await iam.send(new AttachRolePolicyCommand({ RoleName: name, PolicyArn: arn }));
    if (inline) await iam.send(new PutRolePolicyCommand({ RoleName: name, PolicyName: inline[0], PolicyDocument: json(inline[1]) }));
  };
  await iam.send(new CreatePolicyCommand({ PolicyName: 'lg-s3-read', PolicyDocument: json(s.S3_READ_V1) }));
  await iam.send(new CreatePolicyVersionCommand({ PolicyArn: s.S3_READ_ARN, PolicyDocument: json(s.S3_READ_V2), SetAsDefault: true }));
  await iam.send(new CreatePolicyCommand({ PolicyName: 'lg-boundary', PolicyDocument: json(s.BOUNDARY) }));
  await role('lg-fn-basic', s.LAMBDA_TRUST, [s.AWS_BASIC], ['logs-write', s.LOGS_INLINE]);
  await role('lg-fn-admin', s.LAMBDA_TRUST, [s.AWS_ADMIN]);
  await role('lg-fn-vpc', s.LAMBDA_TRUST, [s.AWS_VPC, s.S3_READ_ARN]);
  await iam.send(
    new CreateRoleCommand({ RoleName: 'lg-ci-deployer', AssumeRolePolicyDocument: json(s.CI_TRUST), PermissionsBoundary: s.BOUNDARY_ARN, Tags: [{ Key: 'team', Value: 'platform' }] }),
  );
  await iam.send(new PutRolePolicyCommand({ RoleName: 'lg-ci-deployer', PolicyName: 'deploy', PolicyDocument: json(s.CI_DEPLOY) }));
  // An AWS managed policy used only as a boundary (moto cannot put a boundary on a user).
  await iam.send(new CreateRoleCommand({ RoleName: 'lg-bounded', AssumeRolePolicyDocument: json(s.LAMBDA_TRUST), PermissionsBoundary: s.AWS_POWER_USER }));
  await iam.send(new CreateGroupCommand({ GroupName: 'developers' }));
  await iam.send(new PutGroupPolicyCommand({ GroupName: 'developers', PolicyName: 'deploy-code', PolicyDocument: json(s.DEVELOPERS_DEPLOY) }));
  await iam.send(new CreateGroupCommand({ GroupName: 'admins' }));
  await iam.send(new AttachGroupPolicyCommand({ GroupName: 'admins', PolicyArn: s.AWS_IAM_FULL }));
  for (const user of ['alice', 'bob', 'carol']) await iam.send(new CreateUserCommand({ UserName: user }));
  await iam.send(new AddUserToGroupCommand({ GroupName: 'developers', UserName: 'alice' }));
  await iam.send(new AddUserToGroupCommand({ GroupName: 'developers', UserName: 'bob' }));
  await iam.send(new AddUserToGroupCommand({ GroupName: 'admins', UserName: 'bob' }));
  await iam.send(new PutUserPolicyCommand({ UserName: 'bob', PolicyName: 'pass-role', PolicyDocument: json(s.BOB_PASS_ROLE) }));
  await iam.send(new AttachUserPolicyCommand({ UserName: 'carol', PolicyArn: s.S3_READ_ARN }));
  iam.destroy();
}

/** moto checks that an SQS event source exists; the project has no SQS client, so one query-protocol request (moto does not check signatures). */
async function createQueue(name: string): Promise<string> {
  const auth = 'AWS4-HMAC-SHA256 Credential=testing/20260101/us-east-1/sqs/aws4_request, SignedHeaders=host, Signature=0';
  const res = await rawRequest(`${seedConfig(s.REGION).endpoint}/`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: auth },
    body: `Action=CreateQueue&QueueName=${name}&Version=2012-11-05`,
  });
  if (res.status !== 200) throw new Error(`CreateQueue failed: ${res.status} ${res.body}`);
  return `arn:aws:sqs:${s.REGION}:${ACCOUNT_ID}:${name}`;
}

async function seedNetwork(): Promise<Omit<SeededIds, 'queueArn' | 'mappingUuid'>> {
  const ec2 = new EC2Client(seedConfig(s.REGION));
  const vpcId = (await ec2.send(new CreateVpcCommand({ CidrBlock: s.VPC_CIDR }))).Vpc?.VpcId ?? '';
  const subnet = async (cidr: string, name: string): Promise<string> =>
    (await ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: cidr, TagSpecifications: [{ ResourceType: 'subnet', Tags: [{ Key: 'Name', Value: name }] }] }))).Subnet
      ?.SubnetId ?? '';
  const subnetA = await subnet(s.SUBNET_A_CIDR, 'lg-private-a');
  const subnetB = await subnet(s.SUBNET_B_CIDR, 'lg-private-b');
  const securityGroup = (await ec2.send(new CreateSecurityGroupCommand({ GroupName: 'lg-app', Description: 'Lambda Guard test functions', VpcId: vpcId }))).GroupId ?? '';
  await ec2.send(
    new AuthorizeSecurityGroupIngressCommand({
      GroupId: securityGroup,
      IpPermissions: [
        { IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: s.VPC_CIDR }] },
        { IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432, UserIdGroupPairs: [{ GroupId: securityGroup }] },
      ],
    }),
  );
  const eni = async (subnetId: string, description: string, ip: string): Promise<string> =>
    (await ec2.send(new CreateNetworkInterfaceCommand({ SubnetId: subnetId, Groups: [securityGroup], Description: description, PrivateIpAddress: ip, InterfaceType: 'lambda' as never })))
      .NetworkInterface?.NetworkInterfaceId ?? '';
  const eniA = await eni(subnetA, s.ENI_A_DESCRIPTION, s.ENI_A_IP);
  const eniC = await eni(subnetB, s.ENI_C_DESCRIPTION, s.ENI_C_IP);
  ec2.destroy();
  return { vpcId, subnetA, subnetB, securityGroup, eniA, eniC };
}

async function createFunctions(lambda: LambdaClient, names: string[], role: string, extra: (name: string) => object = () => ({})): Promise<void> {
  for (const name of names) {
    await lambda.send(
      new CreateFunctionCommand({ FunctionName: name, Runtime: 'python3.12', Handler: 'index.handler', Role: s.roleArn(role), Code: { ZipFile: emptyZip(name) }, ...extra(name) }),
    );
  }
}

async function seedFunctions(net: Omit<SeededIds, 'queueArn' | 'mappingUuid'>): Promise<Pick<SeededIds, 'queueArn' | 'mappingUuid'>> {
  const lambda = new LambdaClient(seedConfig(s.REGION));
  await createFunctions(lambda, s.BULK_FUNCTIONS, 'lg-fn-basic');
  await createFunctions(lambda, ['lg-public-url'], 'lg-fn-admin', () => ({ Environment: { Variables: s.PUBLIC_URL_ENV }, Tags: s.PUBLIC_URL_TAGS }));
  await createFunctions(lambda, ['lg-s3-trigger', 'lg-cross-account', 'lg-sqs-consumer', 'lg-alarmed'], 'lg-fn-basic');
  await createFunctions(lambda, ['lg-vpc-a', 'lg-vpc-b'], 'lg-fn-vpc', () => ({ VpcConfig: { SubnetIds: [net.subnetA], SecurityGroupIds: [net.securityGroup] } }));
  await createFunctions(lambda, ['lg-vpc-c'], 'lg-fn-vpc', () => ({ VpcConfig: { SubnetIds: [net.subnetB], SecurityGroupIds: [net.securityGroup] } }));
  await lambda.send(new CreateFunctionUrlConfigCommand({ FunctionName: 'lg-public-url', AuthType: 'NONE', Cors: { AllowOrigins: ['*'], AllowMethods: ['GET'] } }));
  await lambda.send(new AddPermissionCommand({ FunctionName: 'lg-public-url', StatementId: 'public-url', Principal: '*', Action: 'lambda:InvokeFunctionUrl', FunctionUrlAuthType: 'NONE' }));
  await lambda.send(
    new AddPermissionCommand({
      FunctionName: 'lg-s3-trigger',
      StatementId: 's3-invoke',
      Principal: 's3.amazonaws.com',
      Action: 'lambda:InvokeFunction',
      SourceArn: s.UPLOADS_BUCKET_ARN,
      SourceAccount: ACCOUNT_ID,
    }),
  );
  await lambda.send(new AddPermissionCommand({ FunctionName: 'lg-s3-trigger', StatementId: 'events-invoke', Principal: 'events.amazonaws.com', Action: 'lambda:InvokeFunction' }));
  await lambda.send(new AddPermissionCommand({ FunctionName: 'lg-cross-account', StatementId: 'partner', Principal: OTHER_ACCOUNT_ID, Action: 'lambda:InvokeFunction' }));
  const queueArn = await createQueue('lg-orders');
  const mapping = await lambda.send(new CreateEventSourceMappingCommand({ FunctionName: 'lg-sqs-consumer', EventSourceArn: queueArn, BatchSize: 5 }));
  lambda.destroy();
  const west = new LambdaClient(seedConfig(s.WEST));
  await createFunctions(west, s.WEST_FUNCTIONS, 'lg-fn-basic');
  await west.send(new CreateFunctionUrlConfigCommand({ FunctionName: 'lg-west-1', AuthType: 'AWS_IAM' }));
  west.destroy();
  return { queueArn, mappingUuid: mapping.UUID ?? '' };
}

async function seedAlarms(): Promise<void> {
  const cw = new CloudWatchClient(seedConfig(s.REGION));
  const common = { EvaluationPeriods: 1, Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold' as const };
  await cw.send(
    new PutMetricAlarmCommand({
      ...common,
      AlarmName: 'lg-alarmed-errors',
      Namespace: 'AWS/Lambda',
      MetricName: 'Errors',
      Statistic: 'Sum',
      Period: 60,
      Dimensions: [{ Name: 'FunctionName', Value: 'lg-alarmed' }],
    }),
  );
  const metric = (id: string, name: string) => ({
    Id: id,
    ReturnData: false,
    MetricStat: { Metric: { Namespace: 'AWS/Lambda', MetricName: name, Dimensions: [{ Name: 'FunctionName', Value: 'lg-public-url' }] }, Period: 60, Stat: 'Sum' },
  });
  await cw.send(
    new PutMetricAlarmCommand({
      ...common,
      AlarmName: 'lg-error-rate',
      Metrics: [metric('m1', 'Errors'), metric('m2', 'Invocations'), { Id: 'e1', Expression: 'm1 / m2', ReturnData: true }],
    }),
  );
  cw.destroy();
}

/** Seeds the whole account (about 70 functions, IAM, network, alarms). */
export async function seedAccount(): Promise<SeededIds> {
  await seedIam();
  const net = await seedNetwork();
  const fns = await seedFunctions(net);
  await seedAlarms();
  return { ...net, ...fns };
}
