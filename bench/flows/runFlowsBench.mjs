// Bundles bench/flows/flowsBench.ts the way esbuild.mjs bundles the CLI (so the code measured is the
// code users run) and runs it. Usage: node bench/flows/runFlowsBench.mjs   (env: see flowsBench.ts)
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const outfile = path.join(os.tmpdir(), 'lambda-guard-flows-bench.cjs');
await esbuild.build({ entryPoints: [path.join(here, 'flowsBench.ts')], outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning' });
const r = spawnSync(process.execPath, [outfile], { stdio: 'inherit' });
process.exitCode = r.status ?? 1;
