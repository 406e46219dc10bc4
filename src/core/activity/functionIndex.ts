import type { LiveFunction } from '../inventory/accountModel';

/** Functions of a snapshot, found by name, region, role or event source mapping. */
export interface FunctionIndex {
  functions: LiveFunction[];
  byKey: ReadonlyMap<string, LiveFunction>;
  byName: ReadonlyMap<string, LiveFunction[]>;
  /** Keyed by the lower-cased role ARN (IAM role names are case-insensitive). */
  byRoleArn: ReadonlyMap<string, LiveFunction[]>;
  /** Keyed by the lower-cased role name without its path: STS session ARNs carry the name only. */
  byRoleName: ReadonlyMap<string, LiveFunction[]>;
  /** Event source mapping UUID → its function (Update/DeleteEventSourceMapping name only the UUID). */
  mappingOwner: ReadonlyMap<string, LiveFunction>;
}

/** `us-east-1/orders-api`: a function's identity across regions (names are unique per region). */
export function functionKey(region: string, name: string): string {
  return `${region}/${name}`;
}

/** `arn:aws:iam::123456789012:role/service-role/app-role` → `app-role`. */
export function roleNameOfArn(roleArn: string): string {
  const resource = roleArn.split(':').slice(5).join(':');
  return resource.slice(resource.lastIndexOf('/') + 1);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function buildFunctionIndex(functions: LiveFunction[]): FunctionIndex {
  const byKey = new Map<string, LiveFunction>();
  const byName = new Map<string, LiveFunction[]>();
  const byRoleArn = new Map<string, LiveFunction[]>();
  const byRoleName = new Map<string, LiveFunction[]>();
  const mappingOwner = new Map<string, LiveFunction>();
  for (const fn of functions) {
    byKey.set(functionKey(fn.region, fn.name), fn);
    push(byName, fn.name, fn);
    if (fn.role) {
      push(byRoleArn, fn.role.toLowerCase(), fn);
      push(byRoleName, roleNameOfArn(fn.role).toLowerCase(), fn);
    }
    for (const m of fn.eventSourceMappings ?? []) mappingOwner.set(m.uuid, fn);
  }
  return { functions, byKey, byName, byRoleArn, byRoleName, mappingOwner };
}
