import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import type { Finding } from '../../../src/core/model/finding';
import type { Suppression } from '../../../src/core/model/templateModel';
import { LIMITS } from '../../../src/core/iac/tree/limits';
import { parseYaml } from '../../../src/core/iac/tree/parseYaml';
import { applySuppressions } from '../../../src/core/scan/applySuppressions';
import { scanPaths } from '../../../src/core/scan/scanPaths';
import { GOOD, GOOD_FINDINGS } from './hostileHarness';

test('an internal error while scanning one file is an errors entry for it; the other files are reported', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lg-contain-'));
  writeFileSync(path.join(dir, 'a.yaml'), GOOD);
  writeFileSync(path.join(dir, 'b.yaml'), GOOD);
  writeFileSync(path.join(dir, 'c.yaml'), GOOD);
  // An option that throws while b.yaml is being scanned: a stand-in for any bug met on one file.
  let current = '';
  const opts = {
    cwd: dir,
    onProgress: (_done: number, _total: number, file: string) => void (current = file),
    get maxFileSize(): number {
      if (current === 'b.yaml') throw new Error('boom');
      return 1 << 20;
    },
  };
  const r = await scanPaths(['.'], opts);
  assert.deepEqual(r.errors, [{ file: 'b.yaml', line: 1, message: 'internal error while analysing this file: boom' }]);
  const got = r.findings.map((f) => [f.location!.file, f.ruleId, f.location!.startLine]);
  assert.deepEqual(got, ['a.yaml', 'c.yaml'].flatMap((file) => GOOD_FINDINGS.map(([rule, line]) => [file, rule, line])));
});

test('the node budget counts what aliases add, not what is written: a long document is never refused', () => {
  const saved = LIMITS.maxNodes;
  LIMITS.maxNodes = 100;
  try {
    // 500 written items: over the budget of 100, but written, so parsed.
    const long = parseYaml(`Resources: [${Array(500).fill('x').join(', ')}]\n`, 'long.yaml');
    assert.deepEqual(long.errors, []);
    assert.equal(long.root?.kind, 'map');
    // A short document whose aliases add ~1,000 nodes stops at the budget.
    const short = `a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [${Array(10).fill('*a').join(', ')}]\nc: [${Array(10).fill('*b').join(', ')}]\n`;
    assert.match(parseYaml(short, 'bomb.yaml').errors[0].message, /expands to more than \d+ nodes/);
  } finally {
    LIMITS.maxNodes = saved;
  }
});

test('merge keys: written keys win, then the first source; merged sources count against the budget', () => {
  const r = parseYaml('d1: &d1 {a: 1, b: 1}\nd2: &d2 {b: 2, c: 2}\nm:\n  <<: [*d1, *d2]\n  c: 3\n', 'm.yaml');
  const m = r.root?.kind === 'map' ? r.root.entries.find((e) => e.key === 'm')?.value : undefined;
  assert.ok(m?.kind === 'map');
  assert.deepEqual(m.entries.map((e) => [e.key, e.value.kind === 'scalar' ? e.value.value : '?']), [['c', 3], ['a', 1], ['b', 1]]);
});

test('YAML errors are capped per file, the rest counted in one entry', () => {
  const r = parseYaml(`Resources:\n${'\tx: [\n'.repeat(500)}`, 'bad.yaml');
  assert.equal(r.errors.length, LIMITS.maxErrorsPerFile + 1);
  assert.match(r.errors[LIMITS.maxErrorsPerFile].message, /^YAML: \d+ more errors not listed$/);
});

/** The obvious implementation (first matching suppression in list order), to check the sweep against. */
function naive(findings: Finding[], sups: Suppression[]): (string | undefined)[] {
  const inside = (s: Suppression, f: Finding): boolean => {
    const r = s.appliesTo!;
    const { startLine: l, startColumn: c } = f.location!;
    if (l < r.startLine || l > r.endLine) return false;
    if (l === r.startLine && c < r.startColumn) return false;
    return !(l === r.endLine && c > r.endColumn);
  };
  return findings.map((f) => {
    const hit = sups.find((s) => (s.ruleId === f.ruleId || s.ruleId === 'ALL') && (s.kind === 'metadata' ? !!f.resource && s.owner === f.resource : !!s.appliesTo && inside(s, f)));
    return hit?.reason;
  });
}

test('suppressions: the sweep picks the same suppression as a linear search, for any ranges', () => {
  const pos = fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 6 }));
  const rule = fc.constantFrom('LG001', 'LG002', 'ALL');
  const sup = fc.oneof(
    fc.tuple(rule, pos, pos).map(([ruleId, a, b]): Suppression => {
      const [s, e] = a[0] * 10 + a[1] <= b[0] * 10 + b[1] ? [a, b] : [b, a];
      const range = { startLine: s[0], startColumn: s[1], endLine: e[0], endColumn: e[1] };
      return { ruleId, reason: '', kind: 'comment', appliesTo: range, range };
    }),
    fc.tuple(rule, fc.constantFrom('R1', 'R2')).map(([ruleId, owner]): Suppression => ({ ruleId, reason: '', kind: 'metadata', owner, range: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 } })),
  );
  const finding = fc.tuple(fc.constantFrom('LG001', 'LG002'), pos, fc.constantFrom('R1', 'R2', undefined)).map(
    ([ruleId, [l, c], resource]): Finding => ({ ruleId, severity: 'warning', message: '', location: { file: 'f', startLine: l, startColumn: c, endLine: l, endColumn: c + 1 }, resource, suppressed: false }),
  );
  fc.assert(
    fc.property(fc.array(sup, { maxLength: 12 }), fc.array(finding, { maxLength: 12 }), (sups, findings) => {
      sups.forEach((s, i) => (s.reason = `s${i}`));
      const want = naive(findings, sups);
      applySuppressions(findings, sups);
      assert.deepEqual(findings.map((f) => f.suppression?.reason), want);
      assert.deepEqual(findings.map((f) => f.suppressed), want.map((w) => w !== undefined));
    }),
    { numRuns: 500 },
  );
});
