import type { Str } from '../../model/value';
import { collapseNamedHoles, HOLE, holeNames } from '../../model/value';
import { get, scalarString, type TNode } from '../tree/tnode';
import { branchesOf, isNoValue, joinBranch } from './branches';
import { KNOWN_PSEUDO, noteBounded, type ResolveContext } from './resolveContext';

const MAX_VARIANTS = 16;

function hole(node: TNode, origin: string, branch?: string): Str {
  return { text: HOLE, range: node.range, origin, branch };
}

function refOrigin(node: TNode): string {
  if (node.kind !== 'fn') return 'expression';
  const arg = node.arg.kind === 'scalar' ? String(node.arg.value) : node.arg.kind === 'seq' ? node.arg.items.map((i) => scalarString(i) ?? '?').join('.') : '…';
  const short = node.name === 'Ref' ? '!Ref' : `!${node.name.replace('Fn::', '')}`;
  return `${short} ${arg}`;
}

/**
 * Resolves a node in a string position to its possible values (one per `!If` branch).
 * Unresolvable parts become HOLE — unknown, never a wildcard.
 */
export function resolveScalar(node: TNode | undefined, ctx: ResolveContext, branch?: string): Str[] {
  if (!node || isNoValue(node)) return [];
  if (node.kind === 'scalar') {
    if (node.value === null) return [];
    return [{ text: String(node.value), range: node.range, branch }];
  }
  if (node.kind !== 'fn') return [hole(node, 'non-string value', branch)];
  switch (node.name) {
    case 'Fn::If':
      return branchesOf(node, branch).flatMap((b) => resolveScalar(b.node, ctx, b.branch));
    case 'Ref': {
      const name = scalarString(node.arg) ?? '';
      if (name in KNOWN_PSEUDO) return [{ text: KNOWN_PSEUDO[name], range: node.range, branch, origin: `!Ref ${name}` }];
      return [hole(node, refOrigin(node), branch)];
    }
    case 'Fn::Sub':
      return resolveSub(node, ctx, branch);
    case 'Fn::Join':
      return resolveJoin(node, ctx, branch);
    case 'Fn::Select':
      return resolveSelect(node, ctx, branch);
    case 'Fn::FindInMap':
      return resolveFindInMap(node, ctx, branch);
    default:
      return [hole(node, refOrigin(node), branch)];
  }
}

/** Resolves a node in a list position (Action, Resource …): a scalar or a sequence, with `!If` anywhere. */
export function resolveList(node: TNode | undefined, ctx: ResolveContext, branch?: string): Str[] {
  if (!node || isNoValue(node)) return [];
  if (node.kind === 'seq') return node.items.flatMap((i) => resolveList(i, ctx, branch));
  if (node.kind === 'fn' && node.name === 'Fn::If') {
    return branchesOf(node, branch).flatMap((b) => resolveList(b.node, ctx, b.branch));
  }
  if (node.kind === 'fn' && (node.name === 'Fn::Split' || node.name === 'Fn::GetAZs' || node.name === 'Fn::Cidr')) {
    return [hole(node, refOrigin(node), branch)];
  }
  return resolveScalar(node, ctx, branch);
}

function resolveSub(node: TNode & { kind: 'fn' }, ctx: ResolveContext, branch?: string): Str[] {
  let template: string | undefined;
  let vars: TNode | undefined;
  if (node.arg.kind === 'scalar') template = scalarString(node.arg);
  else if (node.arg.kind === 'seq') {
    template = scalarString(node.arg.items[0]);
    vars = node.arg.items[1];
  }
  if (template === undefined) return [hole(node, '!Sub', branch)];
  let variants: Variant[] = [{ text: '', branch, holes: [] }];
  const re = /\$\{([^}]*)\}/g;
  let last = 0;
  for (let m = re.exec(template); m; m = re.exec(template)) {
    const lit = template.slice(last, m.index);
    last = m.index + m[0].length;
    const name = m[1].trim();
    let parts: Variant[];
    if (name.startsWith('!')) parts = [{ text: `\${${name.slice(1)}}`, holes: [] }];
    else if (name in KNOWN_PSEUDO) parts = [{ text: KNOWN_PSEUDO[name], holes: [] }];
    else {
      const v = vars ? get(vars, name) : undefined;
      // An unresolved `${Name}` is named in messages as what the template wrote.
      parts = v ? resolveScalar(v, ctx).map(variantOf) : [{ text: HOLE, holes: [name] }];
      if (parts.length === 0) parts = [{ text: '', holes: [] }];
    }
    variants = combine(variants, lit, parts, () => capped(ctx, node, '!Sub'));
  }
  variants = variants.map((v) => ({ ...v, text: v.text + template.slice(last) }));
  return variants.map((v) => strOf(v, node, '!Sub'));
}

/** One possible text of a value, with the names of its unresolved parts. */
interface Variant {
  text: string;
  branch?: string;
  holes: (string | undefined)[];
}

function variantOf(s: Str): Variant {
  return { text: s.text, branch: s.branch, holes: holeNames(s) };
}

function strOf(v: Variant, node: TNode, origin: string): Str {
  const collapsed = collapseNamedHoles(v.text, v.holes);
  const out: Str = { text: collapsed.text, range: node.range, branch: v.branch, origin };
  if (collapsed.holes) out.holes = collapsed.holes;
  return out;
}

/** Every text `acc` followed by `lit` and each of `parts` can make, at most MAX_VARIANTS of them. */
function combine(acc: Variant[], lit: string, parts: Variant[], onCap: () => void): Variant[] {
  if (acc.length === 1 && parts.length === 1) {
    // One value so far and one part (no `!If`): extend it in place, so `${A}` written 100,000 times stays linear.
    const [a, p] = [acc[0], parts[0]];
    for (const h of p.holes) a.holes.push(h);
    return [{ text: a.text + lit + p.text, branch: joinBranch(a.branch, p.branch), holes: a.holes }];
  }
  const out: Variant[] = [];
  for (const a of acc) {
    for (const p of parts) {
      if (out.length >= MAX_VARIANTS) {
        onCap();
        return out;
      }
      out.push({ text: a.text + lit + p.text, branch: joinBranch(a.branch, p.branch), holes: [...a.holes, ...p.holes] });
    }
  }
  return out;
}

function capped(ctx: ResolveContext, node: TNode, what: string): void {
  noteBounded(ctx, node.range, `a ${what} with more than ${MAX_VARIANTS} possible values (!If combinations): only the first ${MAX_VARIANTS} are checked`);
}

function resolveJoin(node: TNode & { kind: 'fn' }, ctx: ResolveContext, branch?: string): Str[] {
  if (node.arg.kind !== 'seq' || node.arg.items.length !== 2) return [hole(node, 'Fn::Join', branch)];
  const delim = scalarString(node.arg.items[0]) ?? '';
  const list = node.arg.items[1];
  if (list.kind !== 'seq') return [hole(node, 'Fn::Join', branch)];
  let variants: Variant[] = [{ text: '', branch, holes: [] }];
  list.items.forEach((item, i) => {
    const parts = item.kind === 'fn' && item.name === 'Fn::If' ? resolveScalar(item, ctx) : resolveList(item, ctx);
    const texts: Variant[] = parts.length === 0 ? [{ text: '', holes: [] }] : item.kind === 'seq' || parts.length > 1 && item.kind !== 'fn'
      ? [{ text: parts.map((p) => p.text).join(delim), holes: parts.flatMap(holeNames) }]
      : parts.map(variantOf);
    variants = combine(variants, i === 0 ? '' : delim, texts, () => capped(ctx, node, 'Fn::Join'));
  });
  return variants.map((v) => strOf(v, node, 'Fn::Join'));
}

function resolveSelect(node: TNode & { kind: 'fn' }, ctx: ResolveContext, branch?: string): Str[] {
  if (node.arg.kind === 'seq' && node.arg.items.length === 2) {
    const idx = Number(scalarString(node.arg.items[0]));
    const list = node.arg.items[1];
    if (Number.isInteger(idx) && list.kind === 'seq' && list.items[idx]) {
      return resolveScalar(list.items[idx], ctx, branch).map((s) => ({ ...s, range: node.range, origin: 'Fn::Select' }));
    }
  }
  return [hole(node, 'Fn::Select', branch)];
}

function resolveFindInMap(node: TNode & { kind: 'fn' }, ctx: ResolveContext, branch?: string): Str[] {
  if (node.arg.kind === 'seq' && node.arg.items.length >= 3 && ctx.mappings) {
    const keys = node.arg.items.slice(0, 3).map((k) => scalarString(k));
    if (keys.every((k) => k !== undefined)) {
      const v = get(get(get(ctx.mappings, keys[0]!), keys[1]!), keys[2]!);
      if (v && v.kind === 'scalar') return [{ text: String(v.value), range: node.range, branch, origin: 'Fn::FindInMap' }];
    }
  }
  return [hole(node, refOrigin(node), branch)];
}
