/** A moto server for the AWS benchmarks: installed (pinned) by scripts/setup-moto.sh, on a free loopback port. */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import * as net from 'node:net';
import { rawRequest } from '../../test/integration/aws/motoEndpoint';

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

export async function startMoto(): Promise<{ endpoint: string; proc: ChildProcess }> {
  execFileSync('bash', ['scripts/setup-moto.sh'], { stdio: 'inherit' });
  execFileSync('node', ['scripts/extract-managed-policies.mjs'], { stdio: 'ignore' });
  const port = await freePort();
  const proc = spawn('.venv-moto/bin/moto_server', ['-H', '127.0.0.1', '-p', String(port)], { env: { ...process.env, MOTO_IAM_LOAD_MANAGED_POLICIES: 'true' }, stdio: 'ignore' });
  const endpoint = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 150; i++) {
    if (await rawRequest(`${endpoint}/moto-api/`).then((r) => r.status === 200, () => false)) return { endpoint, proc };
    await new Promise((r) => setTimeout(r, 200));
  }
  proc.kill();
  throw new Error('moto server did not start');
}
