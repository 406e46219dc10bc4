import type * as TS from 'typescript';
import { unwrap, type CdkContext } from './cdkContext';
import type { Value } from './cdkValue';
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
  const n = v.kind === 'unknown' ? unwrap(v.node as TS.Expression) : undefined;
  if (!n || !ts.isConditionalExpression(n) || depth >= MAX_DEPTH) return [{ value: v, branch }];
  const cond = ctx.ev.textOf(n.condition);
  const join = (b: string): string => (branch ? `${branch}, ${b}` : b);
  return [
    ...branchesOf(ctx, ctx.ev.eval(n.whenTrue), join(`${cond}=true`), depth + 1),
    ...branchesOf(ctx, ctx.ev.eval(n.whenFalse), join(`${cond}=false`), depth + 1),
  ];
}
