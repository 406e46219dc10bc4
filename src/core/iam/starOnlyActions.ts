import type { ActionInfo } from './catalog';

// Actions for which `Resource: '*'` is not a finding (LG002). Two kinds:
// 1. wildcard-only actions: the IAM dataset lists no resource type for them, so `*` is the only value IAM
//    accepts (xray:PutTraceSegments, ec2:DescribeNetworkInterfaces). Read from the dataset, never listed
//    by hand, so a new AWS action is covered the day the dataset knows it;
// 2. the Lambda execution baseline AWS's own policies grant on `*`: log writing (AWSLambdaBasicExecutionRole),
//    the network interfaces Lambda manages for a function in a VPC (AWSLambdaVPCAccessExecutionRole and
//    SAM's VPCAccessPolicy, which adds ec2:DetachNetworkInterface), and cloudwatch:PutMetricData (its only
//    resource type, OTLP datasets, is optional and new; namespaces are scoped by condition instead).
//    These accept resource ARNs, but a function cannot know the ids of the interfaces Lambda creates for it.

/** Lower-case `service:action`; a unit test checks that each member exists in the IAM dataset. */
export const LAMBDA_BASELINE_ON_STAR: ReadonlySet<string> = new Set([
  'logs:createloggroup',
  'logs:createlogstream',
  'logs:putlogevents',
  'ec2:createnetworkinterface',
  'ec2:deletenetworkinterface',
  'ec2:detachnetworkinterface',
  'ec2:assignprivateipaddresses',
  'ec2:unassignprivateipaddresses',
  'cloudwatch:putmetricdata',
]);

/** True when `Resource: '*'` is the normal value for the action: wildcard-only, or part of the Lambda baseline. */
export function normalOnStar(a: ActionInfo): boolean {
  return a.wildcardOnly || LAMBDA_BASELINE_ON_STAR.has(`${a.service}:${a.name.toLowerCase()}`);
}
