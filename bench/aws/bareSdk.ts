/**
 * The baseline: the same AWS calls as a collection of one region, made with plain SDK clients (no
 * read-only guard, no pacing, no mapping into the snapshot), the same paging and the same concurrency.
 */
import { CloudWatchClient, paginateDescribeAlarms } from '@aws-sdk/client-cloudwatch';
import { EC2Client, paginateDescribeNetworkInterfaces, paginateDescribeSecurityGroups, paginateDescribeSubnets } from '@aws-sdk/client-ec2';
import { IAMClient, paginateGetAccountAuthorizationDetails } from '@aws-sdk/client-iam';
import { GetFunctionCommand, GetFunctionUrlConfigCommand, GetPolicyCommand, LambdaClient, paginateListEventSourceMappings, paginateListFunctions } from '@aws-sdk/client-lambda';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mapPool } from '../../src/core/inventory/aws/rateLimit';

const ignoreNotFound = (p: Promise<unknown>): Promise<unknown> => p.catch((e: { name?: string }) => (e.name === 'ResourceNotFoundException' ? undefined : Promise.reject(e)));

async function drain(pages: AsyncIterable<unknown>): Promise<void> {
  for await (const _ of pages) void _;
}

/** Returns the number of functions read. */
export async function bareCollect(endpoint: string, region: string): Promise<number> {
  const cfg = { endpoint, region, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } };
  const [sts, iam, lambda, ec2, cw] = [new STSClient(cfg), new IAMClient(cfg), new LambdaClient(cfg), new EC2Client(cfg), new CloudWatchClient(cfg)];
  try {
    await sts.send(new GetCallerIdentityCommand({}));
    const names: string[] = [];
    await Promise.all([
      drain(paginateGetAccountAuthorizationDetails({ client: iam, pageSize: 1000 }, { Filter: ['Role', 'User', 'Group', 'LocalManagedPolicy'] })),
      drain(paginateListEventSourceMappings({ client: lambda, pageSize: 100 }, {})),
      drain(paginateDescribeNetworkInterfaces({ client: ec2, pageSize: 1000 }, {})),
      drain(paginateDescribeSubnets({ client: ec2, pageSize: 1000 }, {})),
      drain(paginateDescribeSecurityGroups({ client: ec2, pageSize: 1000 }, {})),
      drain(paginateDescribeAlarms({ client: cw, pageSize: 100 }, {})),
      (async () => {
        for await (const page of paginateListFunctions({ client: lambda, pageSize: 50 }, {})) names.push(...(page.Functions ?? []).map((f) => f.FunctionName ?? ''));
      })(),
    ]);
    await mapPool(names, 10, (FunctionName) =>
      Promise.all([
        lambda.send(new GetFunctionCommand({ FunctionName })),
        ignoreNotFound(lambda.send(new GetPolicyCommand({ FunctionName }))),
        ignoreNotFound(lambda.send(new GetFunctionUrlConfigCommand({ FunctionName }))),
      ]),
    );
    return names.length;
  } finally {
    for (const c of [sts, iam, lambda, ec2, cw]) c.destroy();
  }
}
