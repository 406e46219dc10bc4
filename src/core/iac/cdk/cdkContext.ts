import type * as TS from 'typescript';
import type { SourceRange } from '../../model/sourceRange';
import type { TemplateModel } from '../../model/templateModel';
import { HOLE, type Str } from '../../model/value';
import type { ConstructKind } from './cdkNames';
import type { Value } from './cdkValue';
import type { ConstEvaluator } from './constEvaluator';
import { tsRuntime } from './tsRuntime';

const ts = tsRuntime();

/** One `new X(scope, id, props)` of a construct. */
export interface ConstructInfo {
  expr: TS.NewExpression;
  qname?: string;
  className: string;
  kind: ConstructKind;
  type: string;
  /** The construct id for messages: its value, or its source text when not constant. */
  id: string;
  idNode: TS.Expression;
  props?: Value;
}

/** Shared state of one file's analysis. */
export interface CdkContext {
  sf: TS.SourceFile;
  file: string;
  ev: ConstEvaluator;
  model: TemplateModel;
  constructs: Map<TS.NewExpression, ConstructInfo>;
  /** `this.x = …` and class fields `x = …`, by property name. */
  fields: Map<string, TS.Expression | null>;
  /** Statements / documents / managed-policy references already reported, so each appears once. */
  emitted: Set<TS.Node>;
  /** `stmt.addActions(…)`-style calls per statement; `doc.addStatements(…)` per document. */
  stmtCalls: Map<TS.Node, TS.CallExpression[]>;
  docStatements: Map<TS.Node, Value[]>;
}

export function rangeOf(sf: TS.SourceFile, n: TS.Node): SourceRange {
  const s = sf.getLineAndCharacterOfPosition(n.getStart(sf));
  const e = sf.getLineAndCharacterOfPosition(n.getEnd());
  return { startLine: s.line + 1, startColumn: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1 };
}

/** A value as the model's string: known text (holes inside), or a hole with where it came from. */
export function toStr(ctx: CdkContext, v: Value, at?: TS.Node): Str {
  const range = rangeOf(ctx.sf, at ?? v.node);
  if (v.kind === 'str') return { text: v.text, range, ...(v.origin ? { origin: v.origin } : {}), ...(v.holes ? { holes: v.holes } : {}) };
  if (v.kind === 'bool') return { text: String(v.value), range };
  const origin = v.kind === 'cdk' ? `${v.module}.${v.path.join('.')}` : v.kind === 'unknown' ? v.origin ?? ctx.ev.textOf(v.node) : v.kind === 'call' || v.kind === 'new' ? ctx.ev.textOf(v.expr) : undefined;
  return origin ? { text: HOLE, range, origin } : { text: HOLE, range };
}

/** A list-valued property (`actions`, `resources`): one Str per item, a single hole when unknown. */
export function toStrList(ctx: CdkContext, v: Value | undefined): Str[] | undefined {
  if (!v || v.kind === 'undef') return undefined;
  if (v.kind === 'arr') return v.items.map((i) => toStr(ctx, i));
  return [toStr(ctx, v)];
}

export function unwrap(e: TS.Expression): TS.Expression {
  let n = e;
  while (ts.isParenthesizedExpression(n) || ts.isNonNullExpression(n) || ts.isAsExpression(n) || ts.isTypeAssertionExpression(n) || ts.isSatisfiesExpression(n)) n = n.expression;
  return n;
}

/** Properties that are part of the construct they hang off (`fn.role`, `fn.grantPrincipal` …). */
const PARTS = new Set(['role', 'grantPrincipal', 'currentVersion', 'latestVersion', 'assumeRolePolicy', 'principalPolicy', 'document']);

/** The construct an expression denotes (`fn`, `this.fn`, `fn.role!`), when it is created in this file. */
export function resolveConstruct(ctx: CdkContext, e: TS.Expression, depth = 0): ConstructInfo | undefined {
  if (depth > 8) return undefined;
  const n = unwrap(e);
  if (ts.isNewExpression(n)) return ctx.constructs.get(n);
  if (ts.isIdentifier(n)) {
    const d = ctx.ev.scopes.lookup(n);
    if (d?.kind === 'var' && d.decl.initializer) return resolveConstruct(ctx, d.decl.initializer, depth + 1);
    return undefined;
  }
  if (ts.isPropertyAccessExpression(n)) {
    if (n.expression.kind === ts.SyntaxKind.ThisKeyword) {
      const f = ctx.fields.get(n.name.text);
      return f ? resolveConstruct(ctx, f, depth + 1) : undefined;
    }
    if (PARTS.has(n.name.text)) return resolveConstruct(ctx, n.expression, depth + 1);
  }
  return undefined;
}

/** The owner name for what a method call attaches: the construct id, else a readable receiver text. */
export function ownerOf(ctx: CdkContext, e: TS.Expression): string {
  const c = resolveConstruct(ctx, e);
  if (c) return c.id;
  const n = unwrap(e);
  // `lambda.Function.fromFunctionArn(this, 'Imported', arn)` → `Imported`
  if (ts.isCallExpression(n) && n.arguments.length >= 2 && ts.isPropertyAccessExpression(n.expression) && /^from/.test(n.expression.name.text)) {
    const id = ctx.ev.eval(n.arguments[1]);
    if (id.kind === 'str' && !id.text.includes(HOLE)) return id.text;
  }
  return n.getText(ctx.sf).replace(/\s+/g, '').replace(/^this\./, '').replace(/[!?]/g, '').replace(/\.(role|grantPrincipal|assumeRolePolicy)$/, '');
}

/** `id + '-fn'` → `id + '-fn'`; `` `${name}-Fn` `` → `${name}-Fn`; constants → their value. */
export function displayId(ctx: CdkContext, idNode: TS.Expression): string {
  const v = ctx.ev.eval(idNode);
  if (v.kind === 'str' && !v.text.includes(HOLE)) return v.text;
  const n = unwrap(idNode);
  const text = n.getText(ctx.sf);
  return ts.isTemplateExpression(n) ? text.slice(1, -1) : text;
}
