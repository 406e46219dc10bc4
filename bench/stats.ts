/** Median of timings in ms; benchmarks report medians of several runs. */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function timeIt(fn: () => void): number {
  const t = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

export function timeRuns(runs: number, fn: () => void): number[] {
  return Array.from({ length: runs }, () => timeIt(fn));
}
