import { SNAPSHOT_FORMAT, SNAPSHOT_VERSION, type AccountSnapshot } from '../accountModel';

export class SnapshotError extends Error {}

/** One JSON file per account: what `lambda-guard snapshot` writes and `--snapshot FILE` reads. */
export function snapshotToJson(s: AccountSnapshot): string {
  return `${JSON.stringify(s, null, 1)}\n`;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

/**
 * Parses and checks a snapshot file. The checks are structural (the parts every view reads), with a
 * message that says what is wrong, so a truncated or foreign file never reaches the views.
 */
export function snapshotFromJson(text: string, file: string): AccountSnapshot {
  let v: unknown;
  try {
    v = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    throw new SnapshotError(`${file} is not valid JSON: ${(e as Error).message}`);
  }
  if (!isObject(v) || v.format !== SNAPSHOT_FORMAT) throw new SnapshotError(`${file} is not a Lambda Guard snapshot (no "format": "${SNAPSHOT_FORMAT}")`);
  if (v.version !== SNAPSHOT_VERSION) throw new SnapshotError(`${file} is a version ${String(v.version)} snapshot; this Lambda Guard reads version ${SNAPSHOT_VERSION}`);
  const problems: string[] = [];
  if (!isObject(v.account) || typeof v.account.id !== 'string') problems.push('account.id');
  for (const key of ['functions', 'regions', 'alarms', 'errors']) if (!Array.isArray(v[key])) problems.push(key);
  if (!isObject(v.iam) || !['roles', 'users', 'groups', 'policies'].every((k) => Array.isArray((v.iam as Record<string, unknown>)[k]))) problems.push('iam');
  if (!isObject(v.network) || !['interfaces', 'subnets', 'securityGroups'].every((k) => Array.isArray((v.network as Record<string, unknown>)[k]))) problems.push('network');
  if (Array.isArray(v.functions)) {
    v.functions.forEach((f, i) => {
      if (!isObject(f) || typeof f.name !== 'string' || typeof f.arn !== 'string' || typeof f.region !== 'string' || typeof f.role !== 'string') problems.push(`functions[${i}]`);
      else if (typeof f.resourcePolicy === 'string') {
        // GetPolicy returns the policy as a JSON string: a hand-made snapshot may keep it that way.
        try {
          f.resourcePolicy = JSON.parse(f.resourcePolicy);
        } catch {
          problems.push(`functions[${i}].resourcePolicy (not JSON)`);
        }
      }
    });
  }
  if (problems.length) throw new SnapshotError(`${file} is damaged: missing or invalid ${problems.slice(0, 5).join(', ')}${problems.length > 5 ? ` and ${problems.length - 5} more` : ''}`);
  return withDefaults(v as unknown as AccountSnapshot);
}

/** Optional collections a hand-written or older snapshot may leave out, filled so views need not check. */
function withDefaults(s: AccountSnapshot): AccountSnapshot {
  for (const f of s.functions) {
    if (f.vpc) {
      f.vpc.subnetIds ??= [];
      f.vpc.securityGroupIds ??= [];
    }
    // A function's own region counts even when the list of regions forgot it.
    if (!s.regions.includes(f.region)) s.regions.push(f.region);
    f.tags ??= {};
    f.environment ??= {};
    f.layers ??= [];
    f.eventSourceMappings ??= [];
  }
  for (const p of [...s.iam.roles, ...s.iam.users, ...s.iam.groups]) {
    p.inlinePolicies ??= [];
    p.attachedPolicies ??= [];
  }
  for (const u of s.iam.users) u.groups ??= [];
  for (const r of s.iam.roles) r.trustPolicy ??= {};
  for (const e of s.network.interfaces) {
    e.privateIps ??= [];
    e.securityGroupIds ??= [];
    e.description ??= '';
  }
  for (const a of s.alarms) a.dimensions ??= [];
  return s;
}
