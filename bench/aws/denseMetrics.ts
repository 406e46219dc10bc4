/**
 * A GetMetricData fixture for the benchmark's dense case (moto cannot hold two weeks of 5-minute points
 * for 100 functions and answer in reasonable time): every query has a point in every period of the
 * window, answered as CloudWatch pages — at most MaxDatapoints points a response, NextToken, PartialData
 * until the last page. Points are computed from their position, so a page costs only its own points.
 */
import type { Responder } from '../../test/integration/aws/faultProxy';

interface Request {
  MetricDataQueries: { Id: string; MetricStat: { Period: number } }[];
  StartTime: number;
  EndTime: number;
  MaxDatapoints?: number;
  NextToken?: string;
}

export function denseMetricResponder(): Responder {
  return (t, body) => {
    if (t.service !== 'cloudwatch' || t.operation !== 'GetMetricData') return undefined;
    const r = JSON.parse(body) as Request;
    const period = r.MetricDataQueries[0]?.MetricStat.Period ?? 300;
    const perQuery = Math.floor((r.EndTime - r.StartTime) / period);
    const total = perQuery * r.MetricDataQueries.length;
    const size = r.MaxDatapoints ?? 100_800;
    const from = Number(r.NextToken ?? 0);
    const to = Math.min(total, from + size);
    const results = [];
    for (let q = Math.floor(from / perQuery); q < r.MetricDataQueries.length && q * perQuery < to; q++) {
      const first = Math.max(from, q * perQuery) - q * perQuery;
      const last = Math.min(to, (q + 1) * perQuery) - q * perQuery;
      const Timestamps: number[] = [];
      const Values: number[] = [];
      for (let i = first; i < last; i++) {
        Timestamps.push(r.StartTime + i * period);
        Values.push((q * 7 + i) % 100);
      }
      results.push({ Id: r.MetricDataQueries[q].Id, Label: r.MetricDataQueries[q].Id, Timestamps, Values, StatusCode: to < total ? 'PartialData' : 'Complete' });
    }
    const out = { MetricDataResults: results, Messages: [], ...(to < total ? { NextToken: String(to) } : {}) };
    return { headers: { 'content-type': 'application/x-amz-json-1.0' }, body: JSON.stringify(out) };
  };
}
