import type * as TS from 'typescript';
import { tsRuntime } from './tsRuntime';

const ts = tsRuntime();
const K = ts.SyntaxKind;
const MUTATORS = new Set(['push', 'unshift', 'splice', 'pop', 'shift', 'sort', 'reverse', 'fill', 'set', 'delete', 'clear']);

function rootName(e: TS.Expression): string | undefined {
  let n: TS.Expression = e;
  while (ts.isPropertyAccessExpression(n) || ts.isElementAccessExpression(n) || ts.isParenthesizedExpression(n) || ts.isNonNullExpression(n)) n = n.expression;
  return ts.isIdentifier(n) ? n.text : undefined;
}

/**
 * Records the name a node changes after its declaration (assigned, `++`, `arr.push(…)`, `obj.x = …`):
 * constant propagation treats such names as unknown rather than trust a stale initializer.
 */
export function noteMutation(n: TS.Node, out: Set<string>): void {
  let target: TS.Expression | undefined;
  switch (n.kind) {
    case K.BinaryExpression: {
      const b = n as TS.BinaryExpression;
      if (b.operatorToken.kind >= K.FirstAssignment && b.operatorToken.kind <= K.LastAssignment) target = b.left;
      break;
    }
    case K.PrefixUnaryExpression:
    case K.PostfixUnaryExpression: {
      const u = n as TS.PrefixUnaryExpression;
      if (u.operator === K.PlusPlusToken || u.operator === K.MinusMinusToken) target = u.operand;
      break;
    }
    case K.DeleteExpression:
      target = (n as TS.DeleteExpression).expression;
      break;
    case K.CallExpression: {
      const c = n as TS.CallExpression;
      if (!ts.isPropertyAccessExpression(c.expression)) break;
      const name = c.expression.name.text;
      if (MUTATORS.has(name)) target = c.expression.expression;
      else if (name === 'assign' && ts.isIdentifier(c.expression.expression) && c.expression.expression.text === 'Object') target = c.arguments[0];
      break;
    }
  }
  const root = target && rootName(target);
  if (root) out.add(root);
}

/** Every mutated name of a file (for sibling files; the analysed file gets them from collectNodes). */
export function mutatedNames(sf: TS.SourceFile): Set<string> {
  const out = new Set<string>();
  const visit = (n: TS.Node): void => {
    noteMutation(n, out);
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}
