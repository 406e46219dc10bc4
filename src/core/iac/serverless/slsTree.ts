import type { SourceRange } from '../../model/sourceRange';
import { HOLE } from '../../model/value';
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
  const visit = (n: TNode): TNode => {
    if (n.kind === 'scalar') {
      if (typeof n.value !== 'string' || !n.value.includes('${')) return n;
      const r = resolver.string(n.value, n.range);
      if (r.kind === 'text') {
        if (r.holes.length) holeNames.set(rangeKey(n.range), r.holes);
        return { kind: 'scalar', value: r.text, range: n.range };
      }
      // A reference to a map or list of this file: resolved in turn, once on any path (a cycle is unknown).
      if (active.has(r.node)) return { kind: 'scalar', value: HOLE, range: n.range };
      active.add(r.node);
      const out = visit(r.node);
      active.delete(r.node);
      return out;
    }
    if (n.kind === 'map') return { ...n, entries: n.entries.map((e) => ({ ...e, value: visit(e.value) })) };
    if (n.kind === 'seq') return { ...n, items: n.items.map(visit) };
    return { ...n, arg: visit(n.arg) };
  };
  return { root: visit(root), holeNames };
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
