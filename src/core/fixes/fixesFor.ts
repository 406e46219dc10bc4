import type { Finding } from '../model/finding';
import type { AccessLevel } from '../iam/catalog';
import type { AnalyzeOptions } from '../scan/analyzeText';
import { addAlarmFix } from './alarmFix';
import { narrowWildcardFix, resourceArnFixes, scopeResourcesFixes } from './collectionFixes';
import { passedToServiceFix, restrictPrincipalFixes, sourceConditionFixes } from './conditionFixes';
import { FixDocument } from './fixDocument';
import type { Fix } from './fixTypes';
import { dynamicReferenceFix, replaceValueFix, setAuthTypeFix } from './scalarFixes';
import { setUrlAuthorizerFix } from './slsFixes';
import { commentSuppression, metadataSuppression, type SuppressionKind } from './suppressionFixes';
import { verifyFix } from './verifyFix';
import { cdkQuickFixes, TS_SOURCE } from './cdkFixes';

/** What every fix needs: the file's current text and name, the finding, the analysis options. */
export interface FixRequest {
  text: string;
  file: string;
  finding: Finding;
  opts?: AnalyzeOptions;
  /** Parse/analysis errors the text already has (a fix must not add any). */
  errorsBefore?: number;
}

function verified(req: FixRequest, fixes: (Fix | undefined)[]): Fix[] {
  return fixes.filter((f): f is Fix => f !== undefined && verifyFix(req.text, req.file, req.finding, f, req.opts, req.errorsBefore ?? 0));
}

/** The rule's own quick fixes for a finding (not the wildcard narrowing, which needs a choice). */
export function quickFixes(req: FixRequest): Fix[] {
  const kind = req.finding.fix?.kind;
  if (!kind || !req.finding.location) return [];
  if (TS_SOURCE.test(req.file)) return verified(req, cdkQuickFixes(req.text, req.finding));
  const doc = FixDocument.parse(req.text, req.file);
  if (!doc) return [];
  switch (kind) {
    case 'setAuthType':
      return verified(req, [setAuthTypeFix(doc, req.finding)]);
    case 'setUrlAuthorizer':
      return verified(req, [setUrlAuthorizerFix(doc, req.finding)]);
    case 'addSourceCondition':
      return verified(req, sourceConditionFixes(doc, req.finding));
    case 'addPassedToService':
      return verified(req, [passedToServiceFix(doc, req.finding)]);
    case 'replaceResourceWildcard':
      return verified(req, resourceArnFixes(doc, req.finding));
    case 'replaceAction':
    case 'replaceManagedPolicyRef':
    case 'setPermissionAction':
      return verified(req, [replaceValueFix(doc, req.finding)]);
    case 'scopeResources':
    case 'scopeEscalationActions':
      return verified(req, scopeResourcesFixes(doc, req.finding));
    case 'restrictPrincipal':
      return verified(req, restrictPrincipalFixes(doc, req.finding));
    case 'addAlarm':
      return verified(req, [addAlarmFix(doc, req.finding)]);
    case 'useDynamicReference':
      return verified(req, [dynamicReferenceFix(doc, req.finding)]);
    default:
      return [];
  }
}

/** True when the finding offers narrowing a wildcard to chosen access levels. */
export function canNarrow(f: Finding): boolean {
  return f.fix?.kind === 'narrowServiceWildcard' && typeof f.fix.pattern === 'string';
}

export function narrowFix(req: FixRequest, levels: readonly AccessLevel[]): Fix | undefined {
  const doc = FixDocument.parse(req.text, req.file);
  return verified(req, [doc && narrowWildcardFix(doc, req.finding, levels)])[0];
}

/** A suppression of the requested kind, or of the other kind when that one cannot be written safely. */
export function suppressionFix(req: FixRequest, reason: string, kind?: SuppressionKind): Fix | undefined {
  const comment = (): Fix | undefined => verified(req, [commentSuppression(req.text, req.file, req.finding, reason)])[0];
  const metadata = (): Fix | undefined => {
    const doc = FixDocument.parse(req.text, req.file);
    return verified(req, [doc && metadataSuppression(doc, req.finding, reason)])[0];
  };
  return kind === 'metadata' ? (metadata() ?? comment()) : (comment() ?? metadata());
}
