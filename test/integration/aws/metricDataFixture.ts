/**
 * A FIXTURE for CloudWatch GetMetricData — not moto: moto 5.2.5 cannot compute extended statistics (a p50
 * or p99 query that meets data makes it answer HTTP 500) and never pages. It speaks the real wire protocol
 * (JSON 1.0, X-Amz-Target `GraniteServiceVersion20100801.GetMetricData`) and pages as CloudWatch does when
 * a response would pass MaxDatapoints: at most `pointsPerPage` points a response, a NextToken, results
 * `PartialData` until the last page. What each query holds is the test's `points`.
 */
import type { Responder } from './faultProxy';

export interface MetricQuery {
  Id: string;
  MetricStat: { Metric: { Namespace: string; MetricName: string; Dimensions: { Name: string; Value: string }[] }; Period: number; Stat: string };
}

export interface MetricRequest {
  queries: MetricQuery[];
  StartTime: number;
  EndTime: number;
  ScanBy?: string;
  MaxDatapoints?: number;
  NextToken?: string;
}

export class MetricDataFixture {
  readonly requests: MetricRequest[] = [];

  constructor(
    private readonly points: (q: MetricQuery) => [number, number][],
    private readonly pointsPerPage = 100_800,
    private readonly messages: { Code: string; Value: string }[] = [],
  ) {}

  readonly responder: Responder = (t, body) => {
    if (t.service !== 'cloudwatch' || t.operation !== 'GetMetricData') return undefined;
    const input = JSON.parse(body) as Omit<MetricRequest, 'queries'> & { MetricDataQueries: MetricQuery[] };
    this.requests.push({ queries: input.MetricDataQueries, StartTime: input.StartTime, EndTime: input.EndTime, ScanBy: input.ScanBy, MaxDatapoints: input.MaxDatapoints, NextToken: input.NextToken });
    const all = input.MetricDataQueries.flatMap((q) => this.points(q).map(([ts, v]) => ({ id: q.Id, ts, v })));
    const from = Number(input.NextToken?.replace('token-', '') ?? 0);
    const page = all.slice(from, from + this.pointsPerPage);
    const more = from + this.pointsPerPage < all.length;
    // Every query has a result on the first page, even an empty one.
    const ids = from === 0 ? input.MetricDataQueries.map((q) => q.Id) : [...new Set(page.map((p) => p.id))];
    const results = ids.map((Id) => {
      const mine = page.filter((p) => p.id === Id);
      return { Id, Label: Id, Timestamps: mine.map((p) => p.ts), Values: mine.map((p) => p.v), StatusCode: more ? 'PartialData' : 'Complete' };
    });
    const out = { MetricDataResults: results, Messages: from === 0 ? this.messages : [], ...(more ? { NextToken: `token-${from + this.pointsPerPage}` } : {}) };
    return { headers: { 'content-type': 'application/x-amz-json-1.0' }, body: JSON.stringify(out) };
  };
}
