import type { LiveFunction } from '../inventory/accountModel';
import type { Finding } from '../model/finding';
import type { Suppression, TemplateModel } from '../model/templateModel';
import type { SourceMatch } from './sourceIndex';

/**
 * A suppression that covers a whole template resource: `Metadata: lambda-guard: ignore:` on it, or a
 * `# lambda-guard-ignore RULE: why` comment above its key — or, for a resource that is one grant (a Lambda
 * permission), a comment anywhere in it. Comments on single statements of a policy cannot be carried to the
 * account: a live document has its own lines.
 */
function resourceSuppression(model: TemplateModel, logicalId: string, ruleId: string, oneGrant = false): Finding['suppression'] | undefined {
  const resource = model.resources.find((r) => r.logicalId === logicalId);
  const key = resource?.keyRange.startLine;
  const covers = (s: Suppression): boolean => {
    if (s.kind === 'metadata') return s.owner === logicalId;
    if (!s.appliesTo || !resource || key === undefined) return false;
    if (s.appliesTo.startLine <= key && key <= s.appliesTo.endLine) return true;
    return oneGrant && resource.range.startLine <= s.appliesTo.startLine && s.appliesTo.startLine <= resource.range.endLine;
  };
  const hit = model.suppressions.find((s) => (s.ruleId === ruleId || s.ruleId === 'ALL') && covers(s));
  return hit && { kind: hit.kind, reason: hit.reason };
}

/** The template resource a live finding comes from: the role the template defines, a permission it declares, else the function. */
function templateOwner(f: Finding, fn: LiveFunction, model: TemplateModel, functionId: string): { id: string; oneGrant: boolean } {
  const roleId = model.functions.find((x) => x.owner === functionId)?.roleRef;
  const roleName = fn.role.slice(fn.role.lastIndexOf('/') + 1);
  if (roleId && f.resource === roleName) return { id: roleId, oneGrant: false };
  const sid = f.resource?.startsWith('permission ') ? f.resource.slice('permission '.length) : undefined;
  if (sid) {
    // CloudFormation names a permission's statement `<stack>-<LogicalId>-<suffix>`.
    const p = model.permissions.find((x) => (x.functionRef ?? x.owner) === functionId && x.owner !== functionId && (sid === x.owner || sid.includes(`-${x.owner}-`)));
    if (p) return { id: p.owner, oneGrant: true };
  }
  return { id: functionId, oneGrant: false };
}

/**
 * What the template accepts, the live audit accepts: a deployed function linked to its template keeps the
 * suppressions of the resources it was created from (the function, its role, its permissions). The
 * findings stay, marked suppressed with the template's reason.
 */
export function applyTemplateSuppressions(findings: Finding[], fn: LiveFunction, source: SourceMatch): void {
  const model = source.model;
  if (!model || model.suppressions.length === 0) return;
  for (const f of findings) {
    if (f.suppressed) continue;
    const owner = templateOwner(f, fn, model, source.logicalId);
    const suppression = resourceSuppression(model, owner.id, f.ruleId, owner.oneGrant);
    if (!suppression) continue;
    f.suppressed = true;
    f.suppression = suppression;
  }
}
