#!/usr/bin/env node
// `npm run demo`: builds and packages the extension, installs the fresh .vsix into a real VS Code
// (code-server) in .cache/demo/, serves a workspace with the examples and prints the URL. Ctrl+C stops it.
//   node scripts/demo.mjs [--port 8737] [--keep] [--in-place] [--no-build]
//   LG_DEMO_PORT=9000 npm run demo
// The port is the same every time (8737 unless --port or LG_DEMO_PORT says otherwise), so a browser tab
// or bookmark keeps working across restarts.
//   (default)   a fresh copy of examples/ in .cache/demo/examples: edits are discarded at the next start
//   --keep      reuse that copy if it exists: edits survive restarts
//   --in-place  open examples/ itself: quick fixes edit the repository's files
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { installVsix, repoRoot, startCodeServer, waitForHttp } from '../test/integration/vscode/serverHarness.mjs';
import { packageVsix, vsixPath } from './package.mjs';

const DEFAULT_PORT = 8737;

const { values: opts } = parseArgs({
  options: {
    port: { type: 'string' },
    keep: { type: 'boolean', default: false },
    'in-place': { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
  },
});

const t0 = Date.now();
const say = (msg) => console.log(`demo [${Math.round((Date.now() - t0) / 1000)}s]: ${msg}`);
const run = (cmd, args) => execFileSync(cmd, args, { cwd: repoRoot, stdio: 'inherit' });

const port = Number(opts.port ?? process.env.LG_DEMO_PORT ?? DEFAULT_PORT);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`demo: the port must be a number from 1 to 65535, not "${opts.port ?? process.env.LG_DEMO_PORT}"`);
  process.exit(2);
}

/** Checked first, so a busy port is reported before minutes of set-up, with what to do about it. */
async function assertPortFree(p) {
  await new Promise((res, rej) => {
    const srv = createServer();
    srv.once('error', rej);
    srv.listen(p, '127.0.0.1', () => srv.close(res));
  }).catch((e) => {
    console.error(`demo: port ${p} is in use (${e.code}): is a demo already running? Stop it, or pick another port: npm run demo -- --port 9000 (or LG_DEMO_PORT=9000)`);
    process.exit(2);
  });
}
await assertPortFree(port);

// The long first-time steps say what they are doing; a second start skips them in seconds.
if (process.getuid?.() === 0) {
  say('1/4 system packages (Chromium, Kerberos headers, ripgrep): apt-get on the first run only');
  run('bash', ['scripts/setup-system.sh']);
}
say('2/4 VS Code (the code-server npm package): about 1.5 minutes on the first run only');
run('bash', ['scripts/setup-vscode.sh']);
let vsix;
if (opts['no-build'] && existsSync(vsixPath())) {
  vsix = vsixPath();
  say(`3/4 using the existing ${relative(repoRoot, vsix)} (--no-build)`);
} else {
  say('3/4 building and packaging the extension (production bundle, .vsix)');
  vsix = packageVsix();
}

const home = join(repoRoot, '.cache/demo');
const userData = join(home, 'user-data');
const extensions = join(home, 'extensions');
mkdirSync(join(userData, 'User'), { recursive: true });
writeFileSync(
  join(userData, 'User/settings.json'),
  JSON.stringify({ 'workbench.startupEditor': 'none', 'telemetry.telemetryLevel': 'off', 'security.workspace.trust.enabled': false }, null, 2),
);

let folder;
let persistence;
if (opts['in-place']) {
  folder = join(repoRoot, 'examples');
  persistence = 'this is the repository\'s examples/ folder itself: edits and quick fixes change the repository';
} else {
  folder = join(home, 'examples');
  const reuse = opts.keep && existsSync(folder);
  if (!reuse) {
    rmSync(folder, { recursive: true, force: true });
    cpSync(join(repoRoot, 'examples'), folder, { recursive: true, filter: (src) => !src.includes('node_modules') });
  }
  persistence = opts.keep
    ? `a copy of examples/${reuse ? ' kept from the last run' : ''}: edits survive restarts while you pass --keep`
    : 'a fresh copy of examples/, made at every start: edits are discarded when the demo restarts (--keep keeps them, --in-place edits examples/ itself)';
}
say(`4/4 installing ${relative(repoRoot, vsix)} and starting VS Code`);
await installVsix(vsix, { extensionsDir: extensions, userDataDir: userData });

const logFile = join(home, 'code-server.log');
const server = startCodeServer({ port, userDataDir: userData, extensionsDir: extensions, folder, logFile });
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
  console.error(`demo: VS Code did not start (${e.message}); log: ${logFile}`);
  await server.stop();
  process.exit(1);
}
console.log(`
Lambda Guard demo: VS Code 1.100.3 in your browser, ready in ${Math.round((Date.now() - t0) / 1000)}s

    http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}

Workspace: ${folder}
           ${persistence}
Port:      ${port} (the same at every start; --port N or LG_DEMO_PORT=N to change it)
Log:       ${logFile}

Ctrl+C stops the demo.`);
server.exitPromise.then(({ code, signal }) => {
  if (!stopping) {
    console.error(`demo: VS Code exited (${signal ?? code}); log: ${logFile}`);
    process.exit(1);
  }
});
