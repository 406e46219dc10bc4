import type * as ts from 'typescript';
import type { Effect, PolicyKind, Statement } from '../../model/policy';
import { rangeOf, type CdkContext } from './cdkContext';
import { IAM } from './cdkNames';
import { statementFromJson, statementFromNew, jsonStatements } from './cdkStatements';
import { itemsOf, propValue, type Value } from './cdkValue';

export interface DocMeta {
  kind: PolicyKind;
  owner: string;
  origin: string;
}

/** Marks a node reported; false when it already was (a statement shared by two roles is reported once). */
export function claim(ctx: CdkContext, n: ts.Node): boolean {
  if (ctx.emitted.has(n)) return false;
  ctx.emitted.add(n);
  return true;
}

/** The statements of one statement-valued expression. */
function statementsOf(ctx: CdkContext, v: Value, rawEffect: Effect): Statement[] {
  if (v.kind === 'new' && v.qname === IAM.statement) return claim(ctx, v.expr) ? [statementFromNew(ctx, v.expr)] : [];
  if (v.kind === 'call' && v.qname === IAM.statementFromJson) {
    const a = v.expr.arguments[0];
    return a && claim(ctx, v.expr) ? [statementFromJson(ctx, ctx.ev.eval(a), 'Allow')] : [];
  }
  if (v.kind === 'obj') return [statementFromJson(ctx, v, rawEffect)];
  return [];
}

/**
 * Statement-valued items of a document: `new iam.PolicyDocument({ statements })` (plus its later
 * `addStatements`), `iam.PolicyDocument.fromJson({...})`, or an IAM-JSON object (L1 properties).
 */
function documentStatements(ctx: CdkContext, v: Value | undefined): Value[] {
  if (!v) return [];
  if (v.kind === 'new' && v.qname === IAM.document) {
    if (!claim(ctx, v.expr)) return [];
    const a = v.expr.arguments?.[0];
    const props = a ? ctx.ev.eval(a) : undefined;
    return [...itemsOf(propValue(props, 'statements')), ...(ctx.docStatements.get(v.expr) ?? [])];
  }
  if (v.kind === 'call' && v.qname === IAM.documentFromJson) {
    const a = v.expr.arguments[0];
    return a && claim(ctx, v.expr) ? jsonStatements(ctx.ev.eval(a)) : [];
  }
  return jsonStatements(v);
}

/** Adds a PolicyDocument for the given statement values, unless none is left to report. */
export function emitPolicy(ctx: CdkContext, meta: DocMeta, stmts: Value[], at: ts.Node, rawEffect: Effect = 'Unknown'): void {
  const statements = stmts.flatMap((v) => statementsOf(ctx, v, rawEffect));
  if (statements.length > 0) ctx.model.policies.push({ ...meta, statements, range: rangeOf(ctx.sf, at) });
}

export function emitDocument(ctx: CdkContext, meta: DocMeta, doc: Value | undefined, at: ts.Node): void {
  emitPolicy(ctx, meta, documentStatements(ctx, doc), at);
}
