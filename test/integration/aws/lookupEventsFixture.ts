/**
 * A FIXTURE standing in for CloudTrail LookupEvents — not moto, which lacks the operation. It speaks the
 * real wire protocol (JSON 1.1, X-Amz-Target `com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents`)
 * and answers like recorded responses: events newest first, each with EventId, EventName, ReadOnly (a
 * string), EventTime (epoch seconds), EventSource, Username, Resources and the whole record as the
 * CloudTrailEvent string; the one lookup attribute and the time range filter them as CloudTrail does;
 * pages of `pageSize` events with a NextToken. The records are the region's (`awsRegion`).
 */
import type { FixtureResponse, Responder } from './faultProxy';

type TrailRecord = Record<string, unknown>;

export interface LookupRequest {
  region: string;
  attribute: string;
  nextToken?: string;
}

/** What LookupEvents calls `Username`: the session name of an assumed role, the user name of an IAM user. */
function usernameOf(r: TrailRecord): string | undefined {
  const u = (r.userIdentity ?? {}) as { type?: string; arn?: string; userName?: string };
  return u.type === 'AssumedRole' ? u.arn?.split('/').at(-1) : u.userName;
}

function matches(r: TrailRecord, key: string, value: string): boolean {
  if (key === 'EventSource') return r.eventSource === value;
  if (key === 'EventName') return r.eventName === value;
  if (key === 'Username') return usernameOf(r) === value;
  if (key === 'EventId') return r.eventID === value;
  return false;
}

function toEvent(r: TrailRecord): Record<string, unknown> {
  const fn = (r.requestParameters as { functionName?: string } | null)?.functionName;
  return {
    EventId: r.eventID,
    EventName: r.eventName,
    ReadOnly: String(r.readOnly ?? false),
    AccessKeyId: 'ASIAEXAMPLEEXAMPLE',
    EventTime: Date.parse(String(r.eventTime)) / 1000,
    EventSource: r.eventSource,
    Username: usernameOf(r),
    Resources: fn ? [{ ResourceType: 'AWS::Lambda::Function', ResourceName: fn }] : [],
    CloudTrailEvent: JSON.stringify(r),
  };
}

export class LookupEventsFixture {
  readonly requests: LookupRequest[] = [];

  constructor(
    private readonly records: TrailRecord[],
    private readonly pageSize = 2,
  ) {}

  readonly responder: Responder = (t, body) => {
    if (t.service !== 'cloudtrail' || t.operation !== 'LookupEvents') return undefined;
    const input = JSON.parse(body || '{}') as { LookupAttributes?: { AttributeKey: string; AttributeValue: string }[]; StartTime?: number; EndTime?: number; NextToken?: string };
    const [attr] = input.LookupAttributes ?? [];
    this.requests.push({ region: t.region, attribute: `${attr?.AttributeKey}=${attr?.AttributeValue}`, ...(input.NextToken ? { nextToken: input.NextToken } : {}) });
    const time = (r: TrailRecord): number => Date.parse(String(r.eventTime)) / 1000;
    const found = this.records
      .filter((r) => r.awsRegion === t.region && (!attr || matches(r, attr.AttributeKey, attr.AttributeValue)))
      .filter((r) => time(r) >= (input.StartTime ?? 0) && time(r) <= (input.EndTime ?? Infinity))
      .sort((a, b) => time(b) - time(a));
    const from = Number(input.NextToken?.replace('page-', '') ?? 0);
    const page = found.slice(from, from + this.pageSize);
    const next = from + this.pageSize < found.length ? { NextToken: `page-${from + this.pageSize}` } : {};
    const out: FixtureResponse = { headers: { 'content-type': 'application/x-amz-json-1.1' }, body: JSON.stringify({ Events: page.map(toEvent), ...next }) };
    return out;
  };
}
