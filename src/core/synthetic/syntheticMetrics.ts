import type { MetricName, MetricSeries } from '../inventory/telemetryModel';
import type { Rng } from './prng';
import { rateAt, shapeTable, type FunctionProfile } from './syntheticProfiles';

/**
 * Poisson counts around the profile's rate (`rateAt`, tabulated per minute of the day for speed), with
 * ±10% log-normal jitter per point and the profile's benign bursts.
 */
export function generateInvocations(p: FunctionProfile, start: number, end: number, period: number, rng: Rng): Float64Array {
  const n = Math.floor((end - start) / period);
  const out = new Float64Array(n);
  const table = shapeTable(p);
  let burst = 0;
  for (let i = 0; i < n; i++) {
    const t = start + i * period;
    if (p.kind === 'scheduled') {
      let ticks = 0;
      for (let m = t / 60; m < (t + period) / 60; m++) if (m % p.everyMinutes === 0) ticks++;
      out[i] = ticks + (rng.chance(0.01) ? 1 : 0);
      continue;
    }
    while (burst < p.bursts.length && p.bursts[burst].end <= t) burst++;
    const b = p.bursts[burst];
    const factor = b && b.start <= t ? b.factor : 1;
    const rate = rateAt(p, t + period / 2, start, table);
    out[i] = rng.poisson(rate * (period / 60) * factor * Math.exp(0.1 * rng.normal()));
  }
  return out;
}

function series(fn: string, region: string, metric: MetricName, period: number, timestamps: number[], values: number[]): MetricSeries {
  return { functionName: fn, region, metric, period, timestamps, values };
}

/** Invocations as CloudWatch returns them: periods without invocations have no datapoint. */
export function invocationSeries(fn: string, region: string, counts: Float64Array, start: number, period: number): MetricSeries {
  const timestamps: number[] = [];
  const values: number[] = [];
  for (let i = 0; i < counts.length; i++) {
    if (counts[i] === 0) continue;
    timestamps.push(start + i * period);
    values.push(counts[i]);
  }
  return series(fn, region, 'Invocations', period, timestamps, values);
}

/** Errors, Throttles and Duration p50/p99 at five minutes, from the invocation counts. */
export function derivedSeries(p: FunctionProfile, region: string, counts: Float64Array, start: number, period: number, rng: Rng): MetricSeries[] {
  const step = Math.max(1, Math.round(300 / period));
  const ts: Record<'errors' | 'throttles' | 'duration', number[]> = { errors: [], throttles: [], duration: [] };
  const errors: number[] = [];
  const throttles: number[] = [];
  const p50: number[] = [];
  const p99: number[] = [];
  for (let i = 0; i < counts.length; i += step) {
    let inv = 0;
    for (let j = i; j < Math.min(counts.length, i + step); j++) inv += counts[j];
    if (inv === 0) continue;
    const t = start + i * period;
    const e = rng.poisson(inv * p.errorRate);
    if (e > 0) {
      ts.errors.push(t);
      errors.push(e);
    }
    const th = rng.poisson(inv * 0.0005);
    if (th > 0) {
      ts.throttles.push(t);
      throttles.push(th);
    }
    const median = p.durationMs * Math.exp(0.08 * rng.normal());
    ts.duration.push(t);
    p50.push(Math.round(median * 10) / 10);
    p99.push(Math.round(median * p.tailFactor * Math.exp(0.15 * rng.normal()) * 10) / 10);
  }
  const P = period * step;
  return [
    series(p.name, region, 'Errors', P, ts.errors, errors),
    series(p.name, region, 'Throttles', P, ts.throttles, throttles),
    series(p.name, region, 'DurationP50', P, ts.duration, p50),
    series(p.name, region, 'DurationP99', P, [...ts.duration], p99),
  ];
}
