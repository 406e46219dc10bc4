import type * as TS from 'typescript';
import { unwrap, type CdkContext } from './cdkContext';
import { relocate, type Value } from './cdkValue';
import { tsRuntime } from './tsRuntime';

const ts = tsRuntime();

export interface Branch {
  value: Value;
  /** `isProd=false`, joined with `, ` for nested conditionals; undefined when not behind a conditional. */
  branch?: string;
}

const MAX_DEPTH = 4;

/**
 * The alternatives of `cond ? a : b` written in place, whose condition is not a constant (a context
 * value, a prop): the TypeScript counterpart of `!If`, so that a stage-dependent `authType` is judged
 * per branch instead of being unknown. Any other value is its own single branch.
 */
export function branchesOf(ctx: CdkContext, v: Value, branch?: string, depth = 0): Branch[] {
  let n = v.kind === 'unknown' ? unwrap(v.node as TS.Expression) : undefined;
  // `const auth = isProd ? AWS_IAM : NONE; … { authType: auth }`: the branches, reported where used.
  const viaConst = n !== undefined && ts.isIdentifier(n);
  if (n && ts.isIdentifier(n)) n = unwrap(ctx.ev.constInitializer(n) ?? n);
  if (!n || !ts.isConditionalExpression(n) || depth >= MAX_DEPTH) return [{ value: v, branch }];
  const cond = ctx.ev.textOf(n.condition);
  const join = (b: string): string => (branch ? `${branch}, ${b}` : b);
  const side = (e: TS.Expression): Value => (viaConst ? relocate(ctx.ev.eval(e), v.node) : ctx.ev.eval(e));
  return [
    ...branchesOf(ctx, side(n.whenTrue), join(`${cond}=true`), depth + 1),
    ...branchesOf(ctx, side(n.whenFalse), join(`${cond}=false`), depth + 1),
  ];
}
