/**
 * Logs Insights queries, run the way AWS's limits ask: a few at once for the whole collection (the
 * account's 30 concurrent queries are shared with dashboards and people; a full account is waited out),
 * GetQueryResults polled with a growing wait until the query is Complete, Failed, Cancelled or Timeout,
 * a client-side deadline after which the query is stopped, and StopQuery on cancellation so an abandoned
 * query does not hold a slot. An answer as long as the row limit may have been cut: `runSplitting` halves
 * the time range and asks again, and says so in an error when even the smallest range is full.
 */
import { GetQueryResultsCommand, StartQueryCommand, StopQueryCommand, type CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import type { InsightsRow } from '../../flows/insightsResults';
import { describeAwsError } from './awsErrors';
import type { Calls } from './calls';
import type { AwsClients } from './clients';
import { realClock, Semaphore, type Clock } from './rateLimit';
import type { TelemetryTuning } from './telemetryTuning';

export interface InsightsQuery {
  region: string;
  /** At most 50 (StartQuery's limit). */
  logGroupNames: string[];
  /** Epoch seconds, [start, end). */
  start: number;
  end: number;
  queryString: string;
  limit: number;
  /** For messages, e.g. `flow logs of eni-0a1b in lg-flows`. */
  what: string;
}

/** Most log groups one StartQuery takes. */
export const MAX_QUERY_LOG_GROUPS = 50;
const ENDED = new Set(['Failed', 'Cancelled', 'Timeout', 'Unknown']);
const iso = (s: number): string => new Date(s * 1000).toISOString();
const duration = (ms: number): string => (ms >= 60_000 ? `${Math.round(ms / 6_000) / 10} min` : ms >= 1_000 ? `${Math.round(ms / 100) / 10} s` : `${ms} ms`);

export class InsightsRunner {
  private readonly slots: Semaphore;

  constructor(
    private readonly clients: AwsClients,
    private readonly calls: Calls,
    private readonly tuning: Required<TelemetryTuning>,
    private readonly clock: Clock = realClock,
  ) {
    this.slots = new Semaphore(tuning.insightsConcurrency);
  }

  get rowLimit(): number {
    return this.tuning.insightsRowLimit;
  }

  /** The rows of the completed query, or undefined once the reason there are none is recorded. */
  run(q: InsightsQuery): Promise<InsightsRow[] | undefined> {
    return this.slots.run(() => this.runNow(q, this.clock.now() + this.tuning.insightsDeadlineMs));
  }

  private site(q: InsightsQuery, operation: string): { service: string; operation: string; region: string; resource: string } {
    return { service: 'logs', operation, region: q.region, resource: q.logGroupNames.join(', ') };
  }

  private async runNow(q: InsightsQuery, deadline: number): Promise<InsightsRow[] | undefined> {
    const logs = this.clients.get('logs', q.region);
    const started = await this.calls.run(this.site(q, 'StartQuery'), (signal) => this.start(logs, q, deadline, signal));
    if (!started) return undefined;
    const queryId = started.queryId;
    if (!queryId) {
      this.calls.record({ ...this.site(q, 'StartQuery'), kind: 'other', message: `logs:StartQuery for ${q.what} in ${q.region} returned no query id: nothing was read.` });
      return undefined;
    }
    let wait = this.tuning.insightsPollMs;
    try {
      for (;;) {
        const left = deadline - this.clock.now();
        if (left <= 0) return await this.abandon(logs, q, queryId);
        await this.clock.sleep(Math.min(wait, left), this.calls.signal);
        wait = Math.min(wait * 1.5, this.tuning.insightsMaxPollMs);
        const r = await this.calls.run(this.site(q, 'GetQueryResults'), (signal) => logs.send(new GetQueryResultsCommand({ queryId }), { abortSignal: signal }));
        if (!r) {
          await this.stop(logs, q, queryId);
          return undefined;
        }
        if (r.status === 'Complete') return r.results ?? [];
        if (r.status && ENDED.has(r.status)) return this.ended(q, r.status);
      }
    } catch (e) {
      // Cancelled while it ran: stop it in AWS too, then let the cancellation go on.
      await this.stop(logs, q, queryId);
      throw e;
    }
  }

  /** StartQuery, waiting (doubling the wait, until the deadline) while the account already runs as many queries as it may. */
  private async start(logs: CloudWatchLogsClient, q: InsightsQuery, deadline: number, abortSignal?: AbortSignal): Promise<{ queryId?: string }> {
    const input = { logGroupNames: q.logGroupNames, startTime: q.start, endTime: q.end - 1, queryString: q.queryString, limit: q.limit };
    for (let wait = 2 * this.tuning.insightsPollMs; ; wait = Math.min(wait * 2, 30_000)) {
      try {
        return await logs.send(new StartQueryCommand(input), { abortSignal });
      } catch (e) {
        if ((e as { name?: string }).name !== 'LimitExceededException' || this.clock.now() + wait > deadline) throw e;
        await this.clock.sleep(wait, abortSignal);
      }
    }
  }

  private ended(q: InsightsQuery, status: string): undefined {
    const timeout = status === 'Timeout';
    const why = timeout ? 'AWS stopped it at its 60-minute limit' : `it ended ${status}`;
    this.calls.record({
      ...this.site(q, 'GetQueryResults'),
      kind: timeout ? 'timeout' : 'other',
      message: `The Logs Insights query over ${q.what} in ${q.region} (${iso(q.start)} to ${iso(q.end)}) returned nothing: ${why}. Try a shorter window, or --logs-engine filter.`,
    });
    return undefined;
  }

  private async abandon(logs: CloudWatchLogsClient, q: InsightsQuery, queryId: string): Promise<undefined> {
    await this.stop(logs, q, queryId);
    this.calls.record({
      ...this.site(q, 'GetQueryResults'),
      kind: 'timeout',
      message: `The Logs Insights query over ${q.what} in ${q.region} (${iso(q.start)} to ${iso(q.end)}) did not finish within ${duration(this.tuning.insightsDeadlineMs)}; it was stopped and its results are missing. Try a shorter window, or --logs-engine filter.`,
    });
    return undefined;
  }

  /** Best effort, and sent even when the collection is cancelled (no abort signal). */
  private async stop(logs: CloudWatchLogsClient, q: InsightsQuery, queryId: string): Promise<void> {
    try {
      await logs.send(new StopQueryCommand({ queryId }));
    } catch (e) {
      // A query that already ended cannot be stopped: nothing is wrong then.
      if ((e as { name?: string }).name === 'InvalidParameterException') return;
      this.calls.record(describeAwsError(e, { ...this.site(q, 'StopQuery'), profile: this.calls.env.profile, endpoint: this.calls.env.endpoint }));
    }
  }
}

/** Where to halve [start, end): on a multiple of `step` after start, strictly inside. */
function midpoint(start: number, end: number, step: number): number {
  const half = Math.floor((end - start) / 2 / step) * step;
  return start + Math.max(step, half);
}

/**
 * Runs `q`; while an answer is as long as the limit (it may have been cut) and the range is longer than
 * `minSpan`, halves the range and asks again. `use` gets the rows of every range that is kept.
 */
export async function runSplitting(runner: InsightsRunner, calls: Calls, q: InsightsQuery, minSpan: number, use: (rows: InsightsRow[]) => void): Promise<void> {
  const rows = await runner.run(q);
  if (!rows) return;
  const full = rows.length >= q.limit;
  if (full && q.end - q.start > minSpan) {
    const mid = midpoint(q.start, q.end, minSpan);
    await runSplitting(runner, calls, { ...q, end: mid }, minSpan, use);
    await runSplitting(runner, calls, { ...q, start: mid }, minSpan, use);
    return;
  }
  if (full) {
    calls.record({
      service: 'logs',
      operation: 'GetQueryResults',
      region: q.region,
      resource: q.logGroupNames.join(', '),
      kind: 'other',
      message: `The Logs Insights answer for ${q.what} in ${q.region} from ${iso(q.start)} to ${iso(q.end)} reached its ${q.limit}-row limit even for that short a range: it may be cut, and the smallest groups of that range are missing.`,
    });
  }
  use(rows);
}
