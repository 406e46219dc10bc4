// Bundles the extension-host tests (index + suite/*.test.ts) into out/test/integration/vscode/.
// `vscode` is provided by the extension host; mocha is loaded from node_modules at run time (its
// reporters and file loading do not survive bundling). esbuild.mjs includes this build in dev builds.
import { build } from 'esbuild';
import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../../..');

/** Entry points of the extension-host test bundle, relative to the repository root. */
export function vscodeTestEntries() {
  const suite = readdirSync(join(here, 'suite'))
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => `test/integration/vscode/suite/${f}`);
  return ['test/integration/vscode/index.ts', ...suite];
}

/** esbuild options for the test bundle, on top of the project's common options. */
export function vscodeTestBuild(common = {}) {
  return {
    ...common,
    absWorkingDir: root,
    entryPoints: vscodeTestEntries(),
    outfile: undefined,
    outbase: '.',
    outdir: 'out',
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    minify: false,
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
    mainFields: ['module', 'main'],
    plugins: [],
    logLevel: 'warning',
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await build(vscodeTestBuild());
}
