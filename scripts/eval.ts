// Scores Lambda Guard's findings against ../shared/corpus/labels.json: precision and recall per rule.
// A benchmark, not a test: it prints a table and exits 0. Skips cleanly when the corpus is absent.
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyzeText } from '../src/core/scan/analyzeText';
import type { Finding } from '../src/core/model/finding';

interface Label { rule: string; resource?: string; line?: number; why: string }
interface FileLabels { path: string; format: string; expect: Label[]; expectNot: Label[] }

const corpus = path.resolve(__dirname, '../../shared/corpus');
const labelsFile = path.join(corpus, 'labels.json');
if (!existsSync(labelsFile)) {
  console.log(`eval: no corpus at ${corpus}; nothing to score.`);
  process.exit(0);
}
const labels: { files: FileLabels[] } = JSON.parse(readFileSync(labelsFile, 'utf8'));
const verbose = process.argv.includes('--verbose');
// Rules the labels speak about. A rule added after the corpus was labelled (LG015, LG016) was never part of
// its labels: its findings are counted and listed below the table, not scored as hits or false positives
// (as test/unit/acceptanceScoring.ts does for the acceptance sets).
const labelledRules = new Set(labels.files.flatMap((f) => [...f.expect, ...f.expectNot].map((l) => l.rule)).filter((r) => r !== '*'));
const unscored = new Map<string, { findings: number; onControls: string[] }>();

interface Score { tp: number; fn: number; fp: number }
const scores = new Map<string, Score>();
const score = (rule: string): Score => {
  if (!scores.has(rule)) scores.set(rule, { tp: 0, fn: 0, fp: 0 });
  return scores.get(rule)!;
};
const misses: string[] = [];
let files = 0;
let errors = 0;
const t0 = process.hrtime.bigint();

for (const fl of labels.files) {
  const abs = path.join(corpus, fl.path);
  if (!existsSync(abs)) continue;
  files++;
  // Siblings (CDK imports, Serverless `${file(...)}`) are read as the CLI reads them: relative to the same base as the file.
  const readSibling = (p: string): string | undefined => {
    const target = path.resolve(corpus, p);
    return target.startsWith(corpus) && existsSync(target) ? readFileSync(target, 'utf8') : undefined;
  };
  const r = analyzeText(readFileSync(abs, 'utf8'), fl.path, { readSibling });
  errors += r.errors.length;
  const all = r.findings.filter((f) => !f.suppressed);
  const active = all.filter((f) => labelledRules.has(f.ruleId));
  for (const f of all) {
    if (labelledRules.has(f.ruleId)) continue;
    const u = unscored.get(f.ruleId) ?? { findings: 0, onControls: [] };
    unscored.set(f.ruleId, u);
    u.findings++;
    const control = fl.expectNot.find((n) => n.rule === '*' && (!n.resource || f.resource === n.resource));
    if (control) u.onControls.push(`${f.ruleId} ${fl.path}:${f.location?.startLine} ${f.resource ?? ''} — label says: ${control.why}`);
  }
  const matched = new Set<Finding>();
  for (const e of fl.expect) {
    const hit = active.find((f) => f.ruleId === e.rule && !matched.has(f) && (e.line === undefined || f.location?.startLine === e.line));
    if (hit) {
      matched.add(hit);
      score(e.rule).tp++;
    } else {
      score(e.rule).fn++;
      misses.push(`MISS ${e.rule} ${fl.path}:${e.line ?? '?'} ${e.resource ?? ''} — ${e.why}`);
    }
  }
  for (const n of fl.expectNot) {
    const bad = active.filter((f) => (n.rule === '*' || f.ruleId === n.rule) && (!n.resource || f.resource === n.resource) && !matched.has(f));
    for (const f of bad) {
      score(f.ruleId).fp++;
      matched.add(f);
      misses.push(`FALSE ${f.ruleId} ${fl.path}:${f.location?.startLine} ${f.resource ?? ''} — label says: ${n.why}`);
    }
  }
}
const ms = Number(process.hrtime.bigint() - t0) / 1e6;

const pct = (a: number, b: number): string => (b === 0 ? '   –  ' : `${((100 * a) / b).toFixed(1).padStart(5)}%`);
console.log('rule    TP  FN  FP  precision  recall');
let T = { tp: 0, fn: 0, fp: 0 };
for (const [rule, s] of [...scores].sort()) {
  console.log(`${rule}  ${String(s.tp).padStart(3)} ${String(s.fn).padStart(3)} ${String(s.fp).padStart(3)}  ${pct(s.tp, s.tp + s.fp)}    ${pct(s.tp, s.tp + s.fn)}`);
  T = { tp: T.tp + s.tp, fn: T.fn + s.fn, fp: T.fp + s.fp };
}
console.log(`all     ${String(T.tp).padStart(3)} ${String(T.fn).padStart(3)} ${String(T.fp).padStart(3)}  ${pct(T.tp, T.tp + T.fp)}    ${pct(T.tp, T.tp + T.fn)}`);
for (const [rule, u] of [...unscored].sort()) {
  console.log(`${rule}   not scored (added after the labels): ${u.findings} finding${u.findings === 1 ? '' : 's'}, ${u.onControls.length} on a '*' negative control`);
  if (verbose) for (const c of u.onControls) console.log(`        ${c}`);
}
console.log(`\n${files} files, ${errors} parse errors, ${ms.toFixed(0)} ms (first run includes loading the IAM data)`);
if (verbose || misses.length <= 30) for (const m of misses) console.log(m);
else console.log(`${misses.length} misses/false positives; --verbose lists them`);
