// Helpers shared by the extension-host runner, the UI end-to-end tests and the demo: locate the
// code-server install made by scripts/setup-vscode.sh, start a VS Code server on a free loopback
// port, wait until it answers, launch headless Debian Chromium, and stop everything cleanly.
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const codeServerDir = process.env.CODE_SERVER_DIR ?? join(repoRoot, '.cache/code-server/node_modules/code-server');
export const serverMain = join(codeServerDir, 'lib/vscode/out/server-main.js');
export const codeServerBin = join(codeServerDir, 'out/node/entry.js');
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function assertInstalled() {
  if (!existsSync(serverMain)) {
    throw new Error(`VS Code server not found at ${serverMain}: run scripts/setup-vscode.sh`);
  }
  if (!existsSync(chromiumPath)) {
    throw new Error(`Chromium not found at ${chromiumPath}: run scripts/setup-system.sh`);
  }
}

/** A free TCP port on 127.0.0.1 (the OS picks it; released before the server binds it). */
export function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => res(port));
    });
  });
}

/**
 * Starts a server process in its own process group (so the extension host it forks is stopped with
 * it), logging to `logFile`. Returns a handle with `stop()`.
 */
export function startProcess(args, { env = {}, logFile, cwd = repoRoot } = {}) {
  const child = spawn(process.execPath, args, {
    cwd,
    env: { ...process.env, ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (logFile) {
    const log = createWriteStream(logFile);
    child.stdout.pipe(log);
    child.stderr.pipe(log);
  } else {
    child.stdout.resume();
    child.stderr.resume();
  }
  let exited = false;
  const exitPromise = new Promise((res) => child.on('exit', (code, signal) => { exited = true; res({ code, signal }); }));
  return {
    child,
    exited: () => exited,
    exitPromise,
    async stop() {
      if (exited) return;
      try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
      const timer = setTimeout(() => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } }, 5000);
      await exitPromise;
      clearTimeout(timer);
      // The extension host may outlive its parent for a moment: make sure the group is gone.
      try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ }
    },
  };
}

/** Polls `url` until it answers (any HTTP status) or `timeoutMs` passes. */
export async function waitForHttp(url, timeoutMs, proc) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (proc?.exited()) throw new Error(`server exited before answering ${url}`);
    try {
      const r = await fetch(url, { redirect: 'manual' });
      await r.arrayBuffer();
      return;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server did not answer ${url} within ${timeoutMs} ms`);
}

/** Starts the plain VS Code server (server-main.js) that code-server contains. */
export function startVscodeServer({ port, serverDataDir, userDataDir, extensionsDir, folder, env, logFile }) {
  return startProcess(
    [
      serverMain,
      '--host', '127.0.0.1',
      '--port', String(port),
      '--without-connection-token',
      '--accept-server-license-terms',
      '--disable-telemetry',
      '--server-data-dir', serverDataDir,
      '--user-data-dir', userDataDir,
      '--extensions-dir', extensionsDir,
      '--default-folder', folder,
    ],
    { env, logFile },
  );
}

/** Starts the code-server wrapper (the product a user runs), without auth, on 127.0.0.1. */
export function startCodeServer({ port, userDataDir, extensionsDir, folder, env, logFile, trust = false }) {
  return startProcess(
    [
      codeServerBin,
      '--auth', 'none',
      '--bind-addr', `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      ...(trust ? [] : ['--disable-workspace-trust']),
      '--extensions-dir', extensionsDir,
      '--user-data-dir', userDataDir,
      folder,
    ],
    { env, logFile },
  );
}

/** Runs `code-server --install-extension <vsix>` into `extensionsDir`. */
export function installVsix(vsix, { extensionsDir, userDataDir }) {
  return new Promise((res, rej) => {
    const child = spawn(
      process.execPath,
      [codeServerBin, '--install-extension', vsix, '--force', '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('exit', (code) => (code === 0 ? res(out) : rej(new Error(`install-extension failed (${code}):\n${out}`))));
  });
}

export async function launchChromium() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
}
