import type { Condition, Effect, PolicyDocument, Principal, Statement } from '../../model/policy';
import type { Str } from '../../model/value';

import { getCi, type TEntry, type TNode } from '../tree/tnode';
import { branchesOf } from './branches';
import { resolveList, resolveScalar } from './resolveStr';
import type { ResolveContext } from './resolveContext';

const PRINCIPAL_TYPES = new Set(['AWS', 'Service', 'Federated', 'CanonicalUser']);

/** Reads one statement map into Statement variants (one per `!If` branch of its Effect). */
export function readStatement(node: TNode, ctx: ResolveContext, branch?: string): Statement[] {
  if (node.kind !== 'map') return [];
  const e = (k: string): TEntry | undefined => getCi(node, k);
  const keyRanges: Statement['keyRanges'] = {};
  const setKey = (name: keyof Statement['keyRanges'], k: string): void => {
    const en = e(k);
    if (en) keyRanges[name] = en.keyRange;
  };
  setKey('effect', 'Effect');
  setKey('action', 'Action');
  setKey('notAction', 'NotAction');
  setKey('resource', 'Resource');
  setKey('notResource', 'NotResource');
  setKey('principal', 'Principal');
  setKey('notPrincipal', 'NotPrincipal');
  setKey('condition', 'Condition');

  const list = (k: string): Str[] | undefined => {
    const en = e(k);
    return en ? resolveList(en.value, ctx, branch) : undefined;
  };
  const { conditions, unknown } = readConditions(e('Condition')?.value, ctx);
  const base = {
    sid: e('Sid') && e('Sid')!.value.kind === 'scalar' ? String((e('Sid')!.value as { value: unknown }).value) : undefined,
    actions: list('Action'),
    notActions: list('NotAction'),
    resources: list('Resource'),
    notResources: list('NotResource'),
    principals: e('Principal') ? readPrincipals(e('Principal')!.value, ctx, branch) : undefined,
    notPrincipals: e('NotPrincipal') ? readPrincipals(e('NotPrincipal')!.value, ctx, branch) : undefined,
    conditions,
    conditionUnknown: unknown || undefined,
    range: node.range,
    keyRanges,
  };
  const effects = e('Effect') ? resolveScalar(e('Effect')!.value, ctx, branch) : [];
  if (effects.length === 0) return [{ ...base, effect: 'Unknown', branch }];
  return effects.map((s) => ({ ...base, effect: toEffect(s), branch: s.branch }));
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
    if (n.kind === 'scalar' && typeof n.value === 'string' && parseString) {
      const parsed = parseString(n);
      if (!parsed) continue;
      n = parsed;
    }
    if (n.kind !== 'map') continue;
    const stmtNode = getCi(n, 'Statement')?.value;
    const statements: Statement[] = [];
    for (const sb of branchesOf(stmtNode, b.branch)) {
      const items = sb.node.kind === 'seq' ? sb.node.items : [sb.node];
      for (const item of items) {
        for (const ib of branchesOf(item, sb.branch)) statements.push(...readStatement(ib.node, ctx, ib.branch));
      }
    }
    docs.push({ ...meta, statements, range: n.range });
  }
  return docs;
}

