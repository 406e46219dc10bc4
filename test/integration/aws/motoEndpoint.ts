/**
 * The moto server the AWS tests talk to: scripts/test-aws.sh starts it and passes its URL in
 * LG_MOTO_ENDPOINT. Seeding uses plain SDK clients (writes!), never the product's read-only clients.
 */
import * as http from 'node:http';

export function motoEndpoint(): string {
  const url = process.env.LG_MOTO_ENDPOINT;
  if (!url) throw new Error('LG_MOTO_ENDPOINT is not set: run the AWS tests with `bash scripts/test-aws.sh` (it starts moto server).');
  return url;
}

export const ACCOUNT_ID = '123456789012';
export const OTHER_ACCOUNT_ID = '111122223333';
export const TEST_CREDENTIALS = { accessKeyId: 'testing', secretAccessKey: 'testing' };

/** Config for a seeding SDK client. */
export function seedConfig(region: string): { endpoint: string; region: string; credentials: typeof TEST_CREDENTIALS } {
  return { endpoint: motoEndpoint(), region, credentials: TEST_CREDENTIALS };
}

/** A request without keep-alive (`agent: false`), so no idle socket keeps the test process alive. */
export function rawRequest(url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: init.method ?? 'GET', headers: init.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

/** Clears every account and region (moto's own API). */
export async function resetMoto(): Promise<void> {
  const res = await rawRequest(`${motoEndpoint()}/moto-api/reset`, { method: 'POST' });
  if (res.status !== 200) throw new Error(`moto reset failed: HTTP ${res.status}`);
}
