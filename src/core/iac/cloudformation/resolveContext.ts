import type { SourceRange } from '../../model/sourceRange';
import { get, type TNode } from '../tree/tnode';

/** What intrinsic resolution may look up in the template: parameters, mappings, resources. */
export interface ResolveContext {
  parameters: Set<string>;
  resources: Set<string>;
  mappings?: TNode;
  /**
   * Places where `!If` combinations were too many to judge one by one and the rest were judged together;
   * the loader reports each as a notice, so a bounded analysis is never silent.
   */
  bounded?: { range: SourceRange; message: string }[];
}

const noted = new WeakMap<ResolveContext, Set<string>>();

/** Records that work on `range` was bounded (once per place and message). */
export function noteBounded(ctx: ResolveContext, range: SourceRange, message: string): void {
  let seen = noted.get(ctx);
  if (!seen) noted.set(ctx, (seen = new Set()));
  const key = `${range.startLine}:${range.startColumn}:${message}`;
  if (seen.has(key)) return;
  seen.add(key);
  (ctx.bounded ??= []).push({ range, message });
}

export function contextFor(root: TNode): ResolveContext {
  const keys = (n: TNode | undefined): Set<string> =>
    new Set(n && n.kind === 'map' ? n.entries.map((e) => e.key) : []);
  return { parameters: keys(get(root, 'Parameters')), resources: keys(get(root, 'Resources')), mappings: get(root, 'Mappings'), bounded: [] };
}

/** Pseudo parameters with a value we can use; the others (Region, AccountId …) are unknown. */
export const KNOWN_PSEUDO: Record<string, string> = {
  'AWS::Partition': 'aws',
  'AWS::URLSuffix': 'amazonaws.com',
};
