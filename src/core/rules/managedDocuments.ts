import { managedPolicyDataset, type AwsManagedPolicy } from '../iam/managedPolicyData';
import { judgeManagedRef } from '../iam/managedPolicyRef';
import type { Condition, Effect, ManagedPolicyRef, PolicyDocument, Statement } from '../model/policy';
import type { TemplateModel } from '../model/templateModel';
import type { Str } from '../model/value';
import { administrativeClass } from './managedPolicyClass';

// Every attached AWS managed policy, judged by its document: each statement of the policy becomes an
// identity statement of the holder, every part of it on the line that attaches the policy, so the same
// rules that judge inline statements (LG001–LG005, LG011) judge what the policy really grants. Policies
// LG009 reports (administrative, *FullAccess) are left to it. Built once per model.

const cache = new WeakMap<TemplateModel, { refs: number; docs: PolicyDocument[] }>();

function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
}

/** A JSON value for a compact one-line rendering: long lists cut after ten entries. */
function compact(v: unknown): unknown {
  if (Array.isArray(v)) return v.length > 10 ? [...v.slice(0, 10).map(compact), `… (+${v.length - 10} more)`] : v.map(compact);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, compact(x)]));
  return v;
}

function conditionsOf(raw: unknown, at: (text: string) => Str, range: Str['range']): Condition[] {
  if (!raw || typeof raw !== 'object') return [];
  const out: Condition[] = [];
  for (const [operator, tests] of Object.entries(raw as Record<string, unknown>)) {
    if (!tests || typeof tests !== 'object') continue;
    for (const [key, values] of Object.entries(tests as Record<string, unknown>)) out.push({ operator, key, values: list(values).map((x) => at(String(x))), range });
  }
  return out;
}

function statementOf(raw: Record<string, unknown>, ref: ManagedPolicyRef): Statement {
  const range = ref.arn.range;
  const at = (text: string): Str => ({ text, range, branch: ref.arn.branch, origin: 'AWS managed policy' });
  const strs = (k: string): Str[] | undefined => (raw[k] === undefined ? undefined : list(raw[k]).map((x) => at(String(x))));
  const effect: Effect = raw.Effect === 'Allow' || raw.Effect === 'Deny' ? raw.Effect : 'Unknown';
  const keyRanges: Statement['keyRanges'] = {};
  for (const [name, k] of [['action', 'Action'], ['notAction', 'NotAction'], ['resource', 'Resource'], ['notResource', 'NotResource'], ['condition', 'Condition']] as const) {
    if (raw[k] !== undefined) keyRanges[name] = range;
  }
  return {
    sid: typeof raw.Sid === 'string' ? raw.Sid : undefined,
    effect,
    actions: strs('Action'),
    notActions: strs('NotAction'),
    resources: strs('Resource'),
    notResources: strs('NotResource'),
    conditions: conditionsOf(raw.Condition, at, range),
    range,
    keyRanges,
    branch: ref.arn.branch,
  };
}

/** One document per statement, so that a message names the statement it comes from. */
function documentsOf(ref: ManagedPolicyRef, policy: AwsManagedPolicy, dataset: string, index: number): PolicyDocument[] {
  const statements = list(policy.document.Statement).filter((s): s is Record<string, unknown> => !!s && typeof s === 'object');
  return statements.map((raw, i) => {
    const label = typeof raw.Sid === 'string' && raw.Sid ? `statement "${raw.Sid}"` : `statement ${i + 1}`;
    return {
      kind: 'identity',
      owner: ref.owner,
      origin: `${label} of AWS managed policy ${policy.name} (attached to ${ref.owner})`,
      statements: [statementOf(raw, ref)],
      range: ref.arn.range,
      managed: {
        name: policy.name,
        arn: policy.arn,
        versionId: policy.versionId,
        dataset,
        statement: JSON.stringify(compact(raw)),
        key: `${index}:${policy.arn}`,
      },
    };
  });
}

/** The statements of every attached AWS managed policy the content rules judge (not LG009's). */
export function managedDocuments(model: TemplateModel): PolicyDocument[] {
  const hit = cache.get(model);
  if (hit && hit.refs === model.managedPolicies.length) return hit.docs;
  const docs: PolicyDocument[] = [];
  const dataset = model.managedPolicies.length ? managedPolicyDataset() : undefined;
  if (dataset) {
    model.managedPolicies.forEach((ref, i) => {
      const verdict = judgeManagedRef(ref.arn.text, dataset);
      if (verdict?.kind !== 'known' || administrativeClass(verdict.policy.name, verdict.policy.document)) return;
      docs.push(...documentsOf(ref, verdict.policy, dataset.source, i));
    });
  }
  cache.set(model, { refs: model.managedPolicies.length, docs });
  return docs;
}
