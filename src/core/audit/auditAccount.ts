import type { FunctionAccess } from '../access/accessModel';
import type { AccountSnapshot, CollectError, LiveFunction } from '../inventory/accountModel';
import { functionGroupsOf, type FunctionGroupIndex } from '../flows/functionGroups';
import type { Finding, ScanError } from '../model/finding';
import type { RuleMeta } from '../model/rule';
import type { AnalyzeOptions } from '../scan/analyzeOptions';
import { byRegionAndName, permissionSummaries, triggerSummaries, vpcSummary, type AuditFunction } from './functionSummary';
import { driftFindings } from './drift';
import { liveFindingsFor } from './liveFindings';
import { applyTemplateSuppressions } from './templateSuppressions';
import type { SourceIndex } from './sourceIndex';

export interface AuditOptions extends AnalyzeOptions {
  /** Who can modify / invoke each function, by function ARN (core/access). */
  access?: ReadonlyMap<string, FunctionAccess>;
  /** Template resources of the workspace, to link deployed functions to their source. */
  sourceIndex?: SourceIndex;
  signal?: AbortSignal;
}

export interface AuditResult {
  snapshot: AccountSnapshot;
  findings: Finding[];
  /** Failed AWS calls (from the collection) and analysis errors. */
  errors: CollectError[];
  analysisErrors: ScanError[];
  functions: AuditFunction[];
  rules: RuleMeta[];
}

/** Runs the template rules on every function's live configuration and summarises each function. */
export function auditSnapshot(snapshot: AccountSnapshot, rules: RuleMeta[], opts: AuditOptions = {}): AuditResult {
  return auditFunctions(snapshot, snapshot.functions, functionGroupsOf(snapshot), rules, opts);
}

/**
 * The audit of some of the snapshot's functions (`auditSnapshotAsync` goes in chunks); roles, policies and
 * the network groups are the whole account's, so a shared ENI names functions of other chunks too.
 */
export function auditFunctions(snapshot: AccountSnapshot, some: readonly LiveFunction[], groups: FunctionGroupIndex, rules: RuleMeta[], opts: AuditOptions = {}): AuditResult {
  const findings: Finding[] = [];
  const analysisErrors: ScanError[] = [];
  const functions: AuditFunction[] = [];
  for (const fn of some) {
    if (opts.signal?.aborted) break;
    const r = liveFindingsFor(fn, snapshot, opts);
    for (const e of r.errors) analysisErrors.push(e);
    const source = opts.sourceIndex?.match(fn) ?? null;
    const drift = source && !(opts.disabledRules ?? []).includes('LG017') ? driftFindings(fn, snapshot, r.template, source) : [];
    const own = [...r.findings, ...drift];
    if (source) applyTemplateSuppressions(own, fn, source);
    for (const f of own) findings.push(f);
    const access = opts.access?.get(fn.arn);
    functions.push({
      name: fn.name,
      arn: fn.arn,
      region: fn.region,
      role: fn.role,
      runtime: fn.runtime ?? null,
      triggers: triggerSummaries(fn),
      permissions: permissionSummaries(fn.resourcePolicy),
      url: fn.url ? { url: fn.url.url, authType: fn.url.authType } : null,
      vpc: vpcSummary(fn, groups),
      whoCanModify: access?.whoCanModify ?? [],
      whoCanInvoke: access?.whoCanInvoke ?? [],
      source: source && { file: source.file, line: source.line },
    });
  }
  functions.sort(byRegionAndName);
  return { snapshot, findings, errors: snapshot.errors, analysisErrors, functions, rules };
}
