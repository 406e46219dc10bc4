/**
 * A FIXTURE standing in for CloudWatch Logs Insights — not moto: moto 5.2.5 runs no `stats` (its StartQuery
 * completes with raw events and no aggregates). It speaks the real wire protocol — JSON 1.1 with
 * X-Amz-Target `Logs_20140328.StartQuery`, `GetQueryResults`, `StopQuery` — and answers with responses
 * shaped like recorded ones (`queryId`; `results` as `[{ field, value }]` rows with `@ptr`, `statistics`,
 * `status` Running then Complete). What a query returns is the test's `answer`, given the query as sent.
 * It is a responder of the fault proxy: faults still apply, and every other request reaches moto.
 */
import type { FixtureResponse, Responder } from './faultProxy';

export interface SentQuery {
  queryId: string;
  region: string;
  logGroupNames: string[];
  /** Epoch seconds, as sent (endTime is inclusive on the wire). */
  startTime: number;
  endTime: number;
  queryString: string;
  limit?: number;
  polls: number;
  stopped: boolean;
}

export type QueryAnswer =
  | { status: 'Complete'; rows: Record<string, string>[] }
  | { status: 'Failed' | 'Cancelled' | 'Timeout' }
  /** Never finishes. */
  | { status: 'Running' }
  /** StartQuery itself fails with this AWS error code. */
  | { error: string; message: string };

const json = (body: unknown, status = 200): FixtureResponse => ({ status, headers: { 'content-type': 'application/x-amz-json-1.1' }, body: JSON.stringify(body) });

export class InsightsFixture {
  readonly queries: SentQuery[] = [];
  private readonly answers = new Map<string, QueryAnswer>();

  /** `runningPolls`: how many GetQueryResults see Running before the answer (real queries take a few). */
  constructor(
    private readonly answer: (q: SentQuery) => QueryAnswer,
    private readonly runningPolls = 1,
    private readonly onPoll?: (q: SentQuery) => void,
  ) {}

  readonly responder: Responder = (t, body) => {
    if (t.service !== 'logs' || !['StartQuery', 'GetQueryResults', 'StopQuery'].includes(t.operation)) return undefined;
    const input = JSON.parse(body || '{}') as Record<string, unknown>;
    if (t.operation === 'StartQuery') return this.start(t.region, input);
    const q = this.queries.find((x) => x.queryId === input.queryId);
    if (!q) return json({ __type: 'ResourceNotFoundException', message: `Query ${String(input.queryId)} does not exist` }, 400);
    if (t.operation === 'StopQuery') {
      q.stopped = true;
      return json({ success: true });
    }
    q.polls++;
    this.onPoll?.(q);
    const a = this.answers.get(q.queryId) as Exclude<QueryAnswer, { error: string }>;
    const stats = { recordsMatched: 0, recordsScanned: 0, bytesScanned: 0 };
    if (q.stopped) return json({ results: [], statistics: stats, status: 'Cancelled' });
    if (a.status === 'Running' || q.polls <= this.runningPolls) return json({ results: [], statistics: stats, status: 'Running' });
    if (a.status !== 'Complete') return json({ results: [], statistics: stats, status: a.status });
    const results = a.rows.map((r, i) => [...Object.entries(r).map(([field, value]) => ({ field, value })), { field: '@ptr', value: `CmAKJwoj${q.queryId.slice(0, 8)}${i}` }]);
    return json({ results, statistics: { recordsMatched: a.rows.length, recordsScanned: a.rows.length * 10, bytesScanned: a.rows.length * 1000 }, status: 'Complete' });
  };

  private start(region: string, input: Record<string, unknown>): FixtureResponse {
    const q: SentQuery = {
      queryId: `${String(this.queries.length + 1).padStart(8, '0')}-1111-2222-3333-444455556666`,
      region,
      logGroupNames: (input.logGroupNames as string[]) ?? [],
      startTime: input.startTime as number,
      endTime: input.endTime as number,
      queryString: String(input.queryString ?? ''),
      limit: input.limit as number | undefined,
      polls: 0,
      stopped: false,
    };
    const a = this.answer(q);
    if ('error' in a) return json({ __type: a.error, message: a.message }, 400);
    this.queries.push(q);
    this.answers.set(q.queryId, a);
    return json({ queryId: q.queryId });
  }
}

/** `2026-11-29 00:00:00.000`: how Insights prints `bin(1h)`. */
export function insightsHour(epochSeconds: number): string {
  return new Date(Math.floor(epochSeconds / 3600) * 3600_000).toISOString().replace('T', ' ').replace('Z', '');
}
