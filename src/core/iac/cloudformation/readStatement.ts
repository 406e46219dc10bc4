import type { Condition, Effect, PolicyDocument, Principal, Statement } from '../../model/policy';
import type { Str } from '../../model/value';

import { get, type TEntry, type TNode } from '../tree/tnode';
import { alternativesOf, branchesOf, isContradictory, joinBranch } from './branches';
import { resolveList, resolveScalar } from './resolveStr';
import { noteBounded, type ResolveContext } from './resolveContext';

const PRINCIPAL_TYPES = new Set(['AWS', 'Service', 'Federated', 'CanonicalUser']);

/** Reads one statement map into Statement variants (one per `!If` branch of its Effect). */
export function readStatement(node: TNode, ctx: ResolveContext, branch?: string): Statement[] {
  if (node.kind !== 'map') return [];
  // IAM element names are case-sensitive (`effect:` is not `Effect:`, and IAM rejects the document);
  // index them once per statement.
  const byKey = new Map<string, TEntry>();
  for (const en of node.entries) byKey.set(en.key, en);
  const e = (k: string): TEntry | undefined => byKey.get(k);
  const keyRanges: Statement['keyRanges'] = {};
  const keys: [keyof Statement['keyRanges'], string][] = [
    ['effect', 'Effect'], ['action', 'Action'], ['notAction', 'NotAction'], ['resource', 'Resource'],
    ['notResource', 'NotResource'], ['principal', 'Principal'], ['notPrincipal', 'NotPrincipal'], ['condition', 'Condition'],
  ];
  for (const [name, k] of keys) {
    const en = byKey.get(k);
    if (en) keyRanges[name] = en.keyRange;
  }
  const list = (k: string): Str[] | undefined => {
    const en = e(k);
    return en ? resolveList(en.value, ctx, branch) : undefined;
  };
  // A Condition behind `!If` (often with AWS::NoValue) is judged per branch.
  const condVariants = alternativesOf(e('Condition')?.value).map((a) => ({ ...readConditions(a.node, ctx), branch: a.branch }));
  const { conditions, unknown } = condVariants[0];
  const sid = e('Sid')?.value;
  const principal = e('Principal');
  const notPrincipal = e('NotPrincipal');
  const base: Statement = {
    effect: 'Unknown',
    sid: sid && sid.kind === 'scalar' && sid.value !== null ? String(sid.value) : undefined,
    actions: list('Action'),
    notActions: list('NotAction'),
    resources: list('Resource'),
    notResources: list('NotResource'),
    principals: principal ? readPrincipals(principal.value, ctx, branch) : undefined,
    notPrincipals: notPrincipal ? readPrincipals(notPrincipal.value, ctx, branch) : undefined,
    conditions,
    conditionUnknown: unknown || undefined,
    range: node.range,
    keyRanges,
  };
  const effect = e('Effect');
  const effects = effect ? resolveScalar(effect.value, ctx, branch) : [];
  if (effects.length <= 1 && condVariants.length === 1) {
    // The common case: one statement, built without copying.
    base.effect = effects.length ? toEffect(effects[0]) : 'Unknown';
    base.branch = effects.length ? effects[0].branch : branch;
    return [base];
  }
  const out: Statement[] = [];
  const efs = effects.length ? effects : [undefined];
  // Effect × Condition variants multiply (two 8-deep `!If` trees: 65,536 statements from 27 KB): past the
  // cap the remaining combinations become one statement judged for all of them.
  outer: for (let i = 0; i < efs.length; i++) {
    for (let j = 0; j < condVariants.length; j++) {
      const ef = efs[i];
      const c = condVariants[j];
      const joined = joinBranch(ef ? ef.branch : branch, c.branch);
      if (isContradictory(joined)) continue;
      if (out.length === MAX_STATEMENT_VARIANTS - 1 && (i < efs.length - 1 || j < condVariants.length - 1)) {
        out.push(judgedTogether(base, efs, condVariants, branch));
        noteBounded(ctx, node.range, `more than ${MAX_STATEMENT_VARIANTS} !If combinations of Effect and Condition in one statement (${efs.length * condVariants.length} before contradictory ones are dropped): the first ${MAX_STATEMENT_VARIANTS - 1} are judged one by one, the rest together, as if the least restrictive of them applied`);
        break outer;
      }
      out.push({ ...base, effect: ef ? toEffect(ef) : 'Unknown', conditions: c.conditions, conditionUnknown: c.unknown || undefined, branch: joined });
    }
  }
  return out;
}

/** Statement variants judged one by one; the rest are judged together (see judgedTogether). */
const MAX_STATEMENT_VARIANTS = 64;

/**
 * One statement standing for many `!If` combinations, never milder than any of them: it allows when any
 * Effect allows, and keeps only the conditions every variant has (a condition is what clears a finding).
 */
function judgedTogether(base: Statement, effects: (Str | undefined)[], conds: { conditions: Condition[]; unknown: boolean }[], branch: string | undefined): Statement {
  const kinds = new Set(effects.map((e) => (e ? toEffect(e) : 'Unknown')));
  const effect: Effect = kinds.has('Allow') ? 'Allow' : kinds.size === 1 ? [...kinds][0] : 'Unknown';
  const keyOf = (c: Condition): string => JSON.stringify([c.operator, c.key, c.values.map((v) => v.text)]);
  let common: Map<string, Condition> | undefined;
  for (const v of conds) {
    const mine = new Map(v.conditions.map((c) => [keyOf(c), c] as const));
    if (!common) common = mine;
    else for (const k of [...common.keys()]) if (!mine.has(k)) common.delete(k);
  }
  return { ...base, effect, conditions: [...(common?.values() ?? [])], conditionUnknown: conds.every((c) => c.unknown) || undefined, branch };
}

function toEffect(s: Str): Effect {
  if (s.text === 'Allow' || s.text === 'Deny') return s.text;
  return 'Unknown';
}

export function readPrincipals(node: TNode, ctx: ResolveContext, branch?: string): Principal[] {
  const out: Principal[] = [];
  for (const b of branchesOf(node, branch)) {
    const n = b.node;
    if (n.kind === 'map') {
      for (const en of n.entries) {
        const type = PRINCIPAL_TYPES.has(en.key) ? (en.key as Principal['type']) : 'AWS';
        for (const v of resolveList(en.value, ctx, b.branch)) out.push({ type, value: v });
      }
    } else {
      for (const v of resolveList(n, ctx, b.branch)) out.push({ type: v.text === '*' ? '*' : 'AWS', value: v });
    }
  }
  return out;
}

function readConditions(node: TNode | undefined, ctx: ResolveContext): { conditions: Condition[]; unknown: boolean } {
  const conditions: Condition[] = [];
  if (!node) return { conditions, unknown: false };
  if (node.kind !== 'map') return { conditions, unknown: true };
  let unknown = false;
  for (const op of node.entries) {
    if (op.value.kind !== 'map') {
      unknown = true;
      continue;
    }
    for (const k of op.value.entries) {
      conditions.push({ operator: op.key, key: k.key, values: resolveList(k.value, ctx), range: k.range });
    }
  }
  return { conditions, unknown };
}

export interface DocMeta {
  kind: PolicyDocument['kind'];
  owner: string;
  origin: string;
}

/**
 * Reads a policy document (a map with `Statement`, possibly behind `!If`) into PolicyDocuments.
 * `parseString` handles documents written as a JSON string inside the template.
 */
export function readPolicyDocument(node: TNode | undefined, ctx: ResolveContext, meta: DocMeta, parseString?: (n: TNode) => TNode | undefined): PolicyDocument[] {
  const docs: PolicyDocument[] = [];
  for (const b of branchesOf(node)) {
    let n = b.node;
    if (parseString && ((n.kind === 'scalar' && typeof n.value === 'string') || (n.kind === 'fn' && n.name === 'Fn::Sub'))) {
      const parsed = parseString(n);
      if (!parsed) continue;
      n = parsed;
    }
    if (n.kind !== 'map') continue;
    const stmtNode = get(n, 'Statement');
    const statements: Statement[] = [];
    for (const sb of branchesOf(stmtNode, b.branch)) {
      const items = sb.node.kind === 'seq' ? sb.node.items : [sb.node];
      for (const item of items) {
        for (const ib of branchesOf(item, sb.branch)) for (const st of readStatement(ib.node, ctx, ib.branch)) statements.push(st);
      }
    }
    docs.push({ kind: meta.kind, owner: meta.owner, origin: meta.origin, statements, range: n.range });
  }
  return docs;
}

