import type * as TS from 'typescript';
import type { ScanError } from '../../model/finding';
import type { SourceRange } from '../../model/sourceRange';
import { emptyModel, type TemplateModel } from '../../model/templateModel';
import { processCall, recordMutation } from './cdkCalls';
import { displayId, type CdkContext, type ConstructInfo } from './cdkContext';
import { processConstruct } from './cdkConstructs';
import { classInfo, resourceType } from './cdkNames';
import { cdkSuppressions } from './cdkSuppressions';
import { collectNodes } from './collectNodes';
import { ConstEvaluator } from './constEvaluator';
import { emitLeftovers } from './leftovers';
import { SiblingModules } from './siblingModules';
import { tsRuntime } from './tsRuntime';

const ts = tsRuntime();

export interface CdkLoadOptions {
  readSibling?: (absPath: string) => string | undefined;
}

function parseErrors(sf: TS.SourceFile, file: string): ScanError[] {
  const diags = (sf as unknown as { parseDiagnostics?: TS.DiagnosticWithLocation[] }).parseDiagnostics ?? [];
  return diags.map((d) => {
    const pos = sf.getLineAndCharacterOfPosition(d.start);
    return { file, line: pos.line + 1, column: pos.character + 1, message: ts.flattenDiagnosticMessageText(d.messageText, '\n') };
  });
}

const SCOPE_ARG = /^(scope|this|stack|app|parent|self|construct)$/i;

/** `class SecureFunction extends lambda.Function` in this file: the CDK class it specialises. */
function localBase(ctx: CdkContext, e: TS.Expression, depth = 0): string | undefined {
  if (!ts.isIdentifier(e) || depth > 4) return undefined;
  const d = ctx.ev.scopes.lookup(e);
  const ext = d?.kind === 'class' ? d.decl.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0]?.expression : undefined;
  if (!ext) return undefined;
  const base = ctx.ev.eval(ext);
  return base.kind === 'cdk' ? `${base.module}.${base.path.join('.')}` : localBase(ctx, ext, depth + 1);
}

/** A `new X(scope, 'Id', props)` that creates a construct (CDK class, or a custom one by its shape). */
function asConstruct(ctx: CdkContext, n: TS.NewExpression): ConstructInfo | undefined {
  const args = n.arguments ?? [];
  if (args.length < 2) return undefined;
  const v = ctx.ev.eval(n);
  if (v.kind !== 'new') return undefined;
  const known = classInfo(v.qname) ?? classInfo(localBase(ctx, n.expression));
  const a0 = args[0];
  const scopeLike = a0.kind === ts.SyntaxKind.ThisKeyword || ts.isIdentifier(a0);
  if (!scopeLike) return undefined;
  const a1 = args[1];
  if (!known) {
    if (v.qname?.startsWith('.')) return undefined; // Stack, CfnOutput, App …: not resources we report on
    const idLike = ts.isStringLiteral(a1) || ts.isNoSubstitutionTemplateLiteral(a1) || ts.isTemplateExpression(a1) || (v.qname !== undefined && (ts.isBinaryExpression(a1) || ts.isIdentifier(a1)));
    if (!idLike || (v.qname === undefined && !(a0.kind === ts.SyntaxKind.ThisKeyword || SCOPE_ARG.test(a0.getText(ctx.sf))))) return undefined;
  }
  return {
    expr: n,
    qname: v.qname,
    className: v.className,
    kind: known?.kind ?? 'other',
    type: known?.type ?? resourceType(v.qname, v.className),
    id: displayId(ctx, a1),
    idNode: a1,
    // props matter only for the classes the analyzer knows
    props: known && args[2] ? ctx.ev.eval(args[2]) : undefined,
  };
}

type Ranged = { range: SourceRange } | { nameRange: SourceRange };
const startOf = (x: Ranged): SourceRange => ('range' in x ? x.range : x.nameRange);
const bySource = (a: Ranged, b: Ranged): number => startOf(a).startLine - startOf(b).startLine || startOf(a).startColumn - startOf(b).startColumn;

/** Source order, whatever pass found an item: stable output for the views and tests. */
function sortBySource(m: TemplateModel): void {
  m.resources.sort(bySource);
  m.functions.sort(bySource);
  m.policies.sort(bySource);
  m.managedPolicies.sort(bySource);
  m.permissions.sort(bySource);
  m.functionUrls.sort(bySource);
  m.envVars.sort(bySource);
}

/** Extracts the TemplateModel of one CDK TypeScript file. Loaded lazily: it pulls in the compiler. */
export function analyzeCdkFile(text: string, file: string, opts: CdkLoadOptions = {}): { model: TemplateModel; errors: ScanError[] } {
  const kind = /\.tsx$/i.test(file) ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, kind); // parents: collectNodes
  const errors = parseErrors(sf, file);
  const model = emptyModel(file, 'cdk');
  const siblings = opts.readSibling ? new SiblingModules(opts.readSibling) : undefined;
  const nodes = collectNodes(sf);
  const ev = new ConstEvaluator(sf, file, nodes.mutated, siblings);
  ev.fields = nodes.fields;
  const ctx: CdkContext = { sf, file, ev, model, constructs: new Map(), fields: nodes.fields, emitted: new Set(), stmtCalls: new Map(), docStatements: new Map() };

  // One odd expression must not cost the rest of the file its findings.
  const guard = (n: TS.Node, what: string, f: () => void): void => {
    try {
      f();
    } catch (e) {
      const line = sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1;
      errors.push({ file, line, message: `could not analyse ${what}: ${(e as Error).message}` });
    }
  };
  for (const n of nodes.news) {
    guard(n, 'construct', () => {
      const c = asConstruct(ctx, n);
      if (c) ctx.constructs.set(n, c);
    });
  }
  const mutations = new Set<TS.CallExpression>();
  for (const call of nodes.calls) guard(call, 'call', () => void (recordMutation(ctx, call) && mutations.add(call)));
  for (const c of ctx.constructs.values()) guard(c.expr, `construct ${c.id}`, () => processConstruct(ctx, c));
  for (const call of nodes.calls) if (!mutations.has(call)) guard(call, 'call', () => processCall(ctx, call));
  guard(sf, 'unattached policies', () => emitLeftovers(ctx, nodes));
  guard(sf, 'suppression comments', () => {
    for (const s of cdkSuppressions(sf, text)) model.suppressions.push(s);
  });
  sortBySource(model);
  return { model, errors };
}
