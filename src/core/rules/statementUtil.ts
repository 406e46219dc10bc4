import type { PolicyDocument, PolicyKind, Statement } from '../model/policy';
import type { SourceRange } from '../model/sourceRange';
import type { ResourceInfo, TemplateModel } from '../model/templateModel';
import { display, hasHole, type Str } from '../model/value';
import { managedDocuments } from './managedDocuments';

export interface StatementRef {
  doc: PolicyDocument;
  st: Statement;
}

/**
 * A statement grants only when its Effect is `Allow`. `Deny` never grants, and `Unknown` (an Effect
 * hidden behind an unresolved intrinsic) is not assumed to: an `!If` Effect reaches the rules already
 * split into one statement per branch, so an Allow branch shows up as `Allow`.
 */
function isGrant(st: Statement): boolean {
  return st.effect === 'Allow';
}

/**
 * Every statement of the policies of the given kinds, in source order; identity statements include those
 * of the attached AWS managed policies (`doc.managed`), judged by their documents.
 */
export function statementsOf(model: TemplateModel, kinds: readonly PolicyKind[]): StatementRef[] {
  const out: StatementRef[] = [];
  const docs = kinds.includes('identity') ? [...model.policies, ...managedDocuments(model)] : model.policies;
  for (const doc of docs) {
    if (!kinds.includes(doc.kind)) continue;
    for (const st of doc.statements) out.push({ doc, st });
  }
  return out;
}

/** The granting (Allow) statements of the policies of the given kinds. */
export function grantStatements(model: TemplateModel, kinds: readonly PolicyKind[]): StatementRef[] {
  return statementsOf(model, kinds).filter((r) => isGrant(r.st));
}

/** The trimmed text of a fully known value; undefined when any part is unknown (a hole is never a wildcard). */
export function knownText(s: Str | undefined): string | undefined {
  if (!s || hasHole(s)) return undefined;
  return s.text.trim();
}

/** The branch a finding on `s` belongs to: the value's own `!If` branch, else its statement's. */
export function branchOf(s: Str | undefined, st?: Statement): string | undefined {
  return s?.branch ?? st?.branch;
}

/** `'text'` for messages, unresolved parts in words. */
export function quoted(s: Str): string {
  return `'${display(s)}'`;
}

const indexes = new WeakMap<TemplateModel, { count: number; byId: Map<string, ResourceInfo> }>();

/** Resources by logical id, built once per model (a linear search per finding is quadratic on big templates). */
function resourceIndex(model: TemplateModel): Map<string, ResourceInfo> {
  let index = indexes.get(model);
  if (!index || index.count !== model.resources.length) {
    index = { count: model.resources.length, byId: new Map(model.resources.map((r) => [r.logicalId, r])) };
    indexes.set(model, index);
  }
  return index.byId;
}

/** Related information pointing at the resource that holds a policy (e.g. the role), when it is in the template. */
export function ownerRelated(model: TemplateModel, owner: string, what: string): { message: string; range: SourceRange }[] {
  const res = resourceIndex(model).get(owner);
  return res ? [{ message: `${what} ${owner} (${res.type})`, range: res.keyRange }] : [];
}

/** True for `s3:*`-style patterns: every action of one service. */
export function serviceWildcardOf(action: string): string | undefined {
  const m = /^([a-z0-9-]+):\*+$/i.exec(action);
  return m ? m[1].toLowerCase() : undefined;
}

/**
 * The branch of a finding on an action that exists only because of some resource values: the action's
 * (or statement's) branch, else the branch those values share — `Resource: !If [C, '*', arn]` makes an
 * action finding hold "when C=true" only.
 */
export function actionBranch(action: Str, st: Statement, because: readonly Str[]): string | undefined {
  const own = branchOf(action, st);
  if (own) return own;
  const branches = new Set(because.map((s) => s.branch));
  return branches.size === 1 ? [...branches][0] : undefined;
}

/** `'sqs:SendMessage'`, or a list of a few: what a statement grants, for messages. */
export function actionsText(st: Statement): string {
  const texts = (st.actions ?? []).map(quoted);
  if (texts.length === 0) return st.notActions ? 'every action but its NotAction list' : 'access';
  return texts.length <= 3 ? texts.join(', ') : `${texts.slice(0, 3).join(', ')} (+${texts.length - 3} more)`;
}
