// Detection quality on seeded synthetic telemetry (issue 9, part 8): at least 95% of injected anomalies
// alerted on the right function with the right rule, and at most one false alert per function-week on
// clean traffic. The bars come from the issue; bench/detection/ runs more seeds (bench/RESULTS.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AlertRuleId } from '../../../src/core/model/alert';
import { evaluateMonitor } from '../../../src/core/monitor/evaluateMonitor';
import { injectRandomAnomalies } from '../../../src/core/synthetic/randomAnomalies';
import { scoreDetection, type DetectionScore } from '../../../src/core/synthetic/scoreDetection';
import { generateSyntheticWorld, syntheticTelemetry } from '../../../src/core/synthetic/syntheticWorld';

const DAY = 86400e3;
const NOW = new Date('2026-03-09T00:00:00Z');
const RULES: AlertRuleId[] = ['LG101', 'LG102', 'LG103', 'LG104', 'LG105'];

function describe(name: string, s: DetectionScore): string {
  const rules = RULES.map((r) => `${r} ${s.byRule[r].detected}/${s.byRule[r].injected}`).join(', ');
  return `${name}: recall ${s.detected}/${s.injected} (${rules}); false alerts ${s.falseAlerts} = ${s.falsePerFunctionWeek.toFixed(3)} per function-week`;
}

test('recall: at least 95% of injected anomalies alerted on the right function with the right rule', () => {
  const totals = Object.fromEntries(RULES.map((r) => [r, { injected: 0, detected: 0 }]));
  let falseAlerts = 0;
  let functionWeeks = 0;
  for (const seed of [101, 202, 303]) {
    // 30 functions, 14 days of baseline and one day judged, 8 anomalies of each kind in that day.
    const w = generateSyntheticWorld({ seed, now: NOW, days: 15, functions: 30 });
    const window = { start: new Date(NOW.getTime() - DAY), end: NOW };
    const baseline = { start: new Date(NOW.getTime() - 15 * DAY), end: window.start };
    const labels = injectRandomAnomalies(w, { window, perKind: 8 });
    assert.equal(labels.length, 40, 'every kind injected 8 times');
    const result = evaluateMonitor({ snapshot: w.snapshot, telemetry: syntheticTelemetry(w), window, baseline });
    const s = scoreDetection(result.alerts, labels, 30 / 7);
    console.log(describe(`seed ${seed}`, s));
    for (const m of s.missed) console.log(`  missed ${m.kind} on ${m.functionName} at ${m.start}: ${JSON.stringify(m.detail)}`);
    for (const r of RULES) {
      totals[r].injected += s.byRule[r].injected;
      totals[r].detected += s.byRule[r].detected;
    }
    falseAlerts += s.falseAlerts;
    functionWeeks += 30 / 7;
  }
  const injected = RULES.reduce((n, r) => n + totals[r].injected, 0);
  const detected = RULES.reduce((n, r) => n + totals[r].detected, 0);
  console.log(`overall recall ${detected}/${injected} = ${((100 * detected) / injected).toFixed(1)}%; false alerts ${falseAlerts} in ${functionWeeks.toFixed(1)} function-weeks`);
  assert.ok(detected / injected >= 0.95, `recall ${detected}/${injected}`);
  for (const r of RULES) assert.ok(totals[r].detected / totals[r].injected >= 0.95, `${r}: ${totals[r].detected}/${totals[r].injected}`);
  assert.ok(falseAlerts / functionWeeks <= 1, `${falseAlerts} false alerts in ${functionWeeks} function-weeks`);
});

test('false alerts: at most one per function-week on a clean week', () => {
  for (const seed of [11, 22, 33]) {
    // 40 functions, 14 days of baseline, then a whole clean week judged: 40 function-weeks.
    const w = generateSyntheticWorld({ seed, now: NOW, days: 21, functions: 40, deploysUntil: new Date(NOW.getTime() - 7 * DAY) });
    const window = { start: new Date(NOW.getTime() - 7 * DAY), end: NOW };
    const baseline = { start: new Date(NOW.getTime() - 21 * DAY), end: window.start };
    const result = evaluateMonitor({ snapshot: w.snapshot, telemetry: syntheticTelemetry(w), window, baseline });
    const s = scoreDetection(result.alerts, [], 40);
    console.log(describe(`clean seed ${seed}`, s));
    for (const a of s.unmatched) console.log(`  ${a.ruleId} ${a.functionName} ${a.time}: ${a.message}`);
    assert.ok(result.functions.every((f) => f.warmup.invocations !== 'warming-up'), 'two weeks of history: every baseline ready');
    assert.ok(s.falsePerFunctionWeek <= 1, `${s.falseAlerts} false alerts in 40 function-weeks`);
  }
});
