/**
 * Lambda ENIs → function groups. Lambda creates one Hyperplane ENI per (subnet, security-group set) and
 * shares it between every VPC function with that same pair, so an ENI's traffic belongs to a *group*
 * of functions and can't be pinned on one of them. A function with several subnets is in one group
 * per subnet. This is AWS's own ENI-finder rule (subnet + sorted security groups).
 */
import type { AccountSnapshot, LiveFunction, NetworkInterfaceInfo } from '../inventory/accountModel';
import type { FlowSummary } from '../inventory/telemetryModel';

export interface FunctionGroup {
  /** `region|subnet|sg-a,sg-b` (security groups sorted). */
  key: string;
  region: string;
  vpcId?: string;
  subnetId: string;
  securityGroupIds: string[];
  /** The functions configured with this subnet and security-group set, sorted. */
  functionNames: string[];
  functionArns: string[];
  /** The Lambda ENIs of the pair (usually one), sorted. */
  interfaceIds: string[];
  /** The function named in an ENI's description — the one whose deployment created it, not necessarily a user of it. */
  creators: string[];
}

export interface FunctionGroupIndex {
  groups: FunctionGroup[];
  byInterface: ReadonlyMap<string, FunctionGroup>;
  /** By function ARN: every group the function belongs to (one per subnet). */
  byFunction: ReadonlyMap<string, FunctionGroup[]>;
}

const LAMBDA_PREFIX = 'AWS Lambda VPC ENI-';

/** True for Lambda's ENIs: InterfaceType `lambda`, or the description Lambda writes (moto reports every type as `interface`). */
export function isLambdaInterface(eni: Pick<NetworkInterfaceInfo, 'interfaceType' | 'description'>): boolean {
  return eni.interfaceType === 'lambda' || eni.description.startsWith(LAMBDA_PREFIX);
}

/** The function named in `AWS Lambda VPC ENI-<function>-<uuid>` (the uuid is 36 characters). */
export function lambdaEniCreator(description: string): string | undefined {
  if (!description.startsWith(LAMBDA_PREFIX)) return undefined;
  const rest = description.slice(LAMBDA_PREFIX.length);
  const m = /^(.+)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.exec(rest);
  return m ? m[1] : rest || undefined;
}

export function groupKey(region: string, subnetId: string, securityGroupIds: readonly string[]): string {
  return `${region}|${subnetId}|${[...securityGroupIds].sort().join(',')}`;
}

function newGroup(key: string, region: string, subnetId: string, sgs: readonly string[], vpcId?: string): FunctionGroup {
  return { key, region, vpcId, subnetId, securityGroupIds: [...sgs].sort(), functionNames: [], functionArns: [], interfaceIds: [], creators: [] };
}

/** Builds the groups from the functions' VPC configuration and the account's network interfaces. */
export function buildFunctionGroups(functions: readonly LiveFunction[], interfaces: readonly NetworkInterfaceInfo[]): FunctionGroupIndex {
  const byKey = new Map<string, FunctionGroup>();
  const byFunction = new Map<string, FunctionGroup[]>();
  for (const fn of functions) {
    const vpc = fn.vpc;
    if (!vpc || vpc.subnetIds.length === 0) continue;
    for (const subnet of new Set(vpc.subnetIds)) {
      const key = groupKey(fn.region, subnet, vpc.securityGroupIds);
      let g = byKey.get(key);
      if (!g) byKey.set(key, (g = newGroup(key, fn.region, subnet, vpc.securityGroupIds, vpc.vpcId)));
      g.functionNames.push(fn.name);
      g.functionArns.push(fn.arn);
      byFunction.set(fn.arn, [...(byFunction.get(fn.arn) ?? []), g]);
    }
  }
  const byInterface = new Map<string, FunctionGroup>();
  for (const eni of interfaces) {
    if (!isLambdaInterface(eni) || !eni.subnetId) continue;
    const key = groupKey(eni.region, eni.subnetId, eni.securityGroupIds);
    let g = byKey.get(key);
    // An ENI no current function matches (its functions were deleted or moved): kept, with no functions.
    if (!g) byKey.set(key, (g = newGroup(key, eni.region, eni.subnetId, eni.securityGroupIds, eni.vpcId)));
    g.interfaceIds.push(eni.id);
    const creator = lambdaEniCreator(eni.description);
    if (creator && !g.creators.includes(creator)) g.creators.push(creator);
    byInterface.set(eni.id, g);
  }
  const groups = [...byKey.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const g of groups) {
    const order = g.functionNames.map((n, i) => [n, g.functionArns[i]] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    g.functionNames = order.map(([n]) => n);
    g.functionArns = order.map(([, a]) => a);
    g.interfaceIds.sort();
    g.creators.sort();
  }
  return { groups, byInterface, byFunction };
}

export function functionGroupsOf(snapshot: Pick<AccountSnapshot, 'functions' | 'network'>): FunctionGroupIndex {
  return buildFunctionGroups(snapshot.functions, snapshot.network.interfaces);
}

/** "fn-a, fn-b (shared ENI)" — how a group is named to the user: a set, never one guessed function. */
export function functionGroupLabel(g: FunctionGroup): string {
  if (g.functionNames.length === 0) return `Lambda ENI of ${g.creators.length ? `${g.creators.join(', ')} (no current function)` : 'no current function'}`;
  if (g.functionNames.length === 1) return g.functionNames[0];
  return `${g.functionNames.join(', ')} (shared ENI)`;
}

/** The interfaces' own private IPs, for FlowAggregatorOptions.localAddresses. */
export function interfaceAddresses(interfaces: readonly NetworkInterfaceInfo[]): Map<string, string[]> {
  return new Map(interfaces.map((eni) => [eni.id, [...eni.privateIps]]));
}

/** Each group's flows (by its interfaces); flows on interfaces of no group are left out. */
export function flowsByGroup(flows: readonly FlowSummary[], index: FunctionGroupIndex): Map<FunctionGroup, FlowSummary[]> {
  const out = new Map<FunctionGroup, FlowSummary[]>();
  for (const f of flows) {
    const g = index.byInterface.get(f.interfaceId);
    if (!g) continue;
    const list = out.get(g);
    if (list) list.push(f);
    else out.set(g, [f]);
  }
  return out;
}
