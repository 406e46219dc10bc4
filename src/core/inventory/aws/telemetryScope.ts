/**
 * What one telemetry collection reads: the functions asked for (all, or the named ones), by region, with
 * their function groups (Lambda's ENIs are shared by every function with the same subnet + security-group
 * set, so flows are read per group) and the VPC each ENI really is in — from the ENI or its subnet, never
 * from the function's own VpcConfig (moto reports a made-up VPC id there).
 */
import { buildFunctionIndex, type FunctionIndex } from '../../activity/functionIndex';
import { functionGroupsOf, interfaceAddresses, type FunctionGroup } from '../../flows/functionGroups';
import type { AccountSnapshot, CollectError, LiveFunction, NetworkInterfaceInfo } from '../accountModel';

export interface RegionScope {
  region: string;
  functions: LiveFunction[];
  /** Groups holding at least one function asked for, with their ENIs. */
  groups: FunctionGroup[];
  /** The groups' Lambda ENIs. */
  interfaces: NetworkInterfaceInfo[];
  /** ENI id → the VPC it is in (from the ENI, else its subnet). */
  vpcOf: ReadonlyMap<string, string>;
}

export interface TelemetryScope {
  accountId: string;
  /** The functions asked for, found in the snapshot. */
  functions: LiveFunction[];
  index: FunctionIndex;
  regions: RegionScope[];
  /** Every ENI's own private IPs, for the flow aggregator. */
  localAddresses: Map<string, string[]>;
  /** Names asked for that the snapshot lacks. */
  unknown: CollectError[];
}

function regionScope(region: string, functions: LiveFunction[], snapshot: AccountSnapshot, groups: readonly FunctionGroup[]): RegionScope {
  const arns = new Set(functions.map((f) => f.arn));
  const mine = groups.filter((g) => g.region === region && g.functionArns.some((a) => arns.has(a)) && g.interfaceIds.length > 0);
  const ids = new Set(mine.flatMap((g) => g.interfaceIds));
  const interfaces = snapshot.network.interfaces.filter((n) => n.region === region && ids.has(n.id));
  const subnetVpc = new Map(snapshot.network.subnets.filter((s) => s.region === region).map((s) => [s.id, s.vpcId]));
  const vpcOf = new Map<string, string>();
  for (const n of interfaces) {
    const vpc = n.vpcId ?? (n.subnetId ? subnetVpc.get(n.subnetId) : undefined);
    if (vpc) vpcOf.set(n.id, vpc);
  }
  return { region, functions, groups: mine, interfaces, vpcOf };
}

export function telemetryScope(snapshot: AccountSnapshot, names?: readonly string[]): TelemetryScope {
  const wanted = names?.length ? new Set(names) : undefined;
  const functions = wanted ? snapshot.functions.filter((f) => wanted.has(f.name)) : snapshot.functions;
  const found = new Set(functions.map((f) => f.name));
  const unknown: CollectError[] = [...(wanted ?? [])]
    .filter((n) => !found.has(n))
    .map((name) => ({
      service: 'lambda-guard',
      operation: 'collectTelemetry',
      resource: name,
      kind: 'notFound',
      message: `No function named ${name} in the account read (regions ${snapshot.regions.join(', ') || 'none'}): no telemetry was read for it.`,
    }));
  const groups = functionGroupsOf(snapshot).groups;
  const order = [...snapshot.regions, ...functions.map((f) => f.region)];
  const regions = [...new Set(order)].filter((r) => functions.some((f) => f.region === r));
  return {
    accountId: snapshot.account.id,
    functions,
    index: buildFunctionIndex(functions),
    regions: regions.map((r) =>
      regionScope(
        r,
        functions.filter((f) => f.region === r),
        snapshot,
        groups,
      ),
    ),
    localAddresses: interfaceAddresses(snapshot.network.interfaces),
    unknown,
  };
}
