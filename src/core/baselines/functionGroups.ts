import { functionKey } from '../activity/functionIndex';
import { isLambdaInterface } from '../flows/functionGroups';
import type { AccountSnapshot, LiveFunction } from '../inventory/accountModel';

/**
 * Lambda gives every function that uses the same subnet and security-group set one shared network
 * interface, so flow records cannot tell those functions apart. A group is every function of a region
 * with the same security-group set (they share an interface in each subnet they have in common, and
 * Lambda spreads a function's traffic over its subnets, so peers are learned over all of them).
 */
export interface FunctionGroup {
  key: string;
  region: string;
  securityGroupIds: string[];
  /** Sorted by name. */
  functions: LiveFunction[];
}

export interface FunctionGroups {
  groups: FunctionGroup[];
  byFunction: ReadonlyMap<string, FunctionGroup>;
  /** Lambda network interfaces of the snapshot → their group. */
  byInterface: ReadonlyMap<string, FunctionGroup>;
  /** Interface id → its subnet, to say which of a group's functions can use it. */
  interfaceSubnet: ReadonlyMap<string, string>;
}

export function groupKey(region: string, securityGroupIds: string[]): string {
  return `${region}|${[...securityGroupIds].sort().join(',')}`;
}

export function buildFunctionGroups(snapshot: Pick<AccountSnapshot, 'functions' | 'network'>): FunctionGroups {
  const byKey = new Map<string, FunctionGroup>();
  const byFunction = new Map<string, FunctionGroup>();
  for (const fn of snapshot.functions) {
    const sgs = fn.vpc?.securityGroupIds ?? [];
    if (!fn.vpc || sgs.length === 0) continue;
    const key = groupKey(fn.region, sgs);
    let group = byKey.get(key);
    if (!group) {
      group = { key, region: fn.region, securityGroupIds: [...sgs].sort(), functions: [] };
      byKey.set(key, group);
    }
    group.functions.push(fn);
    byFunction.set(functionKey(fn.region, fn.name), group);
  }
  for (const g of byKey.values()) g.functions.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const byInterface = new Map<string, FunctionGroup>();
  const interfaceSubnet = new Map<string, string>();
  for (const eni of snapshot.network.interfaces) {
    if (!isLambdaInterface(eni)) continue;
    const group = byKey.get(groupKey(eni.region, eni.securityGroupIds));
    if (!group) continue;
    byInterface.set(eni.id, group);
    if (eni.subnetId) interfaceSubnet.set(eni.id, eni.subnetId);
  }
  const groups = [...byKey.values()].sort((a, b) => (a.key < b.key ? -1 : 1));
  return { groups, byFunction, byInterface, interfaceSubnet };
}

/** The group's functions that can be behind these interfaces (those with one of their subnets); all when unknown. */
export function functionsBehind(groups: FunctionGroups, group: FunctionGroup, interfaceIds: Iterable<string>): string[] {
  const subnets = new Set<string>();
  for (const id of interfaceIds) {
    const subnet = groups.interfaceSubnet.get(id);
    if (subnet === undefined) return group.functions.map((f) => f.name);
    subnets.add(subnet);
  }
  const names = group.functions.filter((f) => f.vpc?.subnetIds.some((s) => subnets.has(s))).map((f) => f.name);
  return names.length > 0 ? names : group.functions.map((f) => f.name);
}

/** Who a group alert is about: the first of the functions behind its interfaces (all of them go in `sharedWith`). */
export function groupTarget(group: FunctionGroup, names: string[]): { functionName: string; region: string; arn?: string } {
  const fn = group.functions.find((f) => f.name === names[0]) ?? group.functions[0];
  return { functionName: fn.name, region: fn.region, arn: fn.arn };
}
