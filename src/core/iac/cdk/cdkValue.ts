import type * as ts from 'typescript';

/**
 * The statically known value of a TypeScript expression. `node` is where the value is *used* (its
 * range is what findings point at); `expr` keeps the defining `new`/call expression.
 */
export type Value =
  | { kind: 'str'; text: string; node: ts.Node; origin?: string; holes?: string[] }
  | { kind: 'arr'; items: Value[]; node: ts.Node }
  | { kind: 'obj'; props: ObjProp[]; node: ts.Node; partial: boolean }
  /** A reference into the CDK: `module` is normalised (`aws-iam`, `` for the root), `path` the members. */
  | { kind: 'cdk'; module: string; path: string[]; node: ts.Node }
  | { kind: 'new'; qname?: string; className: string; expr: ts.NewExpression; node: ts.Node }
  | { kind: 'call'; qname?: string; method: string; expr: ts.CallExpression; node: ts.Node }
  /** A namespace import of a sibling module (`import * as c from './constants'`). */
  | { kind: 'ns'; file: string; node: ts.Node }
  | { kind: 'enum'; decl: ts.EnumDeclaration; node: ts.Node }
  | { kind: 'bool'; value: boolean; node: ts.Node }
  | { kind: 'undef'; node: ts.Node }
  | { kind: 'unknown'; node: ts.Node; origin?: string };

export interface ObjProp {
  name: string;
  keyNode: ts.Node;
  value: Value;
}


/** Last property wins, as with object spread. */
export function getProp(v: Value | undefined, name: string): ObjProp | undefined {
  if (!v || v.kind !== 'obj') return undefined;
  for (let i = v.props.length - 1; i >= 0; i--) if (v.props[i].name === name) return v.props[i];
  return undefined;
}

export function propValue(v: Value | undefined, name: string): Value | undefined {
  return getProp(v, name)?.value;
}

/**
 * Moves a value to the place it is used, so findings land on the construct's own line. Values from
 * another file keep only plain data: a construct defined elsewhere is analysed in its own file.
 */
export function relocate(v: Value, at: ts.Node, crossFile = false): Value {
  switch (v.kind) {
    case 'arr':
      return { kind: 'arr', items: v.items.map((i) => relocate(i, at, crossFile)), node: at };
    case 'obj':
      return { kind: 'obj', partial: v.partial, node: at, props: v.props.map((p) => ({ name: p.name, keyNode: at, value: relocate(p.value, at, crossFile) })) };
    case 'new':
    case 'call':
    case 'enum':
      return crossFile ? { kind: 'unknown', node: at, origin: 'value from another file' } : { ...v, node: at };
    default:
      return { ...v, node: at };
  }
}

/** Items of an array value; a single non-array value counts as one item (IAM JSON allows both). */
export function itemsOf(v: Value | undefined): Value[] {
  if (!v || v.kind === 'undef') return [];
  return v.kind === 'arr' ? v.items : [v];
}
