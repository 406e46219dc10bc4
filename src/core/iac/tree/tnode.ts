import type { SourceRange } from '../../model/sourceRange';

/**
 * A format-neutral template tree: YAML and JSON both load into it, with CloudFormation intrinsics
 * (short tags `!Sub` and long forms `Fn::Sub:`) turned into `fn` nodes, and every node keeping its range.
 */
export type TNode = TScalar | TMap | TSeq | TFn;

export interface TScalar {
  kind: 'scalar';
  value: string | number | boolean | null;
  range: SourceRange;
}

export interface TEntry {
  key: string;
  keyRange: SourceRange;
  value: TNode;
  /** From the key to the end of the value. */
  range: SourceRange;
}

export interface TMap {
  kind: 'map';
  entries: TEntry[];
  range: SourceRange;
}

export interface TSeq {
  kind: 'seq';
  items: TNode[];
  range: SourceRange;
}

/** An intrinsic function: `name` is the long form (`Ref`, `Fn::Sub`, `Fn::GetAtt`, `Condition` …). */
export interface TFn {
  kind: 'fn';
  name: string;
  arg: TNode;
  range: SourceRange;
}

export function get(node: TNode | undefined, key: string): TNode | undefined {
  if (!node || node.kind !== 'map') return undefined;
  for (const e of node.entries) if (e.key === key) return e.value;
  return undefined;
}

export function entry(node: TNode | undefined, key: string): TEntry | undefined {
  if (!node || node.kind !== 'map') return undefined;
  return node.entries.find((e) => e.key === key);
}

/** Case-insensitive lookup, for IAM policy keys, which some templates write in odd case. */
export function getCi(node: TNode | undefined, key: string): TEntry | undefined {
  if (!node || node.kind !== 'map') return undefined;
  for (const e of node.entries) if (e.key === key) return e;
  const k = key.toLowerCase();
  return node.entries.find((e) => e.key.toLowerCase() === k);
}

export function scalarString(node: TNode | undefined): string | undefined {
  if (!node || node.kind !== 'scalar' || node.value === null) return undefined;
  return String(node.value);
}

/** Long-form keys that make a one-entry map an intrinsic function. */
export function isIntrinsicKey(key: string): boolean {
  return key === 'Ref' || key.startsWith('Fn::');
}
