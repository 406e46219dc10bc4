/**
 * GetQueryResults rows (arrays of `{ field, value }`) of the queries in insightsQuery.ts, turned into
 * flow groups and gaps on a FlowAggregator — the same one the other readers use, so the local side and
 * direction are decided the same way whatever the engine.
 */
import type { FlowAggregator } from './flowAggregator';
import { interfaceOfStream } from './flowLogEvents';
import type { FlowQuery } from './insightsQuery';

/** One GetQueryResults row, as the SDK returns it. */
export type InsightsRow = readonly { field?: string; value?: string }[];

export interface InsightsRowsSummary {
  rows: number;
  /** Rows that could not be read (counted as malformed on the aggregator). */
  unreadable: number;
  /** As many rows as the limit: some groups may be missing — split the time range or the interfaces. */
  truncated: boolean;
}

function toMap(row: InsightsRow): Map<string, string> {
  const m = new Map<string, string>();
  for (const c of row) if (c.field !== undefined && c.value !== undefined) m.set(c.field, c.value);
  return m;
}

function count(s: string | undefined): number | undefined {
  if (s === undefined || !/^\d+(\.0+)?$/.test(s)) return undefined;
  return Number(s.split('.')[0]);
}

/** The service port and side encoded in a `svc` value (insightsQuery.ts). */
export function decodeServiceKey(svc: number): { port: number; side: 'src' | 'dst' | 'unknown' } {
  const b = svc % 3;
  const port = Math.floor(svc / 3) % 65536;
  return { port, side: b === 1 ? 'src' : b === 0 ? 'dst' : 'unknown' };
}

export function insightsRowsTruncated(rows: readonly InsightsRow[], query: FlowQuery): boolean {
  return rows.length >= query.limit;
}

const NUMERIC = ['protocol', 'sumBytes', 'sumPackets', 'records', 'firstStart', 'lastEnd'];

/** Adds the rows of a flowStatsQuery to `agg`. Rows missing a field or holding non-numbers are counted as malformed. */
export function addInsightsFlowRows(agg: FlowAggregator, rows: readonly InsightsRow[], query: FlowQuery): InsightsRowsSummary {
  let unreadable = 0;
  rows.forEach((row, i) => {
    const m = toMap(row);
    const interfaceId = m.get('interfaceId') ?? interfaceOfStream(m.get('@logStream'));
    const srcAddr = m.get('srcAddr');
    const dstAddr = m.get('dstAddr');
    const svc = count(m.get('svc'));
    const action = m.get('action');
    const [protocol, bytes, packets, records, first, last] = NUMERIC.map((f) => count(m.get(f)));
    const wrong = [
      ...(interfaceId ? [] : ['interfaceId']),
      ...(srcAddr ? [] : ['srcAddr']),
      ...(dstAddr ? [] : ['dstAddr']),
      ...(action === 'ACCEPT' || action === 'REJECT' ? [] : ['action']),
      ...NUMERIC.filter((f) => count(m.get(f)) === undefined),
      ...(protocol !== undefined && protocol > 255 ? ['protocol'] : []),
    ];
    if (wrong.length || !interfaceId || !srcAddr || !dstAddr) {
      unreadable++;
      agg.addMalformed(i + 1, `Logs Insights row lacks or garbles ${wrong.join(', ')}`, 'insights');
      return;
    }
    const { port, side } = svc === undefined ? { port: 0, side: 'unknown' as const } : decodeServiceKey(svc);
    const dir = m.get('flowDirection');
    const pktSrcAddr = m.get('pktSrcaddr');
    const pktDstAddr = m.get('pktDstaddr');
    const usable = (a: string | undefined): string | undefined => (a && a !== '-' ? a : undefined);
    const ps = usable(pktSrcAddr) ?? srcAddr;
    const pd = usable(pktDstAddr) ?? dstAddr;
    const localSide = dir === 'egress' ? 'src' : dir === 'ingress' ? 'dst' : ps !== srcAddr && pd === dstAddr ? 'src' : pd !== dstAddr && ps === srcAddr ? 'dst' : undefined;
    agg.addGroup({
      interfaceId,
      srcAddr,
      dstAddr,
      pktSrcAddr: ps,
      pktDstAddr: pd,
      port,
      side,
      localSide,
      protocol: protocol as number,
      bytes: bytes as number,
      packets: packets as number,
      accepted: action === 'ACCEPT' ? (records as number) : 0,
      rejected: action === 'REJECT' ? (records as number) : 0,
      first: first as number,
      last: last as number,
    });
  });
  return { rows: rows.length, unreadable, truncated: insightsRowsTruncated(rows, query) };
}

/** Adds the rows of a flowGapsQuery (NODATA / SKIPDATA counts per interface) to `agg`. */
export function addInsightsGapRows(agg: FlowAggregator, rows: readonly InsightsRow[]): void {
  rows.forEach((row, i) => {
    const m = toMap(row);
    const interfaceId = m.get('interfaceId') ?? interfaceOfStream(m.get('@logStream'));
    const n = count(m.get('records'));
    const status = m.get('logStatus');
    if (!interfaceId || n === undefined || (status !== 'NODATA' && status !== 'SKIPDATA')) {
      agg.addMalformed(i + 1, 'Logs Insights gap row lacks interfaceId, logStatus or records', 'insights');
      return;
    }
    agg.addGap(agg.strings.internString(interfaceId), status === 'NODATA' ? 'nodata' : 'skipdata', n);
  });
}
