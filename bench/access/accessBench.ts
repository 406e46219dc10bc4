// Benchmark of the who-can-modify / who-can-invoke analysis (issue 8, "Analysis"). Prints medians;
// bench/RESULTS.md records them. Run: node --import tsx bench/access/accessBench.ts
//
// Baselines measured in the same process, for ratios that survive a busy machine:
//  - a JSON round trip of the snapshot (the cost of merely reading that much data);
//  - the loop the indexes avoid: every principal × every function × each of the five function actions
//    through the same (memoised) evaluator, with no profiles, name index or grant assembly.
import * as os from 'node:os';
import { analyzeAccess } from '../../src/core/access/analyzeAccess';
import { evaluateAccess } from '../../src/core/access/evaluatePolicies';
import { buildPrincipals } from '../../src/core/access/principalPolicies';
import { tagContext } from '../../src/core/access/conditionEval';
import { INVOKE_ACTIONS, MODIFY_ACTIONS } from '../../src/core/access/accessModel';
import { median, timeRuns } from '../stats';
import { generateAccount } from './generateAccount';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const snapshot = generateAccount({ functions: 1000, roles: 300, users: 200 });

console.log(`machine: ${os.cpus()[0]?.model ?? '?'} ×${os.cpus().length}, node ${process.version}, ${new Date().toISOString().slice(0, 10)}; median of ${RUNS} runs`);
console.log(`account: ${snapshot.functions.length} functions, ${snapshot.iam.roles.length} roles, ${snapshot.iam.users.length} users, ${snapshot.iam.groups.length} groups, ${snapshot.iam.policies.length} managed policies`);

// The first call in a fresh process, as `lambda-guard audit` makes it (JIT cold, caches empty).
const coldStart = process.hrtime.bigint();
let result = analyzeAccess(snapshot);
const cold = Number(process.hrtime.bigint() - coldStart) / 1e6;
const cpu: number[] = [];
const analysis = timeRuns(RUNS, () => {
  const before = process.cpuUsage();
  result = analyzeAccess(snapshot);
  const used = process.cpuUsage(before);
  cpu.push((used.user + used.system) / 1000);
});
let modify = 0;
let invoke = 0;
for (const a of result.values()) {
  modify += a.whoCanModify.length;
  invoke += a.whoCanInvoke.length;
}

const json = JSON.stringify(snapshot);
const roundTrip = timeRuns(RUNS, () => JSON.parse(JSON.stringify(snapshot)));

const naiveRuns = Math.max(3, Math.ceil(RUNS / 2));
const naive = timeRuns(naiveRuns, () => {
  const index = buildPrincipals(snapshot.iam, snapshot.account.id);
  let allowed = 0;
  for (const fn of snapshot.functions) {
    const context = tagContext(fn.tags);
    for (const action of [...MODIFY_ACTIONS, ...INVOKE_ACTIONS]) {
      for (const p of index.principals) if (evaluateAccess({ action, resource: fn.arn, context }, p.set).decision !== 'notAllowed') allowed++;
    }
  }
  return allowed;
});

const m = median(analysis);
console.log(`analyzeAccess: median ${m.toFixed(1)} ms wall (min ${Math.min(...analysis).toFixed(1)}, max ${Math.max(...analysis).toFixed(1)}), median ${median(cpu).toFixed(1)} ms CPU (process, GC threads included); ${modify} who-can-modify and ${invoke} who-can-invoke grants`);
console.log(`first call in this process (cold): ${cold.toFixed(1)} ms`);
console.log(`load average at the end: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
console.log(`baseline JSON round trip of the snapshot (${(json.length / 1024).toFixed(0)} KiB): median ${median(roundTrip).toFixed(1)} ms → analysis ${(m / median(roundTrip)).toFixed(2)}×`);
console.log(`baseline every principal × function × action through the evaluator (${naiveRuns} runs): median ${median(naive).toFixed(1)} ms → analysis is ${(median(naive) / m).toFixed(1)}× faster`);
const mem = process.memoryUsage();
console.log(`memory after: heap used ${(mem.heapUsed / 1048576).toFixed(0)} MiB, rss ${(mem.rss / 1048576).toFixed(0)} MiB`);
