import type * as TS from 'typescript';
import { collapseNamedHoles, HOLE } from '../../model/value';
import { moduleFromRootMember, normalizeCdkModule } from './cdkModules';
import { getProp, relocate, type ObjProp, type Value } from './cdkValue';
import { evalBinary, evalCall } from './evalOperators';
import { ScopeLookup, type Decl } from './scopeLookup';
import { tsRuntime } from './tsRuntime';

const ts = tsRuntime();

/** Resolves imports of constants from sibling files (implemented by SiblingModules). */
export interface ModuleResolver {
  resolve(fromFile: string, spec: string): string | undefined;
  exportValue(absFile: string, name: string, at: TS.Node): Value | undefined;
}

const MAX_DEPTH = 60;

/**
 * Constant propagation over one source file: `const` strings, arrays, objects, template literals with
 * known parts, spreads, `+`, `.join`, enums and constants imported from siblings. Anything else is
 * `unknown`, which later becomes a hole (never a wildcard).
 */
export class ConstEvaluator {
  readonly scopes = new ScopeLookup();
  private readonly declCache = new Map<TS.Node, Value>();
  private readonly active = new Set<TS.Node>();
  private readonly news = new Map<TS.NewExpression, Value>();
  private depth = 0;
  /** `this.x` of the file's classes: the one expression assigned to `x`, or null when assigned twice. */
  fields?: Map<string, TS.Expression | null>;

  constructor(
    readonly sf: TS.SourceFile,
    readonly file: string,
    private readonly mutated: Set<string>,
    private readonly modules?: ModuleResolver,
  ) {}

  eval(e: TS.Expression): Value {
    if (this.depth > MAX_DEPTH) return { kind: 'unknown', node: e };
    this.depth++;
    try {
      return this.evalInner(e);
    } finally {
      this.depth--;
    }
  }

  /** The value a top-level declaration of this file holds (for sibling exports). */
  evalDeclaration(decl: TS.VariableDeclaration): Value {
    return this.evalDecl(decl, decl);
  }

  /** Short source text for `origin` of unknown values. */
  textOf(n: TS.Node): string {
    const t = n.getText(this.sf).replace(/\s+/g, ' ');
    return t.length > 60 ? `${t.slice(0, 57)}...` : t;
  }

  private evalInner(e: TS.Expression): Value {
    const K = ts.SyntaxKind;
    switch (e.kind) {
      case K.StringLiteral:
      case K.NoSubstitutionTemplateLiteral:
      case K.NumericLiteral:
        return { kind: 'str', text: (e as TS.LiteralExpression).text, node: e };
      case K.TrueKeyword:
      case K.FalseKeyword:
        return { kind: 'bool', value: e.kind === K.TrueKeyword, node: e };
      case K.NullKeyword:
        return { kind: 'undef', node: e };
      case K.ParenthesizedExpression:
      case K.AsExpression:
      case K.TypeAssertionExpression:
      case K.NonNullExpression:
      case K.SatisfiesExpression:
        return relocate(this.eval((e as TS.ParenthesizedExpression).expression), e);
      case K.TemplateExpression:
        return this.template(e as TS.TemplateExpression);
      case K.ArrayLiteralExpression:
        return this.array(e as TS.ArrayLiteralExpression);
      case K.ObjectLiteralExpression:
        return this.object(e as TS.ObjectLiteralExpression);
      case K.Identifier:
        return this.identifier(e as TS.Identifier);
      case K.PropertyAccessExpression: {
        const pa = e as TS.PropertyAccessExpression;
        if (pa.expression.kind === K.ThisKeyword) {
          const f = this.fields?.get(pa.name.text);
          return f ? relocate(this.eval(f), e) : this.unknown(e);
        }
        return this.member(this.eval(pa.expression), pa.name.text, e);
      }
      case K.ElementAccessExpression: {
        const ea = e as TS.ElementAccessExpression;
        const k = this.eval(ea.argumentExpression);
        return k.kind === 'str' ? this.member(this.eval(ea.expression), k.text, e) : this.unknown(e);
      }
      case K.BinaryExpression:
        return evalBinary(this, e as TS.BinaryExpression);
      case K.ConditionalExpression: {
        const c = e as TS.ConditionalExpression;
        const a = this.eval(c.whenTrue);
        const b = this.eval(c.whenFalse);
        return a.kind === 'str' && b.kind === 'str' && a.text === b.text ? { ...a, node: e } : this.unknown(e);
      }
      case K.CallExpression:
        return evalCall(this, e as TS.CallExpression);
      case K.NewExpression: {
        // every pass asks what class a `new` creates: answer once
        const n = e as TS.NewExpression;
        let v = this.news.get(n);
        if (!v) {
          const cls = this.eval(n.expression);
          const className = ts.isPropertyAccessExpression(n.expression) ? n.expression.name.text : n.expression.getText(this.sf);
          v = { kind: 'new', qname: cls.kind === 'cdk' ? `${cls.module}.${cls.path.join('.')}` : undefined, className, expr: n, node: e };
          this.news.set(n, v);
        }
        return v;
      }
      default:
        return this.unknown(e);
    }
  }

  unknown(e: TS.Node): Value {
    return { kind: 'unknown', node: e };
  }

  private template(e: TS.TemplateExpression): Value {
    let text = e.head.text;
    const names: (string | undefined)[] = [];
    for (const span of e.templateSpans) {
      const v = this.eval(span.expression);
      // An unknown `${this.region}` is named in messages by its source text.
      if (v.kind === 'str') for (const n of v.holes ?? Array<undefined>(v.text.split(HOLE).length - 1).fill(undefined)) names.push(n);
      else names.push(this.textOf(span.expression));
      text += v.kind === 'str' ? v.text : HOLE;
      text += span.literal.text;
    }
    const collapsed = collapseNamedHoles(text, names);
    return { kind: 'str', text: collapsed.text, node: e, origin: 'template literal', ...(collapsed.holes ? { holes: collapsed.holes } : {}) };
  }

  private array(e: TS.ArrayLiteralExpression): Value {
    const items: Value[] = [];
    for (const el of e.elements) {
      if (ts.isOmittedExpression(el)) continue;
      if (ts.isSpreadElement(el)) {
        const v = this.eval(el.expression);
        if (v.kind === 'arr') for (const x of v.items) items.push(x);
        else items.push({ kind: 'unknown', node: el });
      } else items.push(this.eval(el));
    }
    return { kind: 'arr', items, node: e };
  }

  private object(e: TS.ObjectLiteralExpression): Value {
    const props: ObjProp[] = [];
    let partial = false;
    for (const p of e.properties) {
      if (ts.isSpreadAssignment(p)) {
        const v = this.eval(p.expression);
        if (v.kind === 'obj') {
          for (const x of v.props) props.push(x);
          partial ||= v.partial;
        } else partial = true;
        continue;
      }
      if (ts.isShorthandPropertyAssignment(p)) {
        props.push({ name: p.name.text, keyNode: p.name, value: this.eval(p.name) });
        continue;
      }
      const name = p.name ? this.propName(p.name) : undefined;
      if (name === undefined) {
        partial = true;
        continue;
      }
      const value: Value = ts.isPropertyAssignment(p) ? this.eval(p.initializer) : this.unknown(p);
      props.push({ name, keyNode: p.name!, value });
    }
    return { kind: 'obj', props, node: e, partial };
  }

  propName(n: TS.PropertyName): string | undefined {
    if (ts.isIdentifier(n) || ts.isStringLiteral(n) || ts.isNumericLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n) || ts.isPrivateIdentifier(n)) return n.text;
    if (ts.isComputedPropertyName(n)) {
      const v = this.eval(n.expression);
      return v.kind === 'str' && !v.text.includes(HOLE) ? v.text : undefined;
    }
    return undefined;
  }

  /** Arguments of the local helper being evaluated (see `callLocal`). */
  private readonly bound = new Map<TS.ParameterDeclaration, Value>();

  /**
   * A call of a helper written in the file (`const arnOf = (name: string) => \`…:function:${name}\``):
   * its body, with the parameters bound to the arguments, when the body only builds a string. Bodies
   * with calls or \`new\` are left alone: those values are cached per syntax node, not per call.
   */
  callLocal(callee: TS.Identifier, args: readonly TS.Expression[], at: TS.Node): Value | undefined {
    const init = this.constInitializer(callee);
    const fn = init && unwrapParens(init);
    if (!fn || !(ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) || this.active.has(fn)) return undefined;
    const body = ts.isBlock(fn.body)
      ? fn.body.statements.length === 1 && ts.isReturnStatement(fn.body.statements[0]) ? fn.body.statements[0].expression : undefined
      : fn.body;
    if (!body || hasCallOrNew(body)) return undefined;
    const values = fn.parameters.map((p, i) => (args[i] ? this.eval(args[i]) : p.initializer ? this.eval(p.initializer) : undefined));
    fn.parameters.forEach((p, i) => values[i] && this.bound.set(p, values[i]));
    this.active.add(fn);
    try {
      const v = this.eval(body);
      return v.kind === 'str' ? { ...v, node: at } : undefined;
    } finally {
      this.active.delete(fn);
      for (const p of fn.parameters) this.bound.delete(p);
    }
  }

  /** The initializer of the unmutated variable `id` names: callers unwrap what evaluation cannot (a conditional). */
  constInitializer(id: TS.Identifier): TS.Expression | undefined {
    const d = this.scopes.lookup(id);
    return d?.kind === 'var' && !this.mutated.has(id.text) ? d.decl.initializer : undefined;
  }

  private identifier(id: TS.Identifier): Value {
    const d = this.scopes.lookup(id);
    if (!d) return id.text === 'undefined' ? { kind: 'undef', node: id } : this.unknown(id);
    return this.fromDecl(d, id);
  }

  private fromDecl(d: Decl, id: TS.Identifier): Value {
    switch (d.kind) {
      case 'var': {
        if (this.mutated.has(id.text) || !d.decl.initializer) return this.unknown(id);
        const v = this.evalDecl(d.decl, d.decl);
        return relocate(v, id);
      }
      case 'binding': {
        if (this.mutated.has(id.text)) return this.unknown(id);
        const whole = this.evalDecl(d.decl, d.decl);
        const el = d.element;
        let v: Value | undefined;
        if (ts.isObjectBindingPattern(el.parent)) {
          const key = el.propertyName ? this.propName(el.propertyName) : (el.name as TS.Identifier).text;
          v = key === undefined ? undefined : getProp(whole, key)?.value;
        } else if (whole.kind === 'arr') v = whole.items[el.parent.elements.indexOf(el)];
        if ((!v || v.kind === 'undef') && el.initializer) v = this.eval(el.initializer);
        return v ? relocate(v, id) : this.unknown(id);
      }
      case 'import':
        return this.importValue(d, id);
      case 'enum':
        return { kind: 'enum', decl: d.decl, node: id };
      case 'param': {
        const bound = this.bound.get(d.decl);
        return bound ? relocate(bound, id) : this.unknown(id);
      }
      default:
        return this.unknown(id);
    }
  }

  private evalDecl(key: TS.Node, decl: TS.VariableDeclaration): Value {
    const hit = this.declCache.get(key);
    if (hit) return hit;
    if (this.active.has(key) || !decl.initializer) return { kind: 'unknown', node: decl };
    this.active.add(key);
    try {
      const v = this.eval(decl.initializer);
      this.declCache.set(key, v);
      return v;
    } finally {
      this.active.delete(key);
    }
  }

  importValue(d: { module: string; name: string }, at: TS.Node): Value {
    const cdk = normalizeCdkModule(d.module);
    if (cdk !== undefined) {
      if (d.name === '*' || d.name === 'default') return { kind: 'cdk', module: cdk, path: [], node: at };
      const sub = cdk === '' ? moduleFromRootMember(d.name) : undefined;
      return sub ? { kind: 'cdk', module: sub, path: [], node: at } : { kind: 'cdk', module: cdk, path: [d.name], node: at };
    }
    if (!d.module.startsWith('.') || !this.modules) return this.unknown(at);
    const abs = this.modules.resolve(this.file, d.module);
    if (!abs) return this.unknown(at);
    if (d.name === '*' || d.name === 'default') return { kind: 'ns', file: abs, node: at };
    return this.modules.exportValue(abs, d.name, at) ?? this.unknown(at);
  }

  member(base: Value, name: string, at: TS.Node): Value {
    switch (base.kind) {
      case 'obj': {
        const p = getProp(base, name);
        return p ? relocate(p.value, at) : this.unknown(at);
      }
      case 'cdk': {
        const sub = base.module === '' && base.path.length === 0 ? moduleFromRootMember(name) : undefined;
        return sub ? { kind: 'cdk', module: sub, path: [], node: at } : { kind: 'cdk', module: base.module, path: [...base.path, name], node: at };
      }
      case 'ns':
        return this.modules?.exportValue(base.file, name, at) ?? this.unknown(at);
      case 'enum': {
        const m = base.decl.members.find((x) => this.propName(x.name) === name);
        return m?.initializer ? relocate(this.eval(m.initializer), at) : this.unknown(at);
      }
      case 'arr':
        return name === 'length' ? { kind: 'str', text: String(base.items.length), node: at } : this.unknown(at);
      default:
        return this.unknown(at);
    }
  }

}

function unwrapParens(e: TS.Expression): TS.Expression {
  while (ts.isParenthesizedExpression(e) || ts.isAsExpression(e)) e = e.expression;
  return e;
}

function hasCallOrNew(n: TS.Node): boolean {
  if (ts.isCallExpression(n) || ts.isNewExpression(n)) return true;
  return ts.forEachChild(n, hasCallOrNew) ?? false;
}
