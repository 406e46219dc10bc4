#!/usr/bin/env node
// `npm run demo`: builds and packages the extension, installs the fresh .vsix into a real VS Code
// (code-server) in .cache/demo/, opens a copy of examples/ and prints the URL. Ctrl+C stops it.
//   node scripts/demo.mjs [--port 8080] [--no-build] [--in-place]
// --in-place opens examples/ itself (quick fixes then edit the repository's files).
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { freePort, installVsix, repoRoot, startCodeServer, waitForHttp } from '../test/integration/vscode/serverHarness.mjs';
import { packageVsix, vsixPath } from './package.mjs';

const { values: opts } = parseArgs({
  options: { port: { type: 'string' }, 'no-build': { type: 'boolean', default: false }, 'in-place': { type: 'boolean', default: false } },
});

const run = (cmd, args) => execFileSync(cmd, args, { cwd: repoRoot, stdio: 'inherit' });
if (process.getuid?.() === 0) run('bash', ['scripts/setup-system.sh']);
run('bash', ['scripts/setup-vscode.sh']);
const vsix = opts['no-build'] && existsSync(vsixPath()) ? vsixPath() : packageVsix();

const home = join(repoRoot, '.cache/demo');
const userData = join(home, 'user-data');
const extensions = join(home, 'extensions');
mkdirSync(join(userData, 'User'), { recursive: true });
writeFileSync(
  join(userData, 'User/settings.json'),
  JSON.stringify({ 'workbench.startupEditor': 'none', 'telemetry.telemetryLevel': 'off', 'security.workspace.trust.enabled': false }, null, 2),
);
let folder = join(repoRoot, 'examples');
if (!opts['in-place']) {
  folder = join(home, 'examples');
  rmSync(folder, { recursive: true, force: true });
  cpSync(join(repoRoot, 'examples'), folder, { recursive: true, filter: (src) => !src.includes('node_modules') });
}
console.log(`demo: installing ${vsix}`);
await installVsix(vsix, { extensionsDir: extensions, userDataDir: userData });

const port = opts.port ? Number(opts.port) : await freePort();
const server = startCodeServer({ port, userDataDir: userData, extensionsDir: extensions, folder, logFile: join(home, 'code-server.log') });
let stopping = false;
const stop = async (signal) => {
  if (stopping) return;
  stopping = true;
  console.log(`\ndemo: ${signal}: stopping VS Code…`);
  await server.stop();
  console.log('demo: stopped');
  process.exit(0);
};
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
try {
  await waitForHttp(`http://127.0.0.1:${port}/healthz`, 60_000, server);
} catch (e) {
  console.error(`demo: VS Code did not start (${e.message}); log: ${join(home, 'code-server.log')}`);
  await server.stop();
  process.exit(1);
}
console.log(`\nLambda Guard demo: VS Code ${'1.100.3'} with ${folder} open\n\n    http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}\n\nOpen the URL in a browser; Ctrl+C stops the demo.`);
server.exitPromise.then(({ code, signal }) => {
  if (!stopping) {
    console.error(`demo: VS Code exited (${signal ?? code}); log: ${join(home, 'code-server.log')}`);
    process.exit(1);
  }
});
