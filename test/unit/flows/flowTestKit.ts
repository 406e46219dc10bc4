// Shared helpers for the flow tests: fixtures, and aggregating text fed in chosen chunk sizes.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { FlowAggregate, FlowAggregator, FlowAggregatorOptions } from '../../../src/core/flows/flowAggregator';
import { aggregateFlowStream, FlowSourceOptions } from '../../../src/core/flows/flowSource';
import type { FlowSummary } from '../../../src/core/inventory/telemetryModel';

export const FIXTURES = path.resolve(__dirname, '../../fixtures/flows');

export function fixture(name: string): Buffer {
  return readFileSync(path.join(FIXTURES, name));
}

/** Splits `buf` into chunks of the given sizes (cycled), as a stream would deliver it. */
export function chunked(buf: Buffer, sizes: number[]): Buffer[] {
  const out: Buffer[] = [];
  for (let i = 0, k = 0; i < buf.length; k++) {
    const n = Math.max(1, sizes[k % sizes.length]);
    out.push(buf.subarray(i, i + n));
    i += n;
  }
  return out;
}

export async function aggregate(input: Buffer | string | Buffer[], options: FlowAggregatorOptions & FlowSourceOptions = {}): Promise<FlowAggregate> {
  const agg = new FlowAggregator(options);
  const chunks = Array.isArray(input) ? input : [Buffer.from(input)];
  await aggregateFlowStream(Readable.from(chunks), agg, options);
  return agg.result();
}

/** The flow with this interface, peer and port (asserted unique by the caller's expectations). */
export function flow(r: FlowAggregate, interfaceId: string, peer: string, port: number): FlowSummary | undefined {
  return r.flows.find((f) => f.interfaceId === interfaceId && f.peer === peer && f.port === port);
}
