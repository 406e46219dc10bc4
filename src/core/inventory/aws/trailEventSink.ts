/**
 * Where CloudTrail records land, whichever way they were read (a trail's log group, Logs Insights rows,
 * LookupEvents): normalised, kept only when they matter to the functions asked for, inside the window,
 * and once per eventId (a record can come back from two filter patterns, two trails or two lookups).
 *
 * What matters: a call made by a function's own role session (`assumed-role/<its role>/<its name>`, or the
 * Lambda service's `awslambda_…` session of its role), and a Lambda event that is not read-only and names
 * one of the functions. Read-only Lambda calls by people and tools (GetFunction, ListFunctions … — Lambda
 * Guard's own among them) change nothing and are dropped. The servers' filters are not trusted for this:
 * moto ignores JSON filter patterns, and LookupEvents cannot combine conditions.
 */
import { attributeCall } from '../../activity/roleSessions';
import { functionKey, type FunctionIndex } from '../../activity/functionIndex';
import { functionOfEvent } from '../../activity/functionRef';
import { normalizeTrailRecord, TrailRecordError } from '../../activity/normalizeTrailRecord';
import type { CollectError } from '../accountModel';
import type { TrailEvent } from '../telemetryModel';

export const LAMBDA_SOURCE = 'lambda.amazonaws.com';

export function isRelevantEvent(ev: TrailEvent, index: FunctionIndex): boolean {
  if (attributeCall(ev, index)) return true;
  if (ev.eventSource !== LAMBDA_SOURCE || ev.readOnly === true) return false;
  const ref = functionOfEvent(ev, index);
  const fn = ref ? index.byKey.get(functionKey(ref.region, ref.name)) : undefined;
  return !!fn && (!ref?.accountId || fn.arn.split(':')[4] === ref.accountId);
}

interface Problems {
  count: number;
  first: string;
  site: Pick<CollectError, 'service' | 'operation' | 'region' | 'resource'>;
}

export class TrailEventSink {
  private readonly byId = new Map<string, TrailEvent>();
  private readonly problems = new Map<string, Problems>();

  constructor(
    private readonly index: FunctionIndex,
    private readonly startMs: number,
    private readonly endMs: number,
  ) {}

  /** One record in any shape normalizeTrailRecord takes; `site` names where it came from if it cannot be read. */
  add(record: unknown, region: string, site: Problems['site']): void {
    let ev: TrailEvent;
    try {
      ev = normalizeTrailRecord(record, region);
    } catch (e) {
      if (!(e instanceof TrailRecordError)) throw e;
      const key = `${site.service}:${site.operation}:${site.region}:${site.resource}`;
      const p = this.problems.get(key);
      if (p) p.count++;
      else this.problems.set(key, { count: 1, first: e.message, site });
      return;
    }
    const t = Date.parse(ev.time);
    if (t < this.startMs || t >= this.endMs || !isRelevantEvent(ev, this.index)) return;
    this.byId.set(ev.eventId, ev);
  }

  /** By time, then eventId. */
  events(): TrailEvent[] {
    return [...this.byId.values()].sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : a.eventId < b.eventId ? -1 : 1));
  }

  /** One error per source whose records could not all be read. */
  errors(): CollectError[] {
    return [...this.problems.values()].map((p) => ({
      ...p.site,
      kind: 'other',
      message: `${p.count} CloudTrail record${p.count === 1 ? '' : 's'} from ${p.site.resource ?? p.site.operation}${p.site.region ? ` in ${p.site.region}` : ''} could not be read and ${p.count === 1 ? 'was' : 'were'} skipped (first: ${p.first}).`,
    }));
  }
}
