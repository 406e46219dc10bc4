// The Serverless Framework acceptance set (test/acceptance-sls), written and labelled by an independent
// author before the analyzer saw it. Its README records the first, blind score; the analyzer was changed
// after that run, so it is a regression set now: every expected finding on its line, nothing on a negative
// control. The set is scanned as the CLI scans a folder (siblings for `${file(…)}`, non-AWS services skipped).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { AnalyzeResult } from '../../../src/core/scan/analyzeText';
import { scanPaths } from '../../../src/core/scan/scanPaths';
import { score, type FileLabels } from '../acceptanceScoring';

const DIR = path.resolve(__dirname, '../../acceptance-sls');
const RECORDED = 74;

test(`acceptance-sls (regression set): ${RECORDED} expected findings on their lines, none on a negative control, the Google service skipped`, async () => {
  const labels: FileLabels[] = JSON.parse(readFileSync(path.join(DIR, 'labels.json'), 'utf8')).files;
  const r = await scanPaths(['.'], { cwd: DIR });
  assert.deepEqual(r.errors, []);
  const results = new Map<string, AnalyzeResult>();
  for (const l of labels) results.set(l.file, { findings: r.findings.filter((f) => f.location?.file === l.file), errors: [], skipped: false });
  // LG015 is scored here too: this set was labelled for it (acceptanceScoring's list predates it).
  const s = score(labels.map((l) => ({ ...l, expect: l.expect?.filter((e) => e.rule !== 'LG015') })), results);
  const lg015 = labels.flatMap((l) => (l.expect ?? []).filter((e) => e.rule === 'LG015').map((e) => `${l.file}:${e.line}`));
  const found015 = new Set(r.findings.filter((f) => f.ruleId === 'LG015').map((f) => `${f.location?.file}:${f.location?.startLine}`));
  const missing015 = lg015.filter((k) => !found015.has(k));
  const on015Controls = r.findings.filter((f) => f.ruleId === 'LG015' && labels.some((l) => l.file === f.location?.file && (l.expectNot ?? []).some((n) => n.rule === '*' && (n.line === f.location?.startLine || (n.lines && f.location!.startLine >= n.lines[0] && f.location!.startLine <= n.lines[1])))));
  console.log(`acceptance-sls: ${s.tp + lg015.length - missing015.length}/${RECORDED}, ${s.falsePositives.length + on015Controls.length} findings on negative controls, ${s.unlabelled.length} unlabelled`);
  assert.deepEqual([...s.misses, ...missing015], []);
  assert.equal(s.tp + lg015.length - missing015.length, RECORDED);
  assert.deepEqual(s.falsePositives, []);
  assert.deepEqual(on015Controls.map((f) => `${f.location?.file}:${f.location?.startLine}`), []);
  for (const l of labels.filter((x) => x.skipped)) assert.deepEqual(r.findings.filter((f) => f.location?.file === l.file), [], l.file);
});
