import type { TrailEvent } from '../inventory/telemetryModel';
import type { FunctionIndex } from './functionIndex';

/** A function named the ways Lambda accepts: `name`, `name:qualifier`, `123456789012:function:name`, or a full ARN. */
export interface FunctionRef {
  name: string;
  /** Version, alias or `$LATEST` when the reference was qualified. */
  qualifier?: string;
  region?: string;
  accountId?: string;
}

const NAME = '([A-Za-z0-9_-]{1,140})';
const QUALIFIER = '(?::([A-Za-z0-9$_-]{1,128}))?';
const FULL_ARN = new RegExp(`^arn:aws[a-z-]*:lambda:([a-z0-9-]+):(\\d{12}):function:${NAME}${QUALIFIER}$`);
const PARTIAL_ARN = new RegExp(`^(\\d{12}):function:${NAME}${QUALIFIER}$`);
const PLAIN = new RegExp(`^${NAME}${QUALIFIER}$`);

function withQualifier(ref: FunctionRef, qualifier: string | undefined): FunctionRef {
  if (qualifier !== undefined) ref.qualifier = qualifier;
  return ref;
}

/** Undefined for anything that is not a function reference (a layer ARN, a queue ARN, free text). */
export function parseFunctionRef(text: string): FunctionRef | undefined {
  const s = text.trim();
  let m = FULL_ARN.exec(s);
  if (m) return withQualifier({ name: m[3], region: m[1], accountId: m[2] }, m[4]);
  m = PARTIAL_ARN.exec(s);
  if (m) return withQualifier({ name: m[2], accountId: m[1] }, m[3]);
  m = PLAIN.exec(s);
  if (m) return withQualifier({ name: m[1] }, m[2]);
  return undefined;
}

function field(o: Record<string, unknown> | undefined, ...keys: string[]): string | undefined {
  for (const k of keys) {
    const v = o?.[k];
    if (typeof v === 'string' && v !== '') return v;
  }
  return undefined;
}

/** Only ARN-looking strings, so that `resource` of a non-Lambda TagResource is not read as a name. */
function functionArnRef(text: string | undefined): FunctionRef | undefined {
  return text && text.includes(':function:') ? parseFunctionRef(text) : undefined;
}

/**
 * The function a CloudTrail event is about, with the event's region when the reference does not carry
 * one. Looks at `requestParameters.functionName`, the `resource` of tag calls, the response's
 * `functionArn`, the record's `resources[]`, and finally an event source mapping UUID known to the index.
 */
export function functionOfEvent(event: TrailEvent, index?: FunctionIndex): (FunctionRef & { region: string }) | undefined {
  const req = event.requestParameters;
  const res = event.responseElements;
  const named = field(req, 'functionName', 'FunctionName');
  const ref =
    (named !== undefined ? parseFunctionRef(named) : undefined) ??
    functionArnRef(field(req, 'resource', 'Resource')) ??
    functionArnRef(field(res, 'functionArn', 'FunctionArn')) ??
    (event.resources ?? []).map((r) => functionArnRef(r.arn)).find((r) => r !== undefined);
  if (ref) return { ...ref, region: ref.region ?? event.region };
  const uuid = field(req, 'uUID', 'uuid', 'UUID') ?? field(res, 'uUID', 'uuid', 'UUID');
  const owner = uuid !== undefined ? index?.mappingOwner.get(uuid) : undefined;
  return owner ? { name: owner.name, region: owner.region } : undefined;
}
