import type { AccountSnapshot, IamRole, LiveFunction } from '../inventory/accountModel';
import type { Finding } from '../model/finding';
import { permissionSummaries } from './functionSummary';

/** What changed in one function between two snapshots. */
export interface FunctionChange {
  name: string;
  region: string;
  codeChanged?: { from?: string; to?: string };
  roleChanged?: { from: string; to: string };
  permissionsAdded: string[];
  permissionsRemoved: string[];
  urlChanged?: { from: string | null; to: string | null };
  rolePoliciesAdded: string[];
  rolePoliciesRemoved: string[];
  rolePoliciesChanged: string[];
}

export interface SnapshotComparison {
  before: { collectedAt: string; source: string };
  after: { collectedAt: string; source: string };
  functionsAdded: string[];
  functionsRemoved: string[];
  changed: FunctionChange[];
  /** Findings present now and not before (by rule, function and message). */
  newFindings: Finding[];
  resolvedFindings: Finding[];
}

const key = (f: Pick<LiveFunction, 'region' | 'name'>): string => `${f.region}/${f.name}`;

function permissionKeys(fn: LiveFunction): Set<string> {
  return new Set(permissionSummaries(fn.resourcePolicy).map((p) => `${p.sid ?? '?'}: ${p.effect} ${p.principal} ${p.actions.join(',')} ${JSON.stringify(p.conditions)}`));
}

/** A role's policies as `inline NAME` / `attached ARN` → their document as text (an attached policy's from the snapshot's policies). */
function rolePolicies(role: IamRole | undefined, s: AccountSnapshot): Map<string, string> {
  const m = new Map<string, string>();
  for (const p of role?.inlinePolicies ?? []) m.set(`inline ${p.name}`, JSON.stringify(p.document));
  for (const p of role?.attachedPolicies ?? []) m.set(`attached ${p.arn}`, JSON.stringify(s.iam.policies.find((x) => x.arn === p.arn)?.document ?? null));
  return m;
}

function diffSets(before: Set<string>, after: Set<string>): { added: string[]; removed: string[] } {
  return { added: [...after].filter((x) => !before.has(x)).sort(), removed: [...before].filter((x) => !after.has(x)).sort() };
}

function roleOf(s: AccountSnapshot, arn: string): IamRole | undefined {
  return s.iam.roles.find((r) => r.arn === arn);
}

function compareFunction(a: LiveFunction, b: LiveFunction, before: AccountSnapshot, after: AccountSnapshot): FunctionChange | undefined {
  const perms = diffSets(permissionKeys(a), permissionKeys(b));
  const pa = rolePolicies(roleOf(before, a.role), before);
  const pb = rolePolicies(roleOf(after, b.role), after);
  const pol = diffSets(new Set(pa.keys()), new Set(pb.keys()));
  const rolePoliciesChanged = [...pb.keys()].filter((k) => pa.has(k) && pa.get(k) !== pb.get(k)).sort();
  const urlA = a.url ? `${a.url.url} (${a.url.authType})` : null;
  const urlB = b.url ? `${b.url.url} (${b.url.authType})` : null;
  const c: FunctionChange = {
    name: b.name,
    region: b.region,
    ...(a.codeSha256 !== b.codeSha256 ? { codeChanged: { from: a.codeSha256, to: b.codeSha256 } } : {}),
    ...(a.role !== b.role ? { roleChanged: { from: a.role, to: b.role } } : {}),
    permissionsAdded: perms.added,
    permissionsRemoved: perms.removed,
    ...(urlA !== urlB ? { urlChanged: { from: urlA, to: urlB } } : {}),
    rolePoliciesAdded: pol.added,
    rolePoliciesRemoved: pol.removed,
    rolePoliciesChanged,
  };
  const changed = c.codeChanged || c.roleChanged || c.urlChanged || perms.added.length || perms.removed.length || pol.added.length || pol.removed.length || rolePoliciesChanged.length;
  return changed ? c : undefined;
}

const findingKey = (f: Finding): string => `${f.ruleId}|${f.target?.region}/${f.target?.functionName}|${f.message}`;

/** What changed between an earlier snapshot and now: functions, permissions, URLs, role policies, findings. */
export function compareSnapshots(before: AccountSnapshot, after: AccountSnapshot, findingsBefore: Finding[], findingsAfter: Finding[]): SnapshotComparison {
  const mb = new Map(before.functions.map((f) => [key(f), f]));
  const ma = new Map(after.functions.map((f) => [key(f), f]));
  const changed: FunctionChange[] = [];
  for (const [k, fa] of ma) {
    const fb = mb.get(k);
    const c = fb && compareFunction(fb, fa, before, after);
    if (c) changed.push(c);
  }
  const kb = new Set(findingsBefore.map(findingKey));
  const ka = new Set(findingsAfter.map(findingKey));
  const label = (s: AccountSnapshot): string => s.source.file ?? s.source.kind;
  return {
    before: { collectedAt: before.collectedAt, source: label(before) },
    after: { collectedAt: after.collectedAt, source: label(after) },
    functionsAdded: [...ma.keys()].filter((k) => !mb.has(k)).sort(),
    functionsRemoved: [...mb.keys()].filter((k) => !ma.has(k)).sort(),
    changed: changed.sort((x, y) => key(x).localeCompare(key(y))),
    newFindings: findingsAfter.filter((f) => !kb.has(findingKey(f))),
    resolvedFindings: findingsBefore.filter((f) => !ka.has(findingKey(f))),
  };
}
