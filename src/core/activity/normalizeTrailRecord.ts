import type { TrailEvent } from '../inventory/telemetryModel';

/**
 * CloudTrail records arrive in three shapes: the record JSON of a trail delivered to CloudWatch Logs or
 * S3 (`eventID`, `eventTime`, `userIdentity` …), the same as a string, and a LookupEvents `Event`
 * whose `CloudTrailEvent` field holds that string. All become a `TrailEvent`.
 */

export class TrailRecordError extends Error {}

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(o: Obj | undefined, key: string): string | undefined {
  const v = o?.[key];
  return typeof v === 'string' && v !== '' ? v : undefined;
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new TrailRecordError(`${what} is not valid JSON: ${(e as Error).message}`);
  }
}

function required(o: Obj, key: string, fallback?: string): string {
  const v = str(o, key) ?? fallback;
  if (v === undefined) throw new TrailRecordError(`CloudTrail record has no ${key}`);
  return v;
}

function resourcesOf(record: Obj, lookup: Obj | undefined): TrailEvent['resources'] {
  const raw = Array.isArray(record.resources) ? record.resources : Array.isArray(lookup?.Resources) ? lookup.Resources : undefined;
  if (!raw) return undefined;
  const out = raw.filter(isObj).map((r) => ({ arn: str(r, 'ARN') ?? str(r, 'arn') ?? str(r, 'ResourceName'), type: str(r, 'type') ?? str(r, 'ResourceType') }));
  return out.length > 0 ? out : undefined;
}

function identityOf(record: Obj): TrailEvent['userIdentity'] {
  const u = isObj(record.userIdentity) ? record.userIdentity : {};
  const ctx = isObj(u.sessionContext) ? u.sessionContext : undefined;
  const issuer = ctx && isObj(ctx.sessionIssuer) ? ctx.sessionIssuer : undefined;
  const id: TrailEvent['userIdentity'] = {};
  const set = (key: keyof TrailEvent['userIdentity'], v: string | undefined): void => {
    if (v !== undefined) id[key] = v;
  };
  set('type', str(u, 'type'));
  set('arn', str(u, 'arn'));
  set('principalId', str(u, 'principalId'));
  set('accountId', str(u, 'accountId') ?? str(record, 'recipientAccountId'));
  set('sessionIssuerArn', str(issuer, 'arn'));
  set('invokedBy', str(u, 'invokedBy'));
  return id;
}

function readOnlyOf(v: unknown): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (v === 'true' || v === 'false') return v === 'true';
  return undefined;
}

/** One record in any of the three shapes → `TrailEvent`; throws `TrailRecordError` saying what is wrong. */
export function normalizeTrailRecord(input: unknown, fallbackRegion?: string): TrailEvent {
  let raw = typeof input === 'string' ? parseJson(input, 'CloudTrail record') : input;
  let lookup: Obj | undefined;
  if (isObj(raw) && typeof raw.CloudTrailEvent === 'string') {
    lookup = raw;
    raw = parseJson(raw.CloudTrailEvent, 'LookupEvents CloudTrailEvent');
  }
  if (!isObj(raw)) throw new TrailRecordError('CloudTrail record is not a JSON object');
  const record = raw;
  const lookupTime = lookup?.EventTime instanceof Date ? lookup.EventTime.toISOString() : str(lookup, 'EventTime');
  const timeText = required(record, 'eventTime', lookupTime);
  const ms = Date.parse(timeText);
  if (!Number.isFinite(ms)) throw new TrailRecordError(`CloudTrail record has an unreadable eventTime: ${JSON.stringify(timeText).slice(0, 60)}`);
  const event: TrailEvent = {
    eventId: required(record, 'eventID', str(lookup, 'EventId')),
    time: new Date(ms).toISOString(),
    eventSource: required(record, 'eventSource', str(lookup, 'EventSource')),
    eventName: required(record, 'eventName', str(lookup, 'EventName')),
    region: required(record, 'awsRegion', fallbackRegion),
    userIdentity: identityOf(record),
  };
  const sourceIp = str(record, 'sourceIPAddress');
  if (sourceIp) event.sourceIp = sourceIp;
  const userAgent = str(record, 'userAgent');
  if (userAgent) event.userAgent = userAgent;
  const errorCode = str(record, 'errorCode');
  if (errorCode) event.errorCode = errorCode;
  const readOnly = readOnlyOf(record.readOnly ?? lookup?.ReadOnly);
  if (readOnly !== undefined) event.readOnly = readOnly;
  if (isObj(record.requestParameters)) event.requestParameters = record.requestParameters;
  if (isObj(record.responseElements)) event.responseElements = record.responseElements;
  const resources = resourcesOf(record, lookup);
  if (resources) event.resources = resources;
  return event;
}

export interface TrailRecordProblem {
  /** Position of the record in the input. */
  index: number;
  message: string;
}

/**
 * Many records; also accepts a CloudTrail log file object (`{ "Records": [...] }`). A bad record is
 * reported by position and the others are still read.
 */
export function normalizeTrailRecords(input: unknown, fallbackRegion?: string): { events: TrailEvent[]; problems: TrailRecordProblem[] } {
  const list = isObj(input) && Array.isArray(input.Records) ? input.Records : Array.isArray(input) ? input : [input];
  const events: TrailEvent[] = [];
  const problems: TrailRecordProblem[] = [];
  list.forEach((r, index) => {
    try {
      events.push(normalizeTrailRecord(r, fallbackRegion));
    } catch (e) {
      if (!(e instanceof TrailRecordError)) throw e;
      problems.push({ index, message: e.message });
    }
  });
  return { events, problems };
}
