#!/usr/bin/env node
// `npm run package`: builds the production bundle and packs the .vsix with vsce. Dependencies are
// bundled by esbuild, so vsce runs with --no-dependencies; .vscodeignore whitelists what ships.
// Then checks the result: size under the 8 MiB budget and no file outside the whitelist.
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const MAX_BYTES = 8 * 1024 * 1024;
/** Where the rule pages are published (the same base as helpUri in src/core/model/rule.ts). */
const DOCS_REPO = 'https://github.com/lambda-guard/lambda-guard';
const ALLOWED = [
  /^extension\/package\.json$/,
  /^extension\/(readme|changelog)\.md$/i,
  /^extension\/LICENSE(\.md|\.txt)?$/i,
  /^extension\/dist\/(extension|analysisWorker|cdkAnalyzer)\.js$/,
  /^extension\/dist\/iam-data\//,
  /^extension\/docs\/rules\/LG\d{3}\.md$/,
  /^extension\/media\/(icon\.png|icons\/[\w-]+\.svg)$/,
  /^\[Content_Types\]\.xml$/,
  /^extension\.vsixmanifest$/,
];

export function vsixPath() {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  return join(root, `${pkg.name}-${pkg.version}.vsix`);
}

/** File names inside a .vsix (a zip), read with Python's zipfile so no extra dependency is needed. */
export function vsixEntries(file) {
  const out = execFileSync('python3', ['-c', 'import sys,zipfile;print("\\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))', file], { encoding: 'utf8' });
  return out.split('\n').filter(Boolean);
}

export function packageVsix({ skipBuild = false } = {}) {
  const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  if (!skipBuild) run('npm', ['run', '--silent', 'build', '--', '--production']);
  const out = vsixPath();
  const vsce = join(root, 'node_modules/@vscode/vsce/vsce');
  // Relative links in README.md (docs/rules/…, screenshots) point at the repository the rule docs live in.
  const base = DOCS_REPO;
  run(process.execPath, [vsce, 'package', '--no-dependencies', '--skip-license', '--allow-missing-repository', '--baseContentUrl', `${base}/blob/main`, '--baseImagesUrl', `${base}/raw/main`, '--out', out]);
  const size = statSync(out).size;
  const stray = vsixEntries(out).filter((e) => !ALLOWED.some((re) => re.test(e)));
  if (size > MAX_BYTES) throw new Error(`${out} is ${(size / 1048576).toFixed(2)} MiB, over the 8 MiB budget`);
  if (stray.length) throw new Error(`unexpected files in ${out}:\n  ${stray.join('\n  ')}`);
  console.log(`package: ${out} (${(size / 1048576).toFixed(2)} MiB)`);
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  packageVsix({ skipBuild: process.argv.includes('--skip-build') });
}
