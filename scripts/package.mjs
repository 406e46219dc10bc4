#!/usr/bin/env node
// `npm run package`: builds the production bundle and packs the .vsix with vsce. Dependencies are
// bundled by esbuild, so vsce runs with --no-dependencies; .vscodeignore whitelists what ships.
// Then checks the result: size under the 8 MiB budget, no file outside the whitelist, and every relative
// link of the README resolving to a file inside the package (the rule pages, the guide, the screenshots).
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join, posix, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const MAX_BYTES = 8 * 1024 * 1024;
const ALLOWED = [
  /^extension\/package\.json$/,
  /^extension\/(readme|changelog)\.md$/i,
  /^extension\/LICENSE(\.md|\.txt)?$/i,
  /^extension\/dist\/(extension|analysisWorker|cdkAnalyzer|awsCollectors)\.js$/,
  /^extension\/dist\/data\/aws-managed-policies\.json$/,
  /^extension\/dist\/media\/[\w-]+\.(js|css)$/,
  /^extension\/dist\/iam-data\//,
  /^extension\/docs\/rules\/LG\d{3}\.md$/,
  /^extension\/docs\/[\w-]+\.md$/,
  /^extension\/docs\/iam-policy\.json$/,
  /^extension\/docs\/images\/[\w-]+\.png$/,
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

/** Relative links of README.md and of the shipped guides whose target is not in the package. */
function brokenReadmeLinks(entries) {
  const shipped = new Set(entries);
  const broken = [];
  const docs = entries.filter((e) => /^extension\/docs\/[\w-]+\.md$/.test(e)).map((e) => e.slice('extension/'.length));
  for (const doc of ['README.md', ...docs]) {
    const text = readFileSync(join(root, doc), 'utf8');
    const dir = doc.includes('/') ? doc.slice(0, doc.lastIndexOf('/') + 1) : '';
    for (const [, target] of text.matchAll(/\]\(([^)\s#]+)(?:#[^)]*)?\)/g)) {
      if (/^[a-z]+:/i.test(target)) continue;
      const inPackage = `extension/${posix.normalize(dir + target)}`;
      if (!shipped.has(inPackage)) broken.push(`${doc}: ${target}`);
    }
  }
  return broken;
}

export function packageVsix({ skipBuild = false } = {}) {
  const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  if (!skipBuild) run('npm', ['run', '--silent', 'build', '--', '--production']);
  const out = vsixPath();
  const vsce = join(root, 'node_modules/@vscode/vsce/vsce');
  // No web repository hosts the docs: README links stay relative and resolve to the files shipped beside it.
  run(process.execPath, [vsce, 'package', '--no-dependencies', '--skip-license', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', out]);
  const size = statSync(out).size;
  const entries = vsixEntries(out);
  const stray = entries.filter((e) => !ALLOWED.some((re) => re.test(e)));
  if (size > MAX_BYTES) throw new Error(`${out} is ${(size / 1048576).toFixed(2)} MiB, over the 8 MiB budget`);
  if (stray.length) throw new Error(`unexpected files in ${out}:\n  ${stray.join('\n  ')}`);
  const broken = brokenReadmeLinks(entries);
  if (broken.length) throw new Error(`README links that point at no file of ${out}:\n  ${broken.join('\n  ')}`);
  console.log(`package: ${out} (${(size / 1048576).toFixed(2)} MiB)`);
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  packageVsix({ skipBuild: process.argv.includes('--skip-build') });
}
