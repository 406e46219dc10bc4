// Benchmarks of issue 2 (and the CDK one when present). Prints medians; bench/RESULTS.md records them.
// Run: npm run bench  (builds nothing; runs the TypeScript sources through tsx)
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseDocument } from 'yaml';
import { analyzeText } from '../src/core/scan/analyzeText';
import { generateTemplate } from './generateTemplate';
import { median, timeRuns } from './stats';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const out: string[] = [];
const say = (s: string): void => {
  console.log(s);
  out.push(s);
};

say(`machine: ${os.cpus()[0]?.model ?? '?'} ×${os.cpus().length}, node ${process.version}, ${new Date().toISOString().slice(0, 10)}; median of ${RUNS} runs`);

// (a) a 5,000-resource template: whole analysis vs a bare yaml.parseDocument, same process.
{
  const text = generateTemplate(5000);
  analyzeText(text, 'warm.yaml'); // load the IAM data and JIT once, for both sides
  parseDocument(text);
  const bare = median(timeRuns(RUNS, () => parseDocument(text)));
  let findings = 0;
  const scan = median(timeRuns(RUNS, () => (findings = analyzeText(text, 'big.yaml').findings.length)));
  say(`(a) 5,000 resources (${text.split('\n').length} lines, ${(text.length / 1024).toFixed(0)} KiB): bare parseDocument ${bare.toFixed(1)} ms, full scan ${scan.toFixed(1)} ms, ratio ${(scan / bare).toFixed(2)}× (budget ≤ 3×), ${findings} findings`);
}

// (b) the editor path: re-analyse a ~3,000-line template after a one-line edit.
{
  let text = generateTemplate(275);
  const lines = text.split('\n');
  analyzeText(text, 'edit.yaml', { incremental: true });
  let k = 0;
  const times = timeRuns(Math.max(RUNS, 15), () => {
    const i = 20 + ((k++ * 37) % (lines.length - 40));
    const edited = [...lines];
    edited[i] = `${edited[i]} `;
    text = edited.join('\n');
    analyzeText(text, 'edit.yaml', { incremental: true });
  });
  const full = timeRuns(Math.max(RUNS, 15), () => {
    const i = 20 + ((k++ * 37) % (lines.length - 40));
    const edited = [...lines];
    edited[i] = `${edited[i]} `;
    analyzeText(edited.join('\n'), 'edit.yaml');
  });
  const bare = median(timeRuns(RUNS, () => parseDocument(text)));
  say(`(b) one-line edit of a ${lines.length}-line template, re-analysed (editor path): median ${median(times).toFixed(1)} ms (budget < 30 ms); baselines in the same process: whole re-analysis ${median(full).toFixed(1)} ms, bare parseDocument ${bare.toFixed(1)} ms`);
}

// (c) the shared corpus, end to end (read + analyse), files per second.
{
  const corpus = path.resolve(__dirname, '../../shared/corpus');
  if (!existsSync(corpus)) say('(c) corpus absent; skipped');
  else {
    const files: string[] = [];
    const walk = (d: string): void => {
      for (const n of readdirSync(d)) {
        const p = path.join(d, n);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.(ya?ml|json|ts)$/.test(n) && n !== 'labels.json') files.push(p);
      }
    };
    walk(corpus);
    const times = timeRuns(RUNS, () => {
      for (const f of files) analyzeText(readFileSync(f, 'utf8'), f);
    });
    const m = median(times);
    say(`(c) shared corpus: ${files.length} files in ${m.toFixed(1)} ms → ${((files.length * 1000) / m).toFixed(0)} files/s`);
  }
}

// (d) issue 4: a 2,000-line CDK stack, analysed after the TypeScript parser is warm.
{
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { runCdkBench } = require('./cdk.bench') as typeof import('./cdk.bench');
  const r = runCdkBench(Math.max(RUNS, 9));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ts = require('typescript') as typeof import('typescript');
  const { generateStack } = require('./cdk.bench') as typeof import('./cdk.bench'); // eslint-disable-line @typescript-eslint/no-require-imports
  const src = generateStack(2000);
  const parseOnly = median(timeRuns(Math.max(RUNS, 9), () => ts.createSourceFile('b.ts', src, ts.ScriptTarget.Latest, true)));
  say(`(d) CDK ${r.lines}-line stack, parser warm: analyzeText median ${r.analyzeMedianMs.toFixed(1)} ms (budget < 100 ms), CPU ${r.analyzeCpuMedianMs.toFixed(1)} ms; baseline bare ts.createSourceFile ${parseOnly.toFixed(1)} ms (ratio ${(r.analyzeMedianMs / parseOnly).toFixed(2)}×); first call loading typescript ${r.coldMs.toFixed(0)} ms; ${r.findings} findings`);
}

// (e) hostile input stays bounded: an alias bomb (10^9 nodes if expanded) and 5,000 nested brackets. Was a
// wall-clock assertion in test/unit/iac/loadTemplate.test.ts; the test now checks the errors, the time is here.
{
  let bomb = 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n';
  for (let i = 1; i < 9; i++) bomb += `a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]\n`;
  bomb += 'Resources: { R: { Type: AWS::IAM::Role, Properties: { P: *a8 } } }\n';
  const deep = `Resources:\n  R:\n    Type: AWS::IAM::Role\n    Properties:\n      X: ${'['.repeat(5000)}${']'.repeat(5000)}\n`;
  const bombMs = median(timeRuns(RUNS, () => analyzeText(bomb, 'bomb.yaml')));
  const deepMs = median(timeRuns(RUNS, () => analyzeText(deep, 'deep.yaml')));
  const bare = median(timeRuns(RUNS, () => parseDocument(bomb)));
  say(`(e) hostile input: alias bomb ${bombMs.toFixed(1)} ms, 5,000 nested brackets ${deepMs.toFixed(1)} ms (budget < 5,000 ms each); baseline bare parseDocument of the bomb (aliases not expanded) ${bare.toFixed(2)} ms`);
}
