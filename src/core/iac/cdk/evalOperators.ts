import type * as TS from 'typescript';
import { HOLE } from '../../model/value';
import { relocate, type Value } from './cdkValue';
import type { ConstEvaluator } from './constEvaluator';
import { formatArnText } from './formatArn';
import { tsRuntime } from './tsRuntime';

const ts = tsRuntime();

function collapseHoles(s: string): string {
  return s.replace(/\uE000+/g, HOLE);
}

/** `a + b` (string concatenation with holes), `a ?? b` / `a || b` when `a` is known. */
export function evalBinary(ev: ConstEvaluator, e: TS.BinaryExpression): Value {
  const op = e.operatorToken.kind;
  if (op === ts.SyntaxKind.PlusToken) {
    const l = ev.eval(e.left);
    const r = ev.eval(e.right);
    if (l.kind !== 'str' && r.kind !== 'str') return ev.unknown(e);
    const text = (l.kind === 'str' ? l.text : HOLE) + (r.kind === 'str' ? r.text : HOLE);
    return { kind: 'str', text: collapseHoles(text), node: e, origin: 'concatenation' };
  }
  if (op === ts.SyntaxKind.QuestionQuestionToken || op === ts.SyntaxKind.BarBarToken) {
    const l = ev.eval(e.left);
    return l.kind === 'str' || l.kind === 'arr' || l.kind === 'obj' ? relocate(l, e) : ev.unknown(e);
  }
  return ev.unknown(e);
}

/** A call: `require(…)`, `String(x)`, known array/string helpers; anything else stays an opaque call value. */
export function evalCall(ev: ConstEvaluator, e: TS.CallExpression): Value {
  const callee = e.expression;
  const args = e.arguments;
  if (ts.isPropertyAccessExpression(callee)) {
    const method = callee.name.text;
    const special = stringMethod(ev, method, callee.expression, args, e);
    if (special) return special;
    const cv = ev.eval(callee);
    // `SecretValue.unsafePlainText('…')` writes its argument into the template as is
    if (cv.kind === 'cdk' && cv.path.join('.').match(/^SecretValue\.(unsafePlainText|plainText)$/) && args[0]) return relocate(ev.eval(args[0]), e);
    return { kind: 'call', qname: cv.kind === 'cdk' ? `${cv.module}.${cv.path.join('.')}` : undefined, method, expr: e, node: e };
  }
  if (ts.isIdentifier(callee)) {
    if (callee.text === 'require' && args[0] && ts.isStringLiteral(args[0])) return ev.importValue({ module: args[0].text, name: '*' }, e);
    if (callee.text === 'String' && args[0]) return relocate(ev.eval(args[0]), e);
    const local = ev.callLocal(callee, args, e);
    if (local) return local;
    const cv = ev.eval(callee);
    return { kind: 'call', qname: cv.kind === 'cdk' ? `${cv.module}.${cv.path.join('.')}` : undefined, method: callee.text, expr: e, node: e };
  }
  return { kind: 'call', method: '', expr: e, node: e };
}

const STRING_METHODS = new Set(['join', 'concat', 'toString', 'toLowerCase', 'toUpperCase', 'trim', 'unsafeUnwrap']);

/** Array/string helpers that keep values known; `arnForObjects` keeps its pattern after a hole. */
function stringMethod(ev: ConstEvaluator, method: string, recv: TS.Expression, args: TS.NodeArray<TS.Expression>, e: TS.CallExpression): Value | undefined {
  if (method === 'arnForObjects') {
    const p = args[0] ? ev.eval(args[0]) : undefined;
    return { kind: 'str', text: `${HOLE}/${p?.kind === 'str' ? p.text : HOLE}`, node: e, origin: ev.textOf(e) };
  }
  if (method === 'formatArn' || (method === 'format' && /(^|\.)Arn$/.test(ev.textOf(recv)))) {
    const text = args[0] ? formatArnText(ev.eval(args[0])) : undefined;
    return text === undefined ? undefined : { kind: 'str', text: collapseHoles(text), node: e, origin: ev.textOf(e) };
  }
  if (!STRING_METHODS.has(method)) return undefined;
  const base = ev.eval(recv);
  if (method === 'join' && base.kind === 'arr') {
    const sep = args[0] ? ev.eval(args[0]) : undefined;
    const s = sep === undefined ? ',' : sep.kind === 'str' ? sep.text : HOLE;
    const text = base.items.map((i) => (i.kind === 'str' ? i.text : HOLE)).join(s);
    return { kind: 'str', text: collapseHoles(text), node: e, origin: 'join' };
  }
  if (method === 'concat' && base.kind === 'arr') {
    const items = [...base.items];
    for (const a of args) {
      const v = ev.eval(a);
      if (v.kind === 'arr') for (const x of v.items) items.push(x);
      else items.push(v);
    }
    return { kind: 'arr', items, node: e };
  }
  if (base.kind !== 'str') return undefined;
  if (method === 'concat') {
    let text = base.text;
    for (const a of args) {
      const v = ev.eval(a);
      text += v.kind === 'str' ? v.text : HOLE;
    }
    return { kind: 'str', text: collapseHoles(text), node: e, origin: 'concat' };
  }
  const text = method === 'toLowerCase' ? base.text.toLowerCase() : method === 'toUpperCase' ? base.text.toUpperCase() : method === 'trim' ? base.text.trim() : base.text;
  return { kind: 'str', text, node: e, origin: base.origin };
}
