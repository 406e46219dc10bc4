import type { AccessGrant, GrantCondition } from './accessModel';
import { conditionList } from './conditionList';
import type { Evaluation } from './evaluatePolicies';
import type { Grantee } from './principalMatch';

// Gathers per-action evaluations into one AccessGrant per principal, in a deterministic order.

interface Entry {
  grantee: Grantee;
  actions: Map<string, Evaluation>;
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

export class GrantCollector {
  private readonly entries = new Map<string, Entry>();

  /** Records an allowed or conditional evaluation; other decisions are not grants and are ignored. */
  add(grantee: Grantee, action: string, ev: Evaluation): void {
    if (ev.decision !== 'allowed' && ev.decision !== 'conditional') return;
    let e = this.entries.get(grantee.principal);
    if (!e) this.entries.set(grantee.principal, (e = { grantee, actions: new Map() }));
    const prev = e.actions.get(action);
    e.actions.set(action, prev ? merge(prev, ev) : ev);
  }

  grants(): AccessGrant[] {
    const out: AccessGrant[] = [];
    for (const [principal, e] of [...this.entries].sort(([a], [b]) => byText(a, b))) {
      const actions = [...e.actions.keys()].sort(byText);
      const evs = actions.map((a) => e.actions.get(a) as Evaluation);
      const conditionalActions = actions.filter((_, i) => evs[i].decision === 'conditional');
      const pool = (pick: (ev: Evaluation) => GrantCondition[]): GrantCondition[] => conditionList(evs.flatMap(pick));
      const grant: AccessGrant = {
        principal,
        kind: e.grantee.kind,
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
      out.push(grant);
    }
    return out;
  }
}
