/** Shared set-up of the over-the-wire tests: a seeded moto behind the fault proxy, and a source aimed at it. */
import { createAwsSource } from '../../../src/core/inventory/aws/loadAws';
import type { AwsConnection, AwsSourceOptions } from '../../../src/core/inventory/aws/connection';
import type { AccountSource } from '../../../src/core/inventory/accountSource';
import type { AwsCall } from '../../../src/core/inventory/aws/readOnly';
import { FaultProxy } from './faultProxy';
import { motoEndpoint, resetMoto, TEST_CREDENTIALS } from './motoEndpoint';
import { seedAccount, type SeededIds } from './seedAccount';
import { REGION, WEST } from './seedData';

export interface Harness {
  proxy: FaultProxy;
  url: string;
  ids: SeededIds;
  /** Every call the product's clients reported (onCall), for sources made by `source`. */
  calls: AwsCall[];
  source(conn?: Partial<AwsConnection>, options?: AwsSourceOptions): AccountSource;
  stop(): Promise<void>;
}

/** Resets moto, seeds the account and starts a proxy in front of it. */
export async function startHarness(): Promise<Harness> {
  await resetMoto();
  const ids = await seedAccount();
  const proxy = new FaultProxy(motoEndpoint());
  const url = await proxy.start();
  const calls: AwsCall[] = [];
  return {
    proxy,
    url,
    ids,
    calls,
    // The tests check the calls AWS itself would receive: metrics in one span per batch (the 1-hour spans a
    // custom endpoint gets by default are tested on their own, in telemetry.test.ts).
    source: (conn = {}, options: AwsSourceOptions = {}) =>
      createAwsSource(
        { endpoint: url, regions: [REGION, WEST], credentials: async () => TEST_CREDENTIALS, onCall: (c) => calls.push(c), ...conn },
        { ...options, telemetry: { metricSpanHours: 0, ...options.telemetry } },
      ),
    stop: () => proxy.stop(),
  };
}

export function countCalls(calls: readonly AwsCall[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of calls) out[`${c.service}:${c.operation}`] = (out[`${c.service}:${c.operation}`] ?? 0) + 1;
  return out;
}
