import type { AccessGrant, GrantCondition } from './accessModel';
import { conditionList } from './conditionList';
import type { Evaluation } from './evaluatePolicies';
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
  return {
    decision: a.decision,
    conditions: conditionList([...a.conditions, ...b.conditions]),
    satisfiedConditions: conditionList([...a.satisfiedConditions, ...b.satisfiedConditions]),
    denyConditions: conditionList([...a.denyConditions, ...b.denyConditions]),
    via: [...a.via, ...b.via],
    deniedBy: [...a.deniedBy, ...b.deniedBy],
    unknownPolicies: [...a.unknownPolicies, ...b.unknownPolicies],
  };
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

/** A fresh grant object with fresh arrays (conditions are shared: treat them as read-only). */
function copy(g: AccessGrant): AccessGrant {
  const out: AccessGrant = { ...g, actions: [...g.actions], conditions: [...g.conditions], via: [...g.via] };
  if (g.conditionalActions) out.conditionalActions = [...g.conditionalActions];
  if (g.denyConditions) out.denyConditions = [...g.denyConditions];
  if (g.satisfiedConditions) out.satisfiedConditions = [...g.satisfiedConditions];
  if (g.unknownPolicies) out.unknownPolicies = [...g.unknownPolicies];
  return out;
}

function sameInputs(t: Template, kind: string, actions: string[], evs: Evaluation[]): boolean {
  if (t.kind !== kind || t.actions.length !== actions.length) return false;
  for (let i = 0; i < actions.length; i++) if (t.actions[i] !== actions[i] || t.evs[i] !== evs[i]) return false;
  return true;
}

/**
 * Collects one function's grants. `templates`, shared across functions, holds grants already built for
 * a principal from the same (memoised, hence identical) evaluations: a principal that can do the same
 * thing to many functions is assembled once and copied.
 */
export class GrantCollector {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly templates = new Map<string, Template[]>()) {}

  /** Records an allowed or conditional evaluation; other decisions are not grants and are ignored. */
  add(grantee: Grantee, action: string, ev: Evaluation): void {
    if (ev.decision !== 'allowed' && ev.decision !== 'conditional') return;
    const e = this.entries.get(grantee.principal);
    if (!e) {
      this.entries.set(grantee.principal, { grantee, actions: [action], evs: [ev] });
      return;
    }
    const i = e.actions.indexOf(action);
    if (i < 0) {
      e.actions.push(action);
      e.evs.push(ev);
    } else e.evs[i] = merge(e.evs[i], ev);
  }

  grants(): AccessGrant[] {
    const principals = [...this.entries.keys()].sort(byText);
    return principals.map((principal) => {
      const e = this.entries.get(principal) as Entry;
      let { actions, evs } = e;
      if (actions.length > 1) {
        const order = actions.map((_, i) => i).sort((a, b) => byText(e.actions[a], e.actions[b]));
        actions = order.map((i) => e.actions[i]);
        evs = order.map((i) => e.evs[i]);
      }
      let variants = this.templates.get(principal);
      if (!variants) this.templates.set(principal, (variants = []));
      let t = variants.find((v) => sameInputs(v, e.grantee.kind, actions, evs));
      if (!t) variants.push((t = { kind: e.grantee.kind, actions, evs, grant: build(principal, e.grantee.kind, actions, evs) }));
      return copy(t.grant);
    });
  }
}

export type GrantTemplates = Map<string, Template[]>;
