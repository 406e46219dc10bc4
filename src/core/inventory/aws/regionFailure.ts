/**
 * When every region-level read of a region failed the same way (its endpoint unreachable, timing out,
 * rejecting the credentials), one error says so instead of six. Access denied stays per operation:
 * each names a different missing permission.
 */
import type { CollectError } from '../accountModel';

/** The reads every region gets, whatever it holds. */
export const REGION_OPERATIONS = ['ListFunctions', 'ListEventSourceMappings', 'DescribeNetworkInterfaces', 'DescribeSubnets', 'DescribeSecurityGroups', 'DescribeAlarms'];

export function collapseRegionFailure(region: string, errors: CollectError[]): CollectError[] {
  const failed = errors.filter((e) => e.region === region && !e.resource && REGION_OPERATIONS.includes(e.operation));
  const kind = failed[0]?.kind;
  const allFailed = REGION_OPERATIONS.every((op) => failed.some((e) => e.operation === op));
  if (!allFailed || kind === 'denied' || failed.some((e) => e.kind !== kind)) return errors;
  const first = failed.find((e) => e.operation === 'ListFunctions') ?? failed[0];
  const summary: CollectError = { service: first.service, operation: first.operation, region, kind, message: `Nothing could be read in ${region}: ${first.message}` };
  return [summary, ...errors.filter((e) => !failed.includes(e))];
}
