import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { readCdkOut } from '../../../src/core/iac/cdkOut/readCdkOut';
import { analyzeText } from '../../../src/core/scan/analyzeText';
import { scanPaths } from '../../../src/core/scan/scanPaths';

// The fuzzing of test/unit/iac/fuzz.test.ts, extended to CDK sources (with their sibling imports) and to
// cdk.out manifests: whatever the mutation, nothing throws, and nothing is read outside the cloud assembly.

const ROOT = path.resolve(__dirname, '../../..');
const read = (p: string): string => readFileSync(path.join(ROOT, p), 'utf8');
const STACK = { file: 'examples/cdk-app/lib/orders-stack.ts', text: read('examples/cdk-app/lib/orders-stack.ts') };
const CONFIG = read('examples/cdk-app/lib/config.ts');
const MANIFEST = JSON.parse(read('test/fixtures/cdk/outApp/cdk.out/manifest.json')) as Record<string, unknown>;

const TS_JUNK = fc.constantFrom(
  '`', '${', '/*', '*/', '"', "'", '(', ')', '{', '}', '[', ']', '...', 'as any', '!', '?.', '=>', '\u202e', '\u0000', '\\',
  "import { X } from '../../../../etc/passwd';", "export * from '/dev/zero';", 'new iam.PolicyStatement({', "actions: ['*'],",
  'Fn.conditionIf(', 'cdk.Fn.sub(', '.addToPolicy(', 'const a = [...a];', 'export const BUCKET = BUCKET;',
);

/** The text with random line edits: deleted, duplicated, swapped lines and junk inserted mid-line. */
const mutated = (text: string): fc.Arbitrary<string> =>
  fc.array(fc.tuple(fc.nat(), fc.nat(), TS_JUNK, fc.constantFrom('del', 'dup', 'swap', 'ins')), { minLength: 1, maxLength: 8 }).map((edits) => {
    const lines = text.split('\n');
    for (const [a, b, j, op] of edits) {
      const i = a % lines.length;
      const k = b % lines.length;
      if (op === 'del') lines.splice(i, 1);
      else if (op === 'dup') lines.splice(i, 0, lines[k]);
      else if (op === 'swap') [lines[i], lines[k]] = [lines[k], lines[i]];
      else lines[i] = lines[i].slice(0, k % (lines[i].length + 1)) + j + lines[i].slice(k % (lines[i].length + 1));
    }
    return lines.join('\n');
  });

test('mutated CDK sources and mutated sibling modules never crash the analyzer; findings stay inside the text', () => {
  fc.assert(
    fc.property(mutated(STACK.text), mutated(CONFIG), (text, config) => {
      const asked: string[] = [];
      const r = analyzeText(text, STACK.file, { readSibling: (p) => (asked.push(p), p.endsWith('config.ts') ? config : undefined) });
      const lines = text.split('\n').length;
      for (const f of r.findings) {
        assert.match(f.ruleId, /^LG\d{3}$/);
        assert.ok(f.location!.startLine >= 1 && f.location!.endLine <= lines, JSON.stringify(f.location));
      }
      for (const e of r.errors) assert.equal(typeof e.message, 'string');
    }),
    { numRuns: 150 },
  );
});

/** Any JSON value, with paths that try to leave the assembly and the shapes a manifest is not supposed to have. */
const hostileJson = fc.letrec((tie) => ({
  v: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom('../../secret.json', '/etc/passwd', '..', '.', '', 'OutStack.template.json', 'cdk.out', '\u0000', 'aws:cdk:logicalId', 'aws:cloudformation:stack', 'cdk:cloud-assembly'),
    fc.string({ maxLength: 8 }),
    fc.integer(),
    fc.constant(null),
    fc.boolean(),
    fc.array(tie('v'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom('type', 'properties', 'templateFile', 'directoryName', 'metadata', 'data', 'trace', 'artifacts'), tie('v'), { maxKeys: 4 }),
  ),
})).v;

/** The fixture manifest with one value somewhere replaced by a hostile one. */
const mutatedManifest = fc.tuple(fc.array(fc.nat(), { minLength: 1, maxLength: 5 }), hostileJson).map(([route, value]) => {
  const copy = JSON.parse(JSON.stringify(MANIFEST)) as unknown;
  let node = copy as Record<string, unknown>;
  for (const step of route) {
    const keys = node && typeof node === 'object' ? Object.keys(node) : [];
    if (keys.length === 0) break;
    const key = keys[step % keys.length];
    const next = node[key];
    if (!next || typeof next !== 'object' || step % 3 === 0) {
      node[key] = value;
      return copy;
    }
    node = next as Record<string, unknown>;
  }
  return copy;
});

test('mutated cdk.out manifests: readCdkOut never throws and asks only for files inside the assembly', () => {
  const dir = '/ws/app/cdk.out';
  fc.assert(
    fc.property(mutatedManifest, (manifest) => {
      const asked: string[] = [];
      const io = {
        readFile: (p: string): string | undefined => {
          asked.push(p);
          return p === path.join(dir, 'manifest.json') ? JSON.stringify(manifest) : p.endsWith('.json') ? '{"Resources": {"A": {"Type": 1, "Metadata": []}}}' : undefined;
        },
      };
      const { index, errors } = readCdkOut(dir, io);
      for (const p of asked) assert.ok(p.startsWith(`${dir}/`), p);
      for (const t of index.templates) assert.ok(t.templateFile.startsWith(`${dir}/`), t.templateFile);
      for (const e of errors) assert.equal(typeof e.message, 'string');
    }),
    { numRuns: 400 },
  );
});

test('mutated cdk.out manifests, end to end: the scan finishes and reports only paths inside the folder', async () => {
  const work = mkdtempSync(path.join(os.tmpdir(), 'lg-fuzz-cdkout-'));
  const app = path.join(work, 'app');
  cpSync(path.join(ROOT, 'test/fixtures/cdk/outApp'), app, { recursive: true });
  writeFileSync(path.join(work, 'secret.json'), '{"Resources": {"LEAKED": {"Type": "AWS::Lambda::Permission", "Properties": {"Principal": "*", "Action": "lambda:InvokeFunction", "FunctionName": "f"}}}}');
  await fc.assert(
    fc.asyncProperty(mutatedManifest, async (manifest) => {
      writeFileSync(path.join(app, 'cdk.out', 'manifest.json'), JSON.stringify(manifest));
      const r = await scanPaths(['.'], { cwd: app });
      const files = [...r.findings.flatMap((f) => [f.location?.file, ...(f.related ?? []).map((x) => x.location.file)]), ...r.errors.map((e) => e.file)];
      for (const f of files) assert.ok(f !== undefined && !f.startsWith('/') && !f.startsWith('..'), String(f));
      assert.ok(!JSON.stringify(r).includes('LEAKED'));
    }),
    { numRuns: 25 },
  );
});
