// The model the render benchmark draws: 30 days of one-minute points for the four charts of a function.

/** A deterministic model: seasonal invocations with noise, a spike, errors, throttles, durations. */
export function benchModel(POINTS) {
  const start = 1_700_000_000 - (1_700_000_000 % 60) - POINTS * 60;
  const ts = Array.from({ length: POINTS }, (_, i) => start + i * 60);
  let seed = 42;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const inv = ts.map((t, i) => Math.round(40 + 30 * Math.sin((2 * Math.PI * (t % 86400)) / 86400) + 10 * rnd() + (i === Math.floor(POINTS * 0.72) ? 900 : 0)));
  const band = { low: inv.map((_, i) => 10 + 25 * Math.sin((2 * Math.PI * (ts[i] % 86400)) / 86400) + 15), high: inv.map((_, i) => 80 + 30 * Math.sin((2 * Math.PI * (ts[i] % 86400)) / 86400)) };
  const errors = inv.map((v) => (rnd() < 0.05 ? Math.round(v * 0.1) : 0));
  const throttles = inv.map(() => (rnd() < 0.01 ? 1 : 0));
  const p50 = inv.map(() => Math.round(100 + 20 * rnd()));
  const p99 = p50.map((v) => Math.round(v * (3 + rnd())));
  const chart = (id, title, unit, lines, b) => ({ id, title, unit, timestamps: ts, lines, period: 60, ...(b ? { band: b } : {}) });
  const alert = (i, ruleId, severity) => ({ id: `a${i}`, ruleId, severity, time: ts[Math.min(ts.length - 1, Math.floor(ts.length * 0.72) + i * 100)], functionName: 'orders-api', region: 'us-east-1', arn: 'arn:aws:lambda:us-east-1:123456789012:function:orders-api', message: `${ruleId} alert ${i}`, evidence: [{ label: 'Observed total', value: '1,234' }] });
  return {
    kind: 'function',
    functionName: 'orders-api',
    region: 'us-east-1',
    arn: 'arn:aws:lambda:us-east-1:123456789012:function:orders-api',
    sharedWith: ['orders-worker'],
    range: { start: ts[0] * 1000, end: (ts[ts.length - 1] + 60) * 1000, choice: { kind: '30d' } },
    charts: [
      chart('invocations', 'Invocations', 'count', [{ label: 'Invocations', values: inv }], band),
      chart('errors', 'Errors', 'count', [{ label: 'Errors', values: errors }]),
      chart('throttles', 'Throttles', 'count', [{ label: 'Throttles', values: throttles }]),
      chart('duration', 'Duration', 'ms', [{ label: 'p50', values: p50 }, { label: 'p99', values: p99 }]),
    ],
    alerts: [alert(0, 'LG101', 'warning'), alert(1, 'LG105', 'error'), alert(2, 'LG102', 'error')],
    peers: Array.from({ length: 50 }, (_, i) => ({ peer: `10.0.${i}.5`, label: 'subnet address', port: 443, service: 'https', protocol: 'TCP', direction: 'egress', bytes: 1000 * i, packets: i, accepted: i, rejected: 0, first: ts[0], last: ts[100], isNew: i === 3 })),
    changes: [{ time: ts[200], what: 'code updated', who: 'user bob', eventName: 'UpdateFunctionCode', sourceIp: '203.0.113.77' }],
    findings: [{ ruleId: 'LG014', severity: 'warning', message: 'Plain-text secret', suppressed: false }],
    notes: [],
    generatedAt: Date.now(),
  };
}

