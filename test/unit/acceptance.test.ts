// Acceptance: templates written independently of the rules (test/acceptance, -2, -3), labelled from the rule
// table and AWS semantics before the tool was run; regression sets since the analyzer was tuned on them. Asserts
// the recorded number of expected findings on the right lines (their READMEs give the first, blind score),
// no finding on a negative control, broken files as errors with a line, non-templates skipped; then runs the
// built CLI over a copy of each set (with node_modules and .aws-sam folders added) and validates its SARIF.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type * as Sarif from 'sarif';
import { analyzeText, type AnalyzeResult } from '../../src/core/scan/analyzeText';
import { walkFiles } from '../../src/core/scan/walkFiles';
import type { Finding } from '../../src/core/model/finding';
import { score as scoreLabels, type FileLabels } from './acceptanceScoring';
import { ensureBuilt, runCli, tempDir } from '../cli/cliHarness';

const schema = JSON.parse(readFileSync(path.resolve(__dirname, '../fixtures/report/sarif-schema-2.1.0.json'), 'utf8'));
const ajv = new Ajv({ allErrors: true });
addFormats(ajv);
const validateSarif = ajv.compile(schema);
const PUBLIC_PERMISSION = 'Resources:\n  P:\n    Type: AWS::Lambda::Permission\n    Properties:\n      Action: lambda:InvokeFunction\n      FunctionName: f\n      Principal: "*"\n';

/**
 * Sets written by different authors at different times; `samApp` is copied into a `.aws-sam` build folder.
 * The analyzer was tuned after each set's first (blind) run, so they are regression sets now: `found` is how
 * many expected findings they hold on the right lines as recorded in their READMEs — fewer is a regression.
 */
const SETS = [
  { name: 'acceptance', samApp: 'sam-orders/template.yaml', found: 145 },
  { name: 'acceptance-2', samApp: 'sam/orders-app/template.yaml', found: 151 },
  { name: 'acceptance-3', samApp: 'sam/template.yaml', found: 98 },
];

for (const set of SETS) {
  const DIR = path.resolve(__dirname, '..', set.name);
  const labels: FileLabels[] = JSON.parse(readFileSync(path.join(DIR, 'labels.json'), 'utf8')).files;
  const results = new Map<string, AnalyzeResult>();
  let work = '';


  before(() => {
    for (const fl of labels) results.set(fl.file, analyzeText(readFileSync(path.join(DIR, fl.file), 'utf8'), fl.file));
  });

  test(`${set.name}: every candidate file of the acceptance set is labelled`, async () => {
    const files = (await walkFiles(['.'], DIR, () => undefined)).map((f) => path.relative(DIR, f).split(path.sep).join('/'));
    const labelled = new Set(labels.map((l) => l.file));
    assert.deepEqual(files.filter((f) => f !== 'labels.json' && !labelled.has(f)), []);
    assert.ok(labels.length >= 12);
  });

  test(`${set.name} (regression set): at least ${set.found} expected findings on the right lines, none on a negative control`, () => {
    const s = scoreLabels(labels, results);
    const expected = labels.reduce((n, l) => n + (l.expect?.length ?? 0), 0);
    const active = [...results.values()].flatMap((r) => r.findings).filter((f) => !f.suppressed).length;
    const recall = s.tp / expected;
    const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
    console.log(`${set.name}: recall ${pct(recall)} (${s.tp}/${expected}), ${s.falsePositives.length} findings on negative controls, precision ${pct(s.tpActive / active)} (${s.tpActive} of ${active} active findings are labelled; ${s.unlabelled.length} unlabelled)`);
    for (const line of [...s.misses, ...s.falsePositives, ...s.unlabelled]) console.log(`  ${line}`);
    assert.ok(s.tp >= set.found, `${s.tp} of ${expected} found, ${set.found} recorded:\n${s.misses.join('\n')}`);
    assert.deepEqual(s.falsePositives, []);
  });

  test(`${set.name}: broken files are errors with a line; non-templates are skipped silently`, () => {
    for (const fl of labels) {
      const r = results.get(fl.file)!;
      if (fl.error) {
        assert.equal(r.findings.length, 0, fl.file);
        assert.ok(r.errors.length >= 1, `${fl.file}: no error`);
        const line = r.errors[0].line ?? -1;
        assert.ok(line >= fl.error.lines[0] && line <= fl.error.lines[1], `${fl.file}: error on line ${line}, expected ${fl.error.lines.join('–')}: ${r.errors[0].message}`);
      } else if (fl.skipped) {
        assert.deepEqual({ skipped: r.skipped, findings: r.findings.length, errors: r.errors }, { skipped: true, findings: 0, errors: [] }, fl.file);
      } else {
        assert.deepEqual(r.errors, [], fl.file);
        assert.equal(r.skipped, false, fl.file);
      }
    }
  });





  function cliSetup(): void {
    if (work) return;
    ensureBuilt();
    work = tempDir('lg-acceptance-');
    cpSync(DIR, work, { recursive: true });
    // Third-party and build folders (gitignored, so made here): a scan of the folder must not read them.
    mkdirSync(path.join(work, 'node_modules', 'some-lib'), { recursive: true });
    writeFileSync(path.join(work, 'node_modules', 'some-lib', 'template.yaml'), PUBLIC_PERMISSION);
    const samDir = path.dirname(set.samApp);
    mkdirSync(path.join(work, samDir, '.aws-sam', 'build'), { recursive: true });
    cpSync(path.join(DIR, set.samApp), path.join(work, samDir, '.aws-sam', 'build', 'template.yaml'));
  }

  test(`${set.name}: CLI json: same findings as analyzeText, node_modules and .aws-sam skipped, broken files in errors`, () => {
    cliSetup();
    const r = runCli(['scan', '.', '--format', 'json', '--fail-on', 'none'], work);
    assert.equal(r.code, 0, r.stderr);
    const out: { findings: Finding[]; errors: { file: string; line?: number }[] } = JSON.parse(r.stdout);
    const files = new Set(out.findings.map((f) => f.location?.file));
    assert.ok(![...files].some((f) => /node_modules|\.aws-sam/.test(f ?? '')), [...files].join(', '));
    const expected = [...results.values()].flatMap((x) => x.findings);
    const key = (f: Finding): string => `${f.location?.file}:${f.location?.startLine}:${f.location?.startColumn}:${f.ruleId}:${f.resource}:${f.suppressed}`;
    const got = out.findings.map(key);
    const want = expected.map(key);
    assert.deepEqual({ extra: got.filter((k) => !want.includes(k)), missing: want.filter((k) => !got.includes(k)), count: got.length }, { extra: [], missing: [], count: want.length });
    const errorFiles = [...new Set(out.errors.map((e) => e.file))].sort();
    assert.deepEqual(errorFiles, labels.filter((l) => l.error).map((l) => l.file).sort());
    for (const e of out.errors) assert.ok(typeof e.line === 'number' && e.line >= 1, JSON.stringify(e));
    // Named explicitly, node_modules is scanned.
    const nm = JSON.parse(runCli(['scan', 'node_modules', '--format', 'json', '--fail-on', 'none'], work).stdout);
    assert.deepEqual(nm.findings.map((f: Finding) => f.ruleId), ['LG006']);
  });

  test(`${set.name}: CLI sarif: valid SARIF 2.1.0, one result per finding, suppressions carried, rules with help`, () => {
    cliSetup();
    const r = runCli(['scan', '.', '--format', 'sarif', '--fail-on', 'none'], work);
    assert.equal(r.code, 0, r.stderr);
    const log: Sarif.Log = JSON.parse(r.stdout);
    assert.ok(validateSarif(log), JSON.stringify(validateSarif.errors, null, 2));
    const run = log.runs[0];
    const all = [...results.values()].flatMap((x) => x.findings);
    assert.equal(run.results?.length, all.length);
    assert.equal(run.results?.filter((x) => x.suppressions?.length).length, all.filter((f) => f.suppressed).length);
    const rules = run.tool.driver.rules ?? [];
    for (const res of run.results ?? []) {
      assert.equal(rules[res.ruleIndex ?? -1]?.id, res.ruleId);
      const loc = res.locations?.[0]?.physicalLocation;
      assert.ok(loc?.artifactLocation?.uri && !loc.artifactLocation.uri.startsWith('/'), JSON.stringify(loc));
      assert.ok((loc?.region?.startLine ?? 0) >= 1);
    }
    assert.ok(rules.filter((x) => /^LG0\d\d$/.test(x.id)).every((x) => x.help?.text && x.help?.markdown && x.fullDescription?.text));
    // The broken files are tool notifications with a file and a line, not a crash.
    const notes = run.invocations?.[0]?.toolExecutionNotifications ?? [];
    const noted = new Set(notes.map((n) => n.locations?.[0]?.physicalLocation?.artifactLocation?.uri));
    assert.deepEqual([...noted].sort(), labels.filter((l) => l.error).map((l) => l.file).sort());
    assert.ok(notes.every((n) => (n.locations?.[0]?.physicalLocation?.region?.startLine ?? 0) >= 1));
  });
}
