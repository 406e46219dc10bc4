import type * as TS from 'typescript';
import { tsRuntime } from './tsRuntime';

const ts = tsRuntime();

/** What a name refers to, as far as constant propagation cares. */
export type Decl =
  | { kind: 'var'; decl: TS.VariableDeclaration; isConst: boolean }
  | { kind: 'binding'; element: TS.BindingElement; decl: TS.VariableDeclaration }
  | { kind: 'import'; module: string; name: string }
  | { kind: 'enum'; decl: TS.EnumDeclaration }
  | { kind: 'class'; decl: TS.ClassDeclaration }
  | { kind: 'param'; decl: TS.ParameterDeclaration }
  | { kind: 'other' };

type Scope = Map<string, Decl>;

/** Lexical name lookup over the syntax tree (no type checker): walks up the enclosing scopes. */
export class ScopeLookup {
  private readonly cache = new Map<TS.Node, Scope>();

  lookup(ident: TS.Identifier): Decl | undefined {
    const name = ident.text;
    for (let n: TS.Node | undefined = ident.parent; n; n = n.parent) {
      if (!isScope(n)) continue;
      const d = this.scopeOf(n).get(name);
      if (d) return d;
    }
    return undefined;
  }

  private scopeOf(n: TS.Node): Scope {
    let s = this.cache.get(n);
    if (!s) {
      s = buildScope(n);
      this.cache.set(n, s);
    }
    return s;
  }
}

const K = ts.SyntaxKind;
const SCOPES = new Set<TS.SyntaxKind>([
  K.SourceFile, K.Block, K.ModuleBlock, K.CaseClause, K.DefaultClause, K.ForStatement, K.ForOfStatement, K.ForInStatement, K.CatchClause,
  K.FunctionDeclaration, K.FunctionExpression, K.ArrowFunction, K.MethodDeclaration, K.Constructor, K.GetAccessor, K.SetAccessor,
]);

function isScope(n: TS.Node): boolean {
  return SCOPES.has(n.kind);
}

function buildScope(n: TS.Node): Scope {
  const s: Scope = new Map();
  const other = (name: TS.BindingName | undefined): void => addNames(name, s);
  if (ts.isFunctionLike(n)) {
    for (const p of n.parameters) {
      if (ts.isIdentifier(p.name)) s.set(p.name.text, { kind: 'param', decl: p });
      else other(p.name);
    }
    if ((ts.isFunctionExpression(n) || ts.isFunctionDeclaration(n)) && n.name) s.set(n.name.text, { kind: 'other' });
    return s;
  }
  if (ts.isForStatement(n) || ts.isForOfStatement(n) || ts.isForInStatement(n)) {
    const init = n.initializer;
    if (init && ts.isVariableDeclarationList(init)) for (const d of init.declarations) other(d.name);
    return s;
  }
  if (ts.isCatchClause(n)) {
    other(n.variableDeclaration?.name);
    return s;
  }
  const statements = (n as TS.Block | TS.SourceFile | TS.ModuleBlock | TS.CaseClause).statements;
  for (const st of statements) addStatement(st, s);
  return s;
}

function addStatement(st: TS.Statement, s: Scope): void {
  if (ts.isVariableStatement(st)) {
    const isConst = (st.declarationList.flags & ts.NodeFlags.Const) !== 0;
    for (const d of st.declarationList.declarations) {
      if (ts.isIdentifier(d.name)) s.set(d.name.text, { kind: 'var', decl: d, isConst });
      else addBindings(d.name, d, s);
    }
  } else if (ts.isEnumDeclaration(st)) {
    s.set(st.name.text, { kind: 'enum', decl: st });
  } else if (ts.isClassDeclaration(st) && st.name) {
    s.set(st.name.text, { kind: 'class', decl: st });
  } else if (ts.isFunctionDeclaration(st) && st.name) {
    s.set(st.name.text, { kind: 'other' });
  } else if (ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier) && st.importClause) {
    const module = st.moduleSpecifier.text;
    const c = st.importClause;
    if (c.name) s.set(c.name.text, { kind: 'import', module, name: 'default' });
    const b = c.namedBindings;
    if (b && ts.isNamespaceImport(b)) s.set(b.name.text, { kind: 'import', module, name: '*' });
    if (b && ts.isNamedImports(b)) {
      for (const e of b.elements) s.set(e.name.text, { kind: 'import', module, name: (e.propertyName ?? e.name).text });
    }
  } else if (ts.isImportEqualsDeclaration(st) && ts.isExternalModuleReference(st.moduleReference)) {
    const m = st.moduleReference.expression;
    if (ts.isStringLiteral(m)) s.set(st.name.text, { kind: 'import', module: m.text, name: '*' });
  }
}

/** `const { a, b: c } = obj` — names that can be read from the initializer. */
function addBindings(p: TS.BindingPattern, decl: TS.VariableDeclaration, s: Scope): void {
  for (const e of p.elements) {
    if (ts.isOmittedExpression(e)) continue;
    if (ts.isIdentifier(e.name) && !e.dotDotDotToken) s.set(e.name.text, { kind: 'binding', element: e, decl });
    else addNames(e.name, s);
  }
}

function addNames(name: TS.BindingName | undefined, s: Scope): void {
  if (!name) return;
  if (ts.isIdentifier(name)) {
    s.set(name.text, { kind: 'other' });
    return;
  }
  for (const e of name.elements) if (!ts.isOmittedExpression(e)) addNames(e.name, s);
}
