/**
 * Logs Insights queries that aggregate flow records in AWS's engine, so that only one row per flow
 * group (not one per record) reaches the laptop.
 *
 * Rows vs the result limit (10,000 by default): grouping by raw ports would give a row per client
 * port — ephemeral ports make nearly every connection its own row. So the query computes the service
 * port itself, with the same rank rule as the file path (servicePorts.ts: well-known < listed service
 * ports < other registered < ephemeral, then the lower port, equal ports undecided), written in
 * Insights arithmetic (least/floor/abs; Insights has no conditional function):
 *   svc = least(K(srcPort, 1), K(dstPort, 0)) + 2·[srcPort = dstPort],  K(p, b) = (rank(p)·65536 + p)·3 + b
 * so `svc % 3` says the side (1 source, 0 destination, 2 undecided) and `floor(svc / 3) % 65536` the
 * port. What it cannot do: use `tcp-flags` (the file path prefers a SYN's destination) — a difference
 * only for services on ports that rank worse than their clients'. Rows then number interfaces × peers
 * × service ports × protocols × actions × hours × 2 (each direction of a connection is its own row),
 * sorted by bytes so that a truncated answer loses the smallest groups; `insightsRowsTruncated` tells
 * the caller to split the time range or the interfaces and ask again.
 */
import { isDefaultLayout } from './fieldReaders';
import { FlowLayout, missingFlowFields } from './flowLayout';
import { EPHEMERAL_START, SERVICE_NAMES } from './servicePorts';

/** StartQuery's default (and, on older accounts, maximum) number of result rows. */
export const INSIGHTS_ROW_LIMIT = 10000;
/** StartQuery's longest queryString. */
export const MAX_QUERY_LENGTH = 10000;

/** Names Insights discovers for the default format; custom formats get the same names from a `parse`. */
const DISCOVERED: Record<string, string> = {
  version: 'version',
  'account-id': 'accountId',
  'interface-id': 'interfaceId',
  srcaddr: 'srcAddr',
  dstaddr: 'dstAddr',
  srcport: 'srcPort',
  dstport: 'dstPort',
  protocol: 'protocol',
  packets: 'packets',
  bytes: 'bytes',
  start: 'startTime',
  end: 'endTime',
  action: 'action',
  'log-status': 'logStatus',
};

/** The Insights field name of a flow-log field: `srcaddr` → srcAddr, `pkt-srcaddr` → pktSrcaddr. */
export function insightsFieldName(field: string): string {
  return DISCOVERED[field] ?? field.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

export interface FlowQueryOptions {
  /** Only these interfaces (validated `eni-…` ids). */
  interfaceIds?: readonly string[];
  /** Group by hour (default true). */
  hourly?: boolean;
  /** Rows asked for (default INSIGHTS_ROW_LIMIT). */
  limit?: number;
  /** Parse the fields from @message even for the default format (when discovery is not wanted). */
  parseFields?: boolean;
}

export interface FlowQuery {
  queryString: string;
  /** Pass as StartQuery's `limit`; a result with this many rows may have been cut. */
  limit: number;
  hourly: boolean;
}

/** Raised for layouts or interface ids a query cannot be built from. */
export class FlowQueryError extends Error {}

function commonClauses(layout: FlowLayout, opts: FlowQueryOptions): { head: string[]; iface: string } {
  const missing = missingFlowFields(layout);
  if (missing.length) throw new FlowQueryError(`the flow log's format lacks ${missing.join(', ')}`);
  const head: string[] = [];
  if (!isDefaultLayout(layout.fields) || opts.parseFields) {
    head.push(`parse @message "${layout.fields.map(() => '*').join(' ')}" as ${layout.fields.map(insightsFieldName).join(', ')}`);
  }
  const iface = layout.fields.includes('interface-id') ? 'interfaceId' : '@logStream';
  const ids = opts.interfaceIds ?? [];
  for (const id of ids) if (!/^eni-[0-9a-f]{1,32}$/.test(id)) throw new FlowQueryError(`"${id}" is not a network interface id`);
  if (ids.length) {
    head.push(iface === 'interfaceId' ? `filter interfaceId in [${ids.map((id) => `"${id}"`).join(', ')}]` : `filter @logStream like /^(${ids.join('|')})-/`);
  }
  return { head, iface };
}

/** The service ports above 1023 that rank before other registered ports (servicePorts.ts). */
export const LISTED_SERVICE_PORTS: readonly number[] = [...SERVICE_NAMES.keys()].filter((p) => p >= 1024 && p < EPHEMERAL_START);

function rankExpr(p: string): string {
  const listed = LISTED_SERVICE_PORTS.map((k) => `(1 - least(abs(${p} - ${k}), 1))`).join(' + ');
  return `(least(${p}, 1) * least(floor(${p} / 1024), 1) * (2 - (${listed}) + least(floor(${p} / ${EPHEMERAL_START}), 1)) + (1 - least(${p}, 1)) * 4)`;
}

/** The Insights expression for the service key (see the file comment), over fields named srcPort / dstPort. */
export function serviceKeyExpr(src = 'srcPort', dst = 'dstPort'): string {
  const key = (p: string, b: number): string => `(${rankExpr(p)} * 65536 + ${p}) * 3 + ${b}`;
  return `least(${key(src, 1)}, ${key(dst, 0)}) + 2 * (1 - least(abs(${src} - ${dst}), 1))`;
}

function checked(q: FlowQuery): FlowQuery {
  if (q.queryString.length > MAX_QUERY_LENGTH) {
    throw new FlowQueryError(`the query is ${q.queryString.length} characters, more than StartQuery takes (${MAX_QUERY_LENGTH}): ask for fewer interfaces at a time`);
  }
  return q;
}

/** A `stats` query for flow groups: one row per interface, addresses, service port, protocol, action (and hour). */
export function flowStatsQuery(layout: FlowLayout, opts: FlowQueryOptions = {}): FlowQuery {
  const { head, iface } = commonClauses(layout, opts);
  const hourly = opts.hourly ?? true;
  const limit = opts.limit ?? INSIGHTS_ROW_LIMIT;
  const has = (f: string): boolean => layout.fields.includes(f);
  const q = [...head];
  if (has('log-status')) q.push('filter logStatus = "OK"');
  q.push(`fields ${serviceKeyExpr()} as svc`);
  const by = [iface, 'srcAddr', 'dstAddr', ...['pkt-srcaddr', 'pkt-dstaddr', 'flow-direction'].filter(has).map(insightsFieldName), 'svc', 'protocol', 'action'];
  if (hourly) by.push('bin(1h) as hour');
  const last = has('end') ? 'max(endTime) as lastEnd' : 'max(startTime) as lastEnd';
  q.push(`stats sum(bytes) as sumBytes, sum(packets) as sumPackets, count(*) as records, min(startTime) as firstStart, ${last} by ${by.join(', ')}`);
  q.push('sort sumBytes desc');
  q.push(`limit ${limit}`);
  return checked({ queryString: q.join('\n| '), limit, hourly });
}

/** A `stats` query counting NODATA / SKIPDATA records per interface (empty when the format has no log-status). */
export function flowGapsQuery(layout: FlowLayout, opts: FlowQueryOptions = {}): FlowQuery | undefined {
  if (!layout.fields.includes('log-status')) return undefined;
  const { head, iface } = commonClauses(layout, opts);
  const q = [...head, 'filter logStatus = "NODATA" or logStatus = "SKIPDATA"', `stats count(*) as records by ${iface}, logStatus`];
  return checked({ queryString: q.join('\n| '), limit: opts.limit ?? INSIGHTS_ROW_LIMIT, hourly: false });
}
