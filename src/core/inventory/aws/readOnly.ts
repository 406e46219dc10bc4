/**
 * The one allow-list of AWS operations Lambda Guard may send, and the client middleware that enforces it:
 * any other operation is refused before it is serialised, signed or sent. docs/iam-policy.json grants
 * exactly the IAM actions these operations need (a test keeps the two in step).
 */
import type { InitializeHandler, InitializeHandlerArguments, InitializeMiddleware, MetadataBearer } from '@smithy/types';

/** `service:Operation`, as the SDK names the operation (the command name without `Command`). */
export const READ_ONLY_OPERATIONS: readonly string[] = Object.freeze([
  // Identity and regions
  'sts:GetCallerIdentity',
  'ec2:DescribeRegions',
  // Inventory: functions
  'lambda:ListFunctions',
  'lambda:GetFunction',
  'lambda:GetPolicy',
  'lambda:ListEventSourceMappings',
  'lambda:GetFunctionUrlConfig',
  // Inventory: IAM (one bulk read; GetPolicy/GetPolicyVersion only for AWS managed policies the bundled dataset lacks)
  'iam:GetAccountAuthorizationDetails',
  'iam:GetPolicy',
  'iam:GetPolicyVersion',
  // Inventory: network and alarms
  'ec2:DescribeNetworkInterfaces',
  'ec2:DescribeSubnets',
  'ec2:DescribeSecurityGroups',
  'cloudwatch:DescribeAlarms',
  // Telemetry: flow logs, CloudTrail, metrics
  'ec2:DescribeFlowLogs',
  'logs:DescribeLogGroups',
  // The log streams of a Lambda ENI (`eni-…-all`, `-accept`, `-reject`), so FilterLogEvents reads only those.
  'logs:DescribeLogStreams',
  'logs:FilterLogEvents',
  // StartQuery/StopQuery start and stop a Logs Insights query over existing logs: they create no
  // resource and change nothing in the account (the query and its results expire by themselves).
  'logs:StartQuery',
  'logs:GetQueryResults',
  'logs:StopQuery',
  'cloudtrail:DescribeTrails',
  'cloudtrail:LookupEvents',
  'cloudwatch:GetMetricData',
  // Flow-log exports delivered to S3
  's3:ListObjectsV2',
  's3:GetObject',
]);

/**
 * The IAM action an operation needs, where it differs from `service:Operation`; `null` when the
 * operation needs no permission at all (GetCallerIdentity works even under an explicit deny).
 */
const IAM_ACTION_OVERRIDES: Readonly<Record<string, string | null>> = {
  's3:ListObjectsV2': 's3:ListBucket',
  'sts:GetCallerIdentity': null,
};

/** The IAM action that allows `service:Operation` (`null` when none is needed). */
export function iamActionFor(service: string, operation: string): string | null {
  const key = `${service}:${operation}`;
  return key in IAM_ACTION_OVERRIDES ? IAM_ACTION_OVERRIDES[key] : key;
}

/** Every IAM action the allow-list needs: what docs/iam-policy.json must grant, no more. */
export function requiredIamActions(): string[] {
  const actions = new Set<string>();
  for (const op of READ_ONLY_OPERATIONS) {
    const [service, operation] = op.split(':');
    const action = iamActionFor(service, operation);
    if (action) actions.add(action);
  }
  return [...actions].sort();
}

const allowed = new Set(READ_ONLY_OPERATIONS);

export function isReadOnlyOperation(service: string, operation: string): boolean {
  return allowed.has(`${service}:${operation}`);
}

/** Thrown (before anything is sent) for an operation that is not on the allow-list. */
export class WriteOperationRefusedError extends Error {
  override readonly name = 'WriteOperationRefusedError';
  constructor(
    readonly service: string,
    readonly operation: string,
  ) {
    super(`Lambda Guard is read-only: ${service}:${operation} is not on its list of allowed AWS operations and was not sent.`);
  }
}

export interface AwsCall {
  service: string;
  operation: string;
  region: string;
}

/** The operation a middleware context names: `ListFunctionsCommand` → `ListFunctions`. */
export function operationOf(context: { commandName?: string }): string {
  return (context.commandName ?? '').replace(/Command$/, '');
}

/**
 * Initialize-step middleware (the first step, before serialisation and signing): refuses any operation
 * not on the allow-list, then reports the call. `service` is the IAM prefix of the client it is added to.
 */
export function readOnlyMiddleware(service: string, region: string, onCall?: (call: AwsCall) => void): InitializeMiddleware<object, MetadataBearer> {
  return (next: InitializeHandler<object, MetadataBearer>, context) =>
    async (args: InitializeHandlerArguments<object>) => {
      const operation = operationOf(context as { commandName?: string });
      if (!isReadOnlyOperation(service, operation)) throw new WriteOperationRefusedError(service, operation);
      onCall?.({ service, operation, region });
      return next(args);
    };
}

export const READ_ONLY_MIDDLEWARE_NAME = 'lambdaGuardReadOnly';
