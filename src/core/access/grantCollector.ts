import type { AccessGrant, GrantCondition } from './accessModel';
import { conditionList } from './conditionList';
import { pooled, type Evaluation } from './evaluatePolicies';
import type { Grantee } from './principalMatch';

// Gathers per-action evaluations into one AccessGrant per principal, in a deterministic order.

interface Entry {
  grantee: Grantee;
  /** Parallel lists (a principal has a handful of actions at most). */
  actions: string[];
  evs: Evaluation[];
}

/** A grant assembled once, with the inputs it was assembled from (compared by identity). */
interface Template {
  kind: string;
  actions: string[];
  evs: Evaluation[];
  grant: AccessGrant;
}

function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Two ways to the same action: the better decision wins; equal ones pool their conditions. */
function merge(a: Evaluation, b: Evaluation): Evaluation {
  if (a.decision === 'allowed' && b.decision !== 'allowed') return { ...a, via: [...a.via, ...b.via] };
  if (b.decision === 'allowed' && a.decision !== 'allowed') return { ...b, via: [...b.via, ...a.via] };
  return pooled(a.decision, a, b);
}

function sortedUnique(xs: Iterable<string>): string[] {
  return [...new Set(xs)].sort(byText);
}

function build(principal: string, kind: Grantee['kind'], actions: string[], evs: Evaluation[]): AccessGrant {
  const conditionalActions = actions.filter((_, i) => evs[i].decision === 'conditional');
  const pool = (pick: (ev: Evaluation) => GrantCondition[]): GrantCondition[] => (evs.length === 1 ? pick(evs[0]) : conditionList(evs.flatMap(pick)));
  const grant: AccessGrant = {
    principal,
    kind,
    actions,
    conditional: conditionalActions.length === actions.length,
    conditions: pool((ev) => (ev.decision === 'conditional' ? ev.conditions : [])),
    via: sortedUnique(evs.flatMap((ev) => ev.via)),
  };
  if (conditionalActions.length > 0 && conditionalActions.length < actions.length) grant.conditionalActions = conditionalActions;
  const denyConditions = pool((ev) => ev.denyConditions);
  if (denyConditions.length > 0) grant.denyConditions = denyConditions;
  const satisfied = pool((ev) => ev.satisfiedConditions);
  if (satisfied.length > 0) grant.satisfiedConditions = satisfied;
  const unknown = sortedUnique(evs.flatMap((ev) => ev.unknownPolicies));
  if (unknown.length > 0) grant.unknownPolicies = unknown;
  return grant;
}

/** Grants are shared between functions (and between runs of the caches): frozen, with their arrays. */
function frozen(g: AccessGrant): AccessGrant {
  for (const v of Object.values(g)) if (Array.isArray(v)) Object.freeze(v);
  for (const c of [...g.conditions, ...(g.denyConditions ?? []), ...(g.satisfiedConditions ?? [])]) Object.freeze(c);
  return Object.freeze(g);
}

function sameInputs(t: Template, kind: string, actions: string[], evs: Evaluation[]): boolean {
  if (t.kind !== kind || t.actions.length !== actions.length) return false;
  for (let i = 0; i < actions.length; i++) if (t.actions[i] !== actions[i] || t.evs[i] !== evs[i]) return false;
  return true;
}

/** Caches shared by the collectors of one analysis. */
export interface GrantCache {
  /** Per principal: grants already assembled, with their inputs. */
  templates: Map<string, Template[]>;
  /** Whole lists, by the sequence of what was added (see `add`). */
  lists: Map<string, AccessGrant[]>;
  /** Numbers for principals and actions, and for evaluations (by identity), to keep list keys short. */
  names: Map<string, number>;
  evaluations: WeakMap<Evaluation, number>;
  nextEvaluation: number;
}

const MAX_LISTS = 4096;

export function newGrantCache(): GrantCache {
  return { templates: new Map(), lists: new Map(), names: new Map(), evaluations: new WeakMap(), nextEvaluation: 0 };
}

function nameNumber(cache: GrantCache, name: string): number {
  let n = cache.names.get(name);
  if (n === undefined) cache.names.set(name, (n = cache.names.size));
  return n;
}

function evaluationNumber(cache: GrantCache, ev: Evaluation): number {
  let n = cache.evaluations.get(ev);
  if (n === undefined) cache.evaluations.set(ev, (n = cache.nextEvaluation++));
  return n;
}

/**
 * Collects one function's grants. Evaluations are memoised, so two functions that receive the same
 * evaluations for the same principals and actions get the same grants: the whole list is reused by the
 * sequence of `add` calls (when `cacheable`), and a principal's grant by its inputs. The grant objects
 * are then shared, hence frozen; each function gets its own list array.
 */
export class GrantCollector {
  /** What was added, expanded into per-principal entries only when the list is not already known. */
  private readonly pending: { grantees: readonly Grantee[]; action: string; ev: Evaluation }[] = [];
  private readonly key: string[] | undefined;

  constructor(
    private readonly cache: GrantCache,
    cacheable: boolean,
  ) {
    this.key = cacheable ? [] : undefined;
  }

  /** Records an allowed or conditional evaluation; other decisions are not grants and are ignored. */
  add(grantee: Grantee, action: string, ev: Evaluation): void {
    this.addGroup(grantee.principal, [grantee], action, ev);
  }

  /**
   * The same evaluation for several principals at once (a profile's members); `group` names that set
   * (the same name must always mean the same principals) so that the list key stays short.
   */
  addGroup(group: string, grantees: readonly Grantee[], action: string, ev: Evaluation): void {
    if (ev.decision !== 'allowed' && ev.decision !== 'conditional') return;
    this.key?.push(`${nameNumber(this.cache, group)}.${nameNumber(this.cache, action)}.${evaluationNumber(this.cache, ev)}`);
    this.pending.push({ grantees, action, ev });
  }

  private entries(): Map<string, Entry> {
    const entries = new Map<string, Entry>();
    for (const { grantees, action, ev } of this.pending) {
      for (const grantee of grantees) {
        const e = entries.get(grantee.principal);
        if (!e) {
          entries.set(grantee.principal, { grantee, actions: [action], evs: [ev] });
          continue;
        }
        const i = e.actions.indexOf(action);
        if (i < 0) {
          e.actions.push(action);
          e.evs.push(ev);
        } else e.evs[i] = merge(e.evs[i], ev);
      }
    }
    return entries;
  }

  grants(): AccessGrant[] {
    const key = this.key?.join(',');
    const known = key === undefined ? undefined : this.cache.lists.get(key);
    if (known) return [...known];
    const entries = this.entries();
    const list = [...entries.keys()].sort(byText).map((principal) => this.assemble(principal, entries.get(principal) as Entry));
    if (key !== undefined) {
      if (this.cache.lists.size >= MAX_LISTS) this.cache.lists.clear();
      this.cache.lists.set(key, list);
    }
    return [...list];
  }

  private assemble(principal: string, e: Entry): AccessGrant {
    let { actions, evs } = e;
    if (actions.length > 1) {
      const order = actions.map((_, i) => i).sort((a, b) => byText(e.actions[a], e.actions[b]));
      actions = order.map((i) => e.actions[i]);
      evs = order.map((i) => e.evs[i]);
    }
    let variants = this.cache.templates.get(principal);
    if (!variants) this.cache.templates.set(principal, (variants = []));
    let t = variants.find((v) => sameInputs(v, e.grantee.kind, actions, evs));
    if (!t) variants.push((t = { kind: e.grantee.kind, actions, evs, grant: frozen(build(principal, e.grantee.kind, actions, evs)) }));
    return t.grant;
  }
}

/** Two lists sorted by principal, with no principal in both, as one sorted list. */
export function mergeByPrincipal(a: AccessGrant[], b: AccessGrant[]): AccessGrant[] {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  return [...a, ...b].sort((x, y) => byText(x.principal, y.principal));
}
