import type * as TS from 'typescript';
import { CALL_METHODS } from './cdkCalls';
import { noteMutation } from './mutatedNames';
import { tsRuntime } from './tsRuntime';

const ts = tsRuntime();
const K = ts.SyntaxKind;

/** The nodes one walk over the file gathers for the extraction passes. */
export interface Collected {
  news: TS.NewExpression[];
  calls: TS.CallExpression[];
  /** `PolicyStatement.fromJson`, `PolicyDocument.fromJson`, `ManagedPolicy.from*` calls. */
  statics: TS.CallExpression[];
  fields: Map<string, TS.Expression | null>;
  mutated: Set<string>;
}

const STATICS = new Set(['fromJson', 'fromAwsManagedPolicyName', 'fromManagedPolicyArn', 'fromManagedPolicyName']);

function setField(fields: Map<string, TS.Expression | null>, name: string, e: TS.Expression): void {
  // assigned twice (say in two branches): no single value to trust
  fields.set(name, fields.has(name) ? null : e);
}

/**
 * One walk over the file. It also sets each node's `parent` (the file is parsed without them, which
 * saves the compiler a walk of its own): scope lookup and owner search climb the tree.
 */
export function collectNodes(sf: TS.SourceFile): Collected {
  const out: Collected = { news: [], calls: [], statics: [], fields: new Map(), mutated: new Set() };
  let parent: TS.Node = sf;
  const visit = (n: TS.Node): void => {
    (n as { parent: TS.Node }).parent = parent;
    switch (n.kind) {
      case K.NewExpression:
        out.news.push(n as TS.NewExpression);
        break;
      case K.CallExpression: {
        const c = n as TS.CallExpression;
        if (c.expression.kind === K.PropertyAccessExpression) {
          const name = (c.expression as TS.PropertyAccessExpression).name.text;
          if (CALL_METHODS.has(name)) out.calls.push(c);
          else if (STATICS.has(name)) out.statics.push(c);
          else noteMutation(n, out.mutated);
        }
        break;
      }
      case K.BinaryExpression: {
        const b = n as TS.BinaryExpression;
        if (b.operatorToken.kind === K.EqualsToken && ts.isPropertyAccessExpression(b.left) && b.left.expression.kind === K.ThisKeyword) setField(out.fields, b.left.name.text, b.right);
        else noteMutation(n, out.mutated);
        break;
      }
      case K.PropertyDeclaration: {
        const p = n as TS.PropertyDeclaration;
        if (p.initializer && (ts.isIdentifier(p.name) || ts.isPrivateIdentifier(p.name))) setField(out.fields, p.name.text, p.initializer);
        break;
      }
      case K.PrefixUnaryExpression:
      case K.PostfixUnaryExpression:
      case K.DeleteExpression:
        noteMutation(n, out.mutated);
        break;
    }
    const saved = parent;
    parent = n;
    ts.forEachChild(n, visit);
    parent = saved;
  };
  ts.forEachChild(sf, visit);
  return out;
}
