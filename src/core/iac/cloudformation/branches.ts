import { scalarString, type TNode } from '../tree/tnode';

export interface Branch {
  node: TNode;
  branch?: string;
}

/** `A=true & B=false`: labels joined once each, in order. */
export function joinBranch(a: string | undefined, b: string | undefined): string | undefined {
  if (!a) return b;
  if (!b) return a;
  const parts = a.split(' & ');
  for (const p of b.split(' & ')) if (!parts.includes(p)) parts.push(p);
  return parts.join(' & ');
}

/** True when a joined label needs one condition both true and false: a combination that never deploys. */
export function isContradictory(branch: string | undefined): boolean {
  if (!branch) return false;
  const seen = new Map<string, string>();
  for (const p of branch.split(' & ')) {
    const at = p.lastIndexOf('=');
    const [cond, value] = [p.slice(0, at), p.slice(at + 1)];
    if (seen.has(cond) && seen.get(cond) !== value) return true;
    seen.set(cond, value);
  }
  return false;
}

/** True for `!Ref AWS::NoValue`, which removes the property or list item it stands in. */
export function isNoValue(node: TNode | undefined): boolean {
  return !!node && node.kind === 'fn' && node.name === 'Ref' && scalarString(node.arg) === 'AWS::NoValue';
}

/**
 * Unwraps `!If [Cond, A, B]` (nested too) into the alternatives with their branch labels, so that
 * both sides are analysed and a finding can say which one it comes from. `AWS::NoValue` branches vanish.
 */
export function branchesOf(node: TNode | undefined, branch?: string): Branch[] {
  return alternativesOf(node, branch).filter((a): a is Branch => a.node !== undefined);
}

/**
 * The alternatives of a value behind `!If` (nested too), with their branch labels; an `AWS::NoValue`
 * branch stays as an alternative without a node: a property present in one branch only (a condition,
 * a SourceAccount) is absent in the other.
 */
export function alternativesOf(node: TNode | undefined, branch?: string, depth = 0): { node?: TNode; branch?: string }[] {
  if (!node || isNoValue(node)) return [{ branch }];
  if (node.kind === 'fn' && node.name === 'Fn::If' && node.arg.kind === 'seq' && node.arg.items.length === 3 && depth < 8) {
    const cond = scalarString(node.arg.items[0]) ?? '?';
    return [
      ...alternativesOf(node.arg.items[1], joinBranch(branch, `${cond}=true`), depth + 1),
      ...alternativesOf(node.arg.items[2], joinBranch(branch, `${cond}=false`), depth + 1),
    ];
  }
  return [{ node, branch }];
}
