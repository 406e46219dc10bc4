import type { TrailEvent } from '../inventory/telemetryModel';
import { changeActor, type ChangeActor } from './changeActor';
import { baseEventName } from './eventName';
import type { FunctionIndex } from './functionIndex';
import { functionOfEvent, type FunctionRef } from './functionRef';

export type ChangeKind =
  | 'created'
  | 'deleted'
  | 'code'
  | 'configuration'
  | 'permission-added'
  | 'permission-removed'
  | 'url-created'
  | 'url-updated'
  | 'url-deleted'
  | 'concurrency'
  | 'version-published'
  | 'alias'
  | 'event-source-mapping-created'
  | 'event-source-mapping-updated'
  | 'event-source-mapping-deleted'
  | 'tags'
  | 'destinations'
  | 'code-signing'
  | 'runtime-management';

// Base event names (suffix stripped) of lambda.amazonaws.com that change a function.
const KIND_BY_EVENT: Record<string, ChangeKind> = {
  CreateFunction: 'created',
  DeleteFunction: 'deleted',
  UpdateFunctionCode: 'code',
  UpdateFunctionConfiguration: 'configuration',
  PutFunctionRecursionConfig: 'configuration',
  AddPermission: 'permission-added',
  RemovePermission: 'permission-removed',
  CreateFunctionUrlConfig: 'url-created',
  UpdateFunctionUrlConfig: 'url-updated',
  DeleteFunctionUrlConfig: 'url-deleted',
  PutFunctionConcurrency: 'concurrency',
  DeleteFunctionConcurrency: 'concurrency',
  PutProvisionedConcurrencyConfig: 'concurrency',
  DeleteProvisionedConcurrencyConfig: 'concurrency',
  PublishVersion: 'version-published',
  CreateAlias: 'alias',
  UpdateAlias: 'alias',
  DeleteAlias: 'alias',
  CreateEventSourceMapping: 'event-source-mapping-created',
  UpdateEventSourceMapping: 'event-source-mapping-updated',
  DeleteEventSourceMapping: 'event-source-mapping-deleted',
  TagResource: 'tags',
  UntagResource: 'tags',
  PutFunctionEventInvokeConfig: 'destinations',
  UpdateFunctionEventInvokeConfig: 'destinations',
  DeleteFunctionEventInvokeConfig: 'destinations',
  PutFunctionCodeSigningConfig: 'code-signing',
  DeleteFunctionCodeSigningConfig: 'code-signing',
  PutRuntimeManagementConfig: 'runtime-management',
};

/** Plain words for each kind, used in alert messages: "code updated", "permission added". */
export const CHANGE_WORDS: Record<ChangeKind, string> = {
  created: 'function created',
  deleted: 'function deleted',
  code: 'code updated',
  configuration: 'configuration updated',
  'permission-added': 'permission added',
  'permission-removed': 'permission removed',
  'url-created': 'function URL created',
  'url-updated': 'function URL updated',
  'url-deleted': 'function URL deleted',
  concurrency: 'concurrency changed',
  'version-published': 'version published',
  alias: 'alias changed',
  'event-source-mapping-created': 'event source mapping created',
  'event-source-mapping-updated': 'event source mapping updated',
  'event-source-mapping-deleted': 'event source mapping deleted',
  tags: 'tags changed',
  destinations: 'asynchronous invocation destinations changed',
  'code-signing': 'code signing configuration changed',
  'runtime-management': 'runtime management configuration changed',
};

export interface FunctionChange {
  event: TrailEvent;
  kind: ChangeKind;
  /** Event name without the API-version suffix. */
  eventName: string;
  function: FunctionRef & { region: string };
  actor: ChangeActor;
  /** What the change set, from the request and response (never environment values: CloudTrail hides them anyway). */
  details: Record<string, unknown>;
}

// Request and response fields worth showing, per kind; anything else stays in the raw event.
const DETAIL_FIELDS: Partial<Record<ChangeKind, string[]>> = {
  code: ['codeSha256', 'version', 'revisionId', 's3Bucket', 's3Key', 's3ObjectVersion', 'imageUri', 'publish', 'architectures'],
  created: ['codeSha256', 'role', 'runtime', 'handler', 'packageType'],
  configuration: ['role', 'handler', 'runtime', 'layers', 'timeout', 'memorySize', 'kMSKeyArn', 'vpcConfig', 'codeSha256'],
  'permission-added': ['statementId', 'action', 'principal', 'sourceArn', 'sourceAccount', 'principalOrgID', 'functionUrlAuthType', 'qualifier'],
  'permission-removed': ['statementId', 'qualifier'],
  'url-created': ['authType', 'qualifier', 'cors', 'functionUrl'],
  'url-updated': ['authType', 'qualifier', 'cors', 'functionUrl'],
  'url-deleted': ['qualifier'],
  concurrency: ['reservedConcurrentExecutions', 'provisionedConcurrentExecutions', 'qualifier'],
  'version-published': ['version', 'codeSha256'],
  alias: ['name', 'functionVersion'],
  'event-source-mapping-created': ['uUID', 'eventSourceArn', 'state', 'enabled'],
  'event-source-mapping-updated': ['uUID', 'eventSourceArn', 'state', 'enabled'],
  'event-source-mapping-deleted': ['uUID', 'eventSourceArn', 'state'],
  destinations: ['destinationConfig', 'qualifier'],
};

function detailsOf(kind: ChangeKind, event: TrailEvent): Record<string, unknown> {
  const req = event.requestParameters ?? {};
  const res = event.responseElements ?? {};
  const out: Record<string, unknown> = {};
  for (const key of DETAIL_FIELDS[kind] ?? []) {
    // The response holds what was actually set (the new code SHA); the request what was asked.
    const v = res[key] ?? req[key];
    if (v !== undefined && v !== null) out[key] = v;
  }
  if (kind === 'configuration') {
    out.changed = Object.keys(req)
      .filter((k) => k !== 'functionName' && k !== 'revisionId')
      .sort();
  }
  if (kind === 'tags') {
    const tags = req.tags;
    const keys = Array.isArray(req.tagKeys) ? req.tagKeys : tags && typeof tags === 'object' ? Object.keys(tags) : [];
    out.tagKeys = [...keys].map(String).sort();
  }
  return out;
}

/** The Lambda change an event records, or undefined (reads, other services, failed calls). */
export function classifyChange(event: TrailEvent, index?: FunctionIndex): FunctionChange | undefined {
  if (event.eventSource !== 'lambda.amazonaws.com' || event.errorCode) return undefined;
  const eventName = baseEventName(event.eventName);
  const kind = KIND_BY_EVENT[eventName];
  if (!kind) return undefined;
  const fn = functionOfEvent(event, index);
  if (!fn) return undefined;
  return { event, kind, eventName, function: fn, actor: changeActor(event), details: detailsOf(kind, event) };
}
