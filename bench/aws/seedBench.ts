/**
 * A benchmark account on moto: `n` functions in us-east-1 (every 4th with a resource-policy statement,
 * every 10th with a URL, every 5th in a VPC on one of two shared ENIs), and a fixed IAM and alarm set —
 * so per-function calls grow with `n` and everything else does not. Writes with plain SDK clients.
 */
import { CloudWatchClient, PutMetricAlarmCommand } from '@aws-sdk/client-cloudwatch';
import { CreateNetworkInterfaceCommand, CreateSecurityGroupCommand, CreateSubnetCommand, CreateVpcCommand, EC2Client } from '@aws-sdk/client-ec2';
import { AddUserToGroupCommand, AttachRolePolicyCommand, CreateGroupCommand, CreateRoleCommand, CreateUserCommand, IAMClient, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { AddPermissionCommand, CreateFunctionCommand, CreateFunctionUrlConfigCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { mapPool } from '../../src/core/inventory/aws/rateLimit';
import { emptyZip } from '../../test/integration/aws/zipFile';

export const BENCH_REGION = 'us-east-1';
const ROLES = 10;
const USERS = 20;
const GROUPS = 5;
const ALARMS = 10;

export async function seedBenchAccount(endpoint: string, n: number): Promise<void> {
  const cfg = { endpoint, region: BENCH_REGION, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } };
  const iam = new IAMClient(cfg);
  const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
  const inline = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bench/*' }] });
  for (let r = 0; r < ROLES; r++) {
    await iam.send(new CreateRoleCommand({ RoleName: `bench-role-${r}`, AssumeRolePolicyDocument: trust }));
    await iam.send(new PutRolePolicyCommand({ RoleName: `bench-role-${r}`, PolicyName: 'inline', PolicyDocument: inline }));
    await iam.send(new AttachRolePolicyCommand({ RoleName: `bench-role-${r}`, PolicyArn: 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole' }));
  }
  for (let g = 0; g < GROUPS; g++) await iam.send(new CreateGroupCommand({ GroupName: `bench-group-${g}` }));
  for (let u = 0; u < USERS; u++) {
    await iam.send(new CreateUserCommand({ UserName: `bench-user-${u}` }));
    await iam.send(new AddUserToGroupCommand({ UserName: `bench-user-${u}`, GroupName: `bench-group-${u % GROUPS}` }));
  }
  iam.destroy();

  const ec2 = new EC2Client(cfg);
  const vpc = (await ec2.send(new CreateVpcCommand({ CidrBlock: '10.30.0.0/16' }))).Vpc?.VpcId;
  const subnets: string[] = [];
  for (const cidr of ['10.30.1.0/24', '10.30.2.0/24']) subnets.push((await ec2.send(new CreateSubnetCommand({ VpcId: vpc, CidrBlock: cidr }))).Subnet?.SubnetId ?? '');
  const sg = (await ec2.send(new CreateSecurityGroupCommand({ GroupName: 'bench', Description: 'bench', VpcId: vpc }))).GroupId ?? '';
  for (const [i, subnet] of subnets.entries()) {
    await ec2.send(new CreateNetworkInterfaceCommand({ SubnetId: subnet, Groups: [sg], Description: `AWS Lambda VPC ENI-bench-fn-000${i}-0000-0000-0000-000000000000` }));
  }
  ec2.destroy();

  const lambda = new LambdaClient(cfg);
  const names = Array.from({ length: n }, (_, i) => `bench-fn-${String(i).padStart(4, '0')}`);
  await mapPool(names, 8, async (name, i) => {
    const vpcConfig = i % 5 === 0 ? { VpcConfig: { SubnetIds: [subnets[i % 2]], SecurityGroupIds: [sg] } } : {};
    const role = `arn:aws:iam::123456789012:role/bench-role-${i % ROLES}`;
    await lambda.send(new CreateFunctionCommand({ FunctionName: name, Runtime: 'nodejs20.x', Handler: 'index.handler', Role: role, Code: { ZipFile: emptyZip(name) }, ...vpcConfig }));
    if (i % 4 === 0) await lambda.send(new AddPermissionCommand({ FunctionName: name, StatementId: 's3', Principal: 's3.amazonaws.com', Action: 'lambda:InvokeFunction', SourceArn: 'arn:aws:s3:::bench' }));
    if (i % 10 === 0) await lambda.send(new CreateFunctionUrlConfigCommand({ FunctionName: name, AuthType: 'AWS_IAM' }));
  });
  lambda.destroy();

  const cw = new CloudWatchClient(cfg);
  for (let a = 0; a < ALARMS; a++) {
    await cw.send(
      new PutMetricAlarmCommand({
        AlarmName: `bench-alarm-${a}`,
        Namespace: 'AWS/Lambda',
        MetricName: 'Errors',
        Statistic: 'Sum',
        Period: 60,
        EvaluationPeriods: 1,
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        Dimensions: [{ Name: 'FunctionName', Value: names[a] ?? 'none' }],
      }),
    );
  }
  cw.destroy();
}
