import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { buildFunctionIndex } from '../../../src/core/activity/functionIndex';
import { attributeCall } from '../../../src/core/activity/roleSessions';
import { buildFunctionGroups } from '../../../src/core/baselines/functionGroups';
import { injectChange, injectNewPeer, injectPortScan, injectSpike } from '../../../src/core/synthetic/injectAnomalies';
import { createRng } from '../../../src/core/synthetic/prng';
import { generateSyntheticWorld, syntheticTelemetry } from '../../../src/core/synthetic/syntheticWorld';

const NOW = new Date('2026-03-09T00:00:00Z');

test('the PRNG is sfc32 seeded by splitmix32 (values from an independent Python implementation)', () => {
  const r = createRng(1);
  assert.deepEqual([r.next(), r.next(), r.next()].map((x) => x * 2 ** 32), [1828152527, 3394835397, 2967886022]);
  const q = createRng(42);
  assert.equal(q.next(), 0.23955312534235418);
  assert.equal(q.next(), 0.5859209857881069);
});

test('Poisson and normal draws have the right mean and spread', () => {
  const r = createRng(7);
  const n = 20000;
  for (const lambda of [0.5, 4, 50]) {
    let sum = 0;
    let sq = 0;
    for (let i = 0; i < n; i++) {
      const x = r.poisson(lambda);
      sum += x;
      sq += x * x;
    }
    const mean = sum / n;
    const variance = sq / n - mean * mean;
    // Standard error of the mean is √(λ/n); allow 5 of them. Variance within 10%.
    assert.ok(Math.abs(mean - lambda) < 5 * Math.sqrt(lambda / n), `mean ${mean} for λ ${lambda}`);
    assert.ok(Math.abs(variance - lambda) / lambda < 0.1, `variance ${variance} for λ ${lambda}`);
  }
});

function digest(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

test('the same seed gives the same account and telemetry; another seed does not', () => {
  const a = generateSyntheticWorld({ seed: 5, now: NOW, days: 3, functions: 6 });
  const b = generateSyntheticWorld({ seed: 5, now: NOW, days: 3, functions: 6 });
  const c = generateSyntheticWorld({ seed: 6, now: NOW, days: 3, functions: 6 });
  assert.equal(digest([a.snapshot, syntheticTelemetry(a)]), digest([b.snapshot, syntheticTelemetry(b)]));
  assert.notEqual(digest(syntheticTelemetry(a)), digest(syntheticTelemetry(c)));
});

test('the generated account hangs together: series, interfaces and role sessions belong to its functions', () => {
  const w = generateSyntheticWorld({ seed: 9, now: NOW, days: 7, functions: 20 });
  const t = syntheticTelemetry(w);
  assert.equal(t.start, '2026-03-02T00:00:00.000Z');
  assert.equal(t.end, '2026-03-09T00:00:00.000Z');
  const names = new Set(w.snapshot.functions.map((f) => f.name));
  assert.equal(names.size, 20);
  assert.ok(t.metrics.every((s) => names.has(s.functionName)));
  const inv = t.metrics.filter((s) => s.metric === 'Invocations');
  assert.equal(inv.length, 20);
  for (const s of inv) {
    assert.equal(s.period, 60);
    assert.ok(s.values.every((v) => v > 0), 'periods without invocations have no datapoint');
    assert.ok(s.timestamps.every((ts, i) => i === 0 || ts > s.timestamps[i - 1]));
  }
  const groups = buildFunctionGroups(w.snapshot);
  assert.ok(t.flows.length > 0);
  assert.ok(t.flows.every((f) => groups.byInterface.has(f.interfaceId)), 'every flow is on a Lambda interface of the snapshot');
  assert.ok(t.flows.every((f) => Math.floor(f.first / 3600) === Math.floor(f.last / 3600)), 'flow summaries stay within one hour');
  const index = buildFunctionIndex(w.snapshot.functions);
  const roleCalls = t.events.filter((e) => e.userIdentity.type === 'AssumedRole' && !e.userIdentity.arn?.includes('github-deploy'));
  assert.ok(roleCalls.length > 100);
  assert.ok(roleCalls.every((e) => attributeCall(e, index) !== undefined), 'every role-session call is attributable');
});

test('api functions are busier at their peak hour than twelve hours later', () => {
  const w = generateSyntheticWorld({ seed: 3, now: NOW, days: 7, functions: 20 });
  const apis = w.profiles.filter((p) => p.kind === 'api' && p.peakPerMinute > 5 && p.nightRatio < 0.3);
  assert.ok(apis.length > 0);
  for (const p of apis) {
    const counts = w.invocations.get(p.name)!;
    const hourTotal = (hourOfDay: number): number => {
      let sum = 0;
      for (let i = 0; i < counts.length; i++) if (Math.floor((w.start + i * 60) / 3600) % 24 === hourOfDay) sum += counts[i];
      return sum;
    };
    assert.ok(hourTotal(p.peakHour) > 2 * hourTotal((p.peakHour + 12) % 24), p.name);
  }
});

test('injections change the telemetry and return their ground truth', () => {
  const w = generateSyntheticWorld({ seed: 4, now: NOW, days: 3, functions: 10 });
  const fn = w.profiles[0];
  const at = w.end - 6 * 3600;
  const before = w.invocations.get(fn.name)!.slice();
  const spike = injectSpike(w, fn.name, at, { factor: 10, minutes: 20 });
  const after = w.invocations.get(fn.name)!;
  const i0 = (at - w.start) / 60;
  let raised = 0;
  for (let i = i0; i < i0 + 20; i++) raised += after[i] - before[i];
  assert.ok(raised > 0);
  assert.deepEqual([spike.ruleId, spike.functionName, spike.start, spike.end], ['LG101', fn.name, '2026-03-08T18:00:00.000Z', '2026-03-08T18:20:00.000Z']);
  const change = injectChange(w, fn.name, at, 'permission', 'stranger');
  const event = w.events[w.events.length - 1];
  assert.equal(event.eventName, 'AddPermission20150331v2');
  assert.equal(event.requestParameters?.principal, '*');
  assert.equal(change.ruleId, 'LG104');
  const outside = w.profiles.find((p) => p.groupIndex === undefined);
  if (outside) assert.throws(() => injectNewPeer(w, outside.name, at), /is not in a VPC/);
  const inside = w.profiles.find((p) => p.groupIndex !== undefined)!;
  const scan = injectPortScan(w, inside.name, at, 100);
  assert.equal(w.flows.filter((f) => f.peer === scan.detail.peer && f.rejected > 0).length, 100);
  assert.throws(() => injectSpike(w, fn.name, w.end + 60), /outside the synthetic telemetry/);
  assert.equal(w.labels.length, 3);
});

test('given names are used as they are (for the demo account)', () => {
  const w = generateSyntheticWorld({ seed: 1, now: NOW, days: 2, names: ['orders-api', 'billing-worker', 'orders-api'] });
  assert.deepEqual(
    w.snapshot.functions.map((f) => f.name),
    ['orders-api', 'billing-worker'],
  );
});
