import type * as TS from 'typescript';
import type { CdkContext } from './cdkContext';
import { addManagedRef } from './cdkManagedPolicies';
import { IAM } from './cdkNames';
import { emitDocument, emitPolicy } from './cdkPolicies';
import { getProp } from './cdkValue';
import type { Collected } from './collectNodes';
import { tsRuntime } from './tsRuntime';

const ts = tsRuntime();

/** Who holds an unattached statement: the enclosing construct's id, else the variable it is stored in. */
function holderOf(ctx: CdkContext, n: TS.Node): string | null {
  for (let p: TS.Node | undefined = n.parent; p; p = p.parent) {
    if (ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === 'permissionsBoundary') return null;
    if (ts.isVariableDeclaration(p) && ts.isIdentifier(p.name)) return p.name.text;
    if (ts.isPropertyDeclaration(p) && ts.isIdentifier(p.name)) return p.name.text;
    if (ts.isNewExpression(p)) {
      const c = ctx.constructs.get(p);
      if (c) return c.id;
    }
    if (ts.isFunctionLike(p) && p.name && ts.isIdentifier(p.name)) return p.name.text;
  }
  return 'PolicyStatement';
}

/**
 * Statements, documents and managed-policy references that no recognised attachment claimed (passed to
 * a helper, a custom construct, stored for later): still reported, "wherever they appear".
 */
export function emitLeftovers(ctx: CdkContext, nodes: Collected): void {
  for (const n of nodes.news) {
    if (ctx.emitted.has(n)) continue;
    const v = ctx.ev.eval(n);
    if (v.kind !== 'new' || (v.qname !== IAM.statement && v.qname !== IAM.document)) continue;
    const owner = holderOf(ctx, n);
    if (owner === null) continue;
    if (v.qname === IAM.document) {
      emitDocument(ctx, { kind: 'identity', owner, origin: `policy document ${owner}` }, v, n);
      continue;
    }
    const props = n.arguments?.[0] ? ctx.ev.eval(n.arguments[0]) : undefined;
    const kind = getProp(props, 'principals') ? 'resource' : 'identity';
    emitPolicy(ctx, { kind, owner, origin: `policy statement ${owner}` }, [v], n);
  }
  for (const call of nodes.statics) {
    if (ctx.emitted.has(call)) continue;
    const v = ctx.ev.eval(call);
    if (v.kind !== 'call' || !v.qname) continue;
    const owner = holderOf(ctx, call);
    if (owner === null) continue;
    if (v.qname === IAM.statementFromJson) emitPolicy(ctx, { kind: 'identity', owner, origin: `policy statement ${owner}` }, [v], call);
    else if (v.qname === IAM.documentFromJson) emitDocument(ctx, { kind: 'identity', owner, origin: `policy document ${owner}` }, v, call);
    else if (v.qname === IAM.fromAwsManaged || v.qname === IAM.fromManagedArn || v.qname === IAM.fromManagedName) addManagedRef(ctx, owner, v);
  }
}
