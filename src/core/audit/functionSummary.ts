import type { AccessGrant } from '../access/accessModel';
import type { LiveFunction, PolicyJson } from '../inventory/accountModel';
import type { FunctionGroupIndex } from '../flows/functionGroups';

/** What invokes a function: an event source mapping, a service or account allowed by its resource policy, its URL. */
export interface TriggerSummary {
  kind: 'event-source-mapping' | 'permission' | 'url';
  /** The event source ARN, the principal, or the URL. */
  source: string;
  /** The permission's SourceArn, the mapping's state, the URL's auth type. */
  detail?: string;
}

export interface PermissionSummary {
  sid?: string;
  effect: string;
  principal: string;
  actions: string[];
  conditions: Record<string, unknown>;
}

export interface VpcSummary {
  vpcId?: string;
  subnetIds: string[];
  securityGroupIds: string[];
  /** ENIs with the function's subnet + security-group set: shared by every function with the same set. */
  interfaces: string[];
  /** Other functions using the same ENIs (same subnets and security groups). */
  sharedWith: string[];
}

/** One function of the `audit` JSON (`functions[]`, ARCHITECTURE.md). */
export interface AuditFunction {
  name: string;
  arn: string;
  region: string;
  role: string;
  runtime: string | null;
  triggers: TriggerSummary[];
  permissions: PermissionSummary[];
  url: { url: string; authType: string } | null;
  vpc: VpcSummary | null;
  whoCanModify: AccessGrant[];
  whoCanInvoke: AccessGrant[];
  source: { file: string; line: number } | null;
}

function list(v: unknown): unknown[] {
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

function principalText(p: unknown): string {
  if (typeof p === 'string') return p;
  if (p && typeof p === 'object') {
    return Object.values(p).flatMap(list).map(String).join(', ');
  }
  return '?';
}

export function permissionSummaries(policy: PolicyJson | undefined): PermissionSummary[] {
  return list(policy?.Statement).map((st) => {
    const s = (st ?? {}) as Record<string, unknown>;
    // NotPrincipal / NotAction mean "everyone but" / "every action but": said in words, never shown as the grantee.
    return {
      ...(typeof s.Sid === 'string' ? { sid: s.Sid } : {}),
      effect: String(s.Effect ?? '?'),
      principal: s.Principal !== undefined ? principalText(s.Principal) : s.NotPrincipal !== undefined ? `anyone except ${principalText(s.NotPrincipal)}` : '?',
      actions: s.Action !== undefined ? list(s.Action).map(String) : list(s.NotAction).map((a) => `any action except ${String(a)}`),
      conditions: (s.Condition && typeof s.Condition === 'object' ? s.Condition : {}) as Record<string, unknown>,
    };
  });
}

function conditionValue(conditions: Record<string, unknown>, key: string): string | undefined {
  for (const tests of Object.values(conditions)) {
    if (!tests || typeof tests !== 'object') continue;
    for (const [k, v] of Object.entries(tests)) if (k.toLowerCase() === key) return list(v).map(String).join(', ');
  }
  return undefined;
}

export function triggerSummaries(fn: LiveFunction): TriggerSummary[] {
  const out: TriggerSummary[] = fn.eventSourceMappings.map((m) => ({
    kind: 'event-source-mapping' as const,
    source: m.eventSourceArn ?? m.selfManagedSource ?? m.uuid,
    ...(m.state ? { detail: m.state } : {}),
  }));
  for (const p of permissionSummaries(fn.resourcePolicy)) {
    if (p.effect !== 'Allow') continue;
    const sourceArn = conditionValue(p.conditions, 'aws:sourcearn');
    out.push({ kind: 'permission', source: p.principal, ...(sourceArn ? { detail: sourceArn } : {}) });
  }
  if (fn.url) out.push({ kind: 'url', source: fn.url.url, detail: `AuthType ${fn.url.authType}` });
  return out;
}

/** The function's ENIs and the other functions that share them (same subnet and security-group set: one group per subnet; see flows/functionGroups). */
export function vpcSummary(fn: LiveFunction, index: FunctionGroupIndex): VpcSummary | null {
  if (!fn.vpc || fn.vpc.subnetIds.length === 0) return null;
  const groups = index.byFunction.get(fn.arn) ?? [];
  const interfaces = new Set<string>();
  const sharedWith = new Set<string>();
  for (const g of groups) {
    for (const id of g.interfaceIds) interfaces.add(id);
    g.functionArns.forEach((arn, i) => arn !== fn.arn && sharedWith.add(g.functionNames[i]));
  }
  return { ...(fn.vpc.vpcId ? { vpcId: fn.vpc.vpcId } : {}), subnetIds: [...fn.vpc.subnetIds], securityGroupIds: [...fn.vpc.securityGroupIds], interfaces: [...interfaces].sort(), sharedWith: [...sharedWith].sort() };
}

/** Order of functions in every report and view: by region, then name (code-unit order, locale-free). */
export function byRegionAndName(a: { region: string; name: string }, b: { region: string; name: string }): number {
  return a.region < b.region ? -1 : a.region > b.region ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}
