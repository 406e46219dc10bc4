import type { AccountSnapshot } from '../inventory/accountModel';
import type { RuleMeta } from '../model/rule';
import { byRegionAndName } from './functionSummary';
import { functionGroupsOf } from '../flows/functionGroups';
import { auditFunctions, type AuditOptions, type AuditResult } from './auditAccount';

export type { AuditResult } from './auditAccount';

const CHUNK = 25;

/**
 * `auditSnapshot` in chunks of functions with a yield between them, so an editor host stays responsive
 * while thousands of functions are analysed; the result is the same as one synchronous call.
 */
export async function auditSnapshotAsync(snapshot: AccountSnapshot, rules: RuleMeta[], opts: AuditOptions = {}): Promise<AuditResult> {
  const parts: AuditResult[] = [];
  const groups = functionGroupsOf(snapshot);
  for (let i = 0; i < snapshot.functions.length || i === 0; i += CHUNK) {
    if (opts.signal?.aborted) break;
    parts.push(auditFunctions(snapshot, snapshot.functions.slice(i, i + CHUNK), groups, rules, opts));
    await new Promise((r) => setImmediate(r));
  }
  const functions = parts.flatMap((p) => p.functions);
  functions.sort(byRegionAndName);
  return {
    snapshot,
    findings: parts.flatMap((p) => p.findings),
    errors: snapshot.errors,
    analysisErrors: parts.flatMap((p) => p.analysisErrors),
    functions,
    rules,
  };
}
