import type { SourceRange } from '../../model/sourceRange';
import { HOLE } from '../../model/value';
import { InputLimitError, LIMITS } from '../tree/limits';
import type { TNode } from '../tree/tnode';
import type { SlsResolver } from './slsVariables';

/** Key of a range, for the names of the holes a resolved scalar holds. */
export function rangeKey(r: SourceRange): string {
  return `${r.startLine}:${r.startColumn}-${r.endLine}:${r.endColumn}`;
}

export interface ResolvedTree {
  root: TNode;
  /** The variables (as written) behind the holes of each resolved scalar, by the scalar's range. */
  holeNames: Map<string, string[]>;
}

/**
 * The configuration with its Serverless variables resolved: a string becomes its resolved text (holes for
 * the unknown parts), a string that is one variable for a map or list (`${self:custom.statements}`,
 * `${file(./iam.yml)}`) becomes that map or list. Nodes keep their ranges, so findings land on the line
 * written in this file (the variable's line for what comes from another file). CloudFormation's own
 * `${AWS::Region}` and `${Param}` stay as they are, for `!Sub` to resolve.
 */
export function resolveTree(root: TNode, resolver: SlsResolver): ResolvedTree {
  const holeNames = new Map<string, string[]>();
  const active = new Set<TNode>();
  // A referenced map or list is resolved once and shared; what it would expand to still counts against the
  // node budget, so references that name each other many times over (a reference bomb) stop like an alias bomb.
  const memo = new Map<TNode, { out: TNode; size: number }>();
  let expanded = 0;
  const count = (size: number): void => {
    expanded += size;
    if (expanded > LIMITS.maxNodes) throw new InputLimitError(`the Serverless variables expand to more than ${LIMITS.maxNodes} nodes (a reference bomb?)`);
  };
  const visit = (n: TNode): { out: TNode; size: number } => {
    const seen = memo.get(n);
    if (seen) {
      count(seen.size);
      return seen;
    }
    const r = resolveNode(n);
    memo.set(n, r);
    return r;
  };
  const resolveNode = (n: TNode): { out: TNode; size: number } => {
    if (n.kind === 'scalar') {
      count(1);
      if (typeof n.value !== 'string' || !n.value.includes('${')) return { out: n, size: 1 };
      const r = resolver.string(n.value, n.range);
      if (r.kind === 'text') {
        if (r.holes.length) holeNames.set(rangeKey(n.range), r.holes);
        return { out: { kind: 'scalar', value: r.text, range: n.range }, size: 1 };
      }
      // A reference to a map or list of this file: resolved in turn (a cycle is unknown).
      if (active.has(r.node)) return { out: { kind: 'scalar', value: HOLE, range: n.range }, size: 1 };
      active.add(r.node);
      try {
        return visit(r.node);
      } finally {
        active.delete(r.node);
      }
    }
    count(1);
    if (n.kind === 'map') {
      const entries = n.entries.map((e) => ({ e, v: visit(e.value) }));
      return { out: { ...n, entries: entries.map(({ e, v }) => ({ ...e, value: v.out })) }, size: 1 + entries.reduce((a, x) => a + x.v.size, 0) };
    }
    if (n.kind === 'seq') {
      const items = n.items.map(visit);
      return { out: { ...n, items: items.map((i) => i.out) }, size: 1 + items.reduce((a, x) => a + x.size, 0) };
    }
    const arg = visit(n.arg);
    return { out: { ...n, arg: arg.out }, size: 1 + arg.size };
  };
  return { root: visit(root).out, holeNames };
}

/**
 * Gives the holes of every value in `model` the names of the variables they stand for: a value read from a
 * resolved scalar carries that scalar's range. Values whose hole count differs (a `!Join` of several parts)
 * keep unnamed holes rather than misnamed ones.
 */
export function nameHoles(value: unknown, holeNames: Map<string, string[]>): void {
  if (holeNames.size === 0 || !value || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const v of value) nameHoles(v, holeNames);
    return;
  }
  const o = value as Record<string, unknown>;
  if (typeof o.text === 'string' && o.range && typeof o.range === 'object' && o.text.includes(HOLE) && !o.holes) {
    const names = holeNames.get(rangeKey(o.range as SourceRange));
    if (names && names.length === o.text.split(HOLE).length - 1) o.holes = [...names];
  }
  for (const [k, v] of Object.entries(o)) if (k !== 'range' && typeof v === 'object') nameHoles(v, holeNames);
}
