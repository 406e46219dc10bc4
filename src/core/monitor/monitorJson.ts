import type { CollectError } from '../inventory/accountModel';
import type { Alert } from '../model/alert';
import type { FunctionMonitorSummary, MonitorResult } from './monitorResult';

export const MONITOR_TOOL_NAME = 'lambda-guard';

/**
 * `monitor --format json`: the contract keys first and in order (`tool`, `window`, `baseline`, `alerts`,
 * `functions`, `errors`), each alert's contract keys (`ruleId`, `severity`, `functionName`, `time`,
 * `message`, `evidence`) before its extras, then a `summary`.
 */
export function monitorToJson(result: MonitorResult, toolVersion: string): string {
  const count = (s: Alert['severity']): number => result.alerts.filter((a) => a.severity === s).length;
  const doc = {
    tool: { name: MONITOR_TOOL_NAME, version: toolVersion },
    window: { start: result.window.start, end: result.window.end },
    baseline: { start: result.baseline.start, end: result.baseline.end },
    alerts: result.alerts.map(jsonAlert),
    functions: result.functions.map(jsonFunction),
    errors: result.errors.map(jsonError),
    summary: {
      functions: result.functions.length,
      alerts: result.alerts.length,
      error: count('error'),
      warning: count('warning'),
      info: count('info'),
      warmingUp: result.functions.filter((f) => !f.warmup.ready).length,
    },
  };
  return JSON.stringify(doc, null, 2) + '\n';
}

function jsonAlert(a: Alert): Record<string, unknown> {
  const o: Record<string, unknown> = { ruleId: a.ruleId, severity: a.severity, functionName: a.functionName, time: a.time, message: a.message, evidence: a.evidence };
  if (a.region !== undefined) o.region = a.region;
  if (a.arn !== undefined) o.arn = a.arn;
  if (a.sharedWith !== undefined) o.sharedWith = a.sharedWith;
  return o;
}

function jsonFunction(f: FunctionMonitorSummary): Record<string, unknown> {
  const o: Record<string, unknown> = { name: f.name, region: f.region };
  if (f.arn !== undefined) o.arn = f.arn;
  o.invocations = f.invocations;
  o.expectedInvocations = f.expectedInvocations ?? null;
  o.peers = f.peers;
  o.newPeers = f.newPeers;
  o.calls = f.calls;
  o.newCalls = f.newCalls;
  o.changes = f.changes;
  if (f.sharedWith !== undefined) o.sharedWith = f.sharedWith;
  o.warmup = { ...f.warmup };
  o.alerts = { total: f.alerts.total, error: f.alerts.error, warning: f.alerts.warning, info: f.alerts.info };
  return o;
}

function jsonError(e: CollectError): Record<string, unknown> {
  const o: Record<string, unknown> = { service: e.service, operation: e.operation };
  if (e.region !== undefined) o.region = e.region;
  if (e.resource !== undefined) o.resource = e.resource;
  o.kind = e.kind;
  o.message = e.message;
  if (e.missingPermission !== undefined) o.missingPermission = e.missingPermission;
  return o;
}
