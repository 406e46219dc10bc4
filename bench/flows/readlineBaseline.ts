/**
 * The straightforward way to aggregate flow logs — readline, `split(' ')`, a Map keyed by a joined
 * string — with the same rules as the fast scanner (src/core/flows/flowLineScanner.ts). It is the
 * benchmark's baseline and, in test/unit/flows/equivalence.test.ts, the independent reference the
 * fast parser is checked against on random input. Only the final step (local side, direction) is
 * shared: its groups go through FlowAggregator.addGroup.
 */
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { FlowAggregate, FlowAggregator, FlowAggregatorOptions, FlowGroupInput } from '../../src/core/flows/flowAggregator';
import { DEFAULT_FIELDS, FlowLayout, isHeaderWord, layoutFromHeader, missingFlowFields } from '../../src/core/flows/flowLayout';
import { serviceSide, servicePortOf } from '../../src/core/flows/servicePorts';

function num(s: string): number {
  if (s === '-') return -1;
  if (s.length === 0 || s.length > 15) return -2;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return -2;
  }
  return Number(s);
}

const SIDES = ['unknown', 'src', 'dst'] as const;

/** Field positions of a layout, looked up once per layout (-1 when absent). */
function positionsOf(fields: string[]): Record<string, number> {
  const p: Record<string, number> = {};
  for (const f of ['interface-id', 'srcaddr', 'dstaddr', 'srcport', 'dstport', 'protocol', 'packets', 'bytes', 'start', 'end', 'action', 'log-status', 'pkt-srcaddr', 'pkt-dstaddr', 'flow-direction', 'tcp-flags']) {
    p[f] = fields.indexOf(f);
  }
  return p;
}

export async function readlineAggregate(input: Readable, options: FlowAggregatorOptions & { layout?: FlowLayout; interfaceId?: string } = {}): Promise<FlowAggregate> {
  const agg = new FlowAggregator(options);
  const hourly = options.hourly ?? true;
  let fields = [...(options.layout?.fields ?? DEFAULT_FIELDS)];
  let problem = missingFlowFields({ fields, origin: 'default' }).length > 0;
  let p = positionsOf(fields);
  const groups = new Map<string, FlowGroupInput>();
  let lineNo = 0;
  const bad = (): void => agg.addMalformed(lineNo, 'malformed');
  for await (const raw of createInterface({ input, crlfDelay: Infinity })) {
    lineNo++;
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line === '') continue;
    const t = line.split(' ');
    if (/^[a-z-]+$/.test(t[0]) && isHeaderWord(t[0])) {
      try {
        fields = [...layoutFromHeader(line).fields];
        problem = missingFlowFields({ fields, origin: 'header' }).length > 0;
        p = positionsOf(fields);
        agg.skipped.header++;
      } catch {
        bad();
      }
      continue;
    }
    if (t.length !== fields.length || problem) {
      bad();
      continue;
    }
    const opt = (f: string): string | undefined => (p[f] >= 0 ? t[p[f]] : undefined);
    const ifaceField = opt('interface-id');
    const iface = ifaceField === undefined || ifaceField === '-' ? options.interfaceId : ifaceField;
    const status = opt('log-status');
    if (status !== undefined && status !== 'OK') {
      if ((status === 'NODATA' || status === 'SKIPDATA') && iface !== undefined) agg.addGap(agg.strings.internString(iface), status === 'NODATA' ? 'nodata' : 'skipdata');
      else bad();
      continue;
    }
    const srcPort = num(t[p.srcport]);
    const dstPort = num(t[p.dstport]);
    const protocol = num(t[p.protocol]);
    const packets = num(t[p.packets]);
    const bytes = num(t[p.bytes]);
    const start = num(t[p.start]);
    const endField = opt('end');
    const end = endField === undefined ? -1 : num(endField);
    const flagsField = opt('tcp-flags');
    const flags = flagsField === undefined ? -1 : num(flagsField);
    const action = t[p.action];
    const src = t[p.srcaddr];
    const dst = t[p.dstaddr];
    if (
      srcPort < -1 || srcPort > 65535 || dstPort < -1 || dstPort > 65535 || protocol < 0 || protocol > 255 || packets < 0 || bytes < 0 ||
      start < 0 || start > 9999999999 || end < -1 || end > 9999999999 || flags < -1 || (action !== 'ACCEPT' && action !== 'REJECT') ||
      src === '-' || dst === '-' || iface === undefined
    ) {
      bad();
      continue;
    }
    const pktSrcField = opt('pkt-srcaddr');
    const pktDstField = opt('pkt-dstaddr');
    const pktSrc = pktSrcField === undefined || pktSrcField === '-' ? src : pktSrcField;
    const pktDst = pktDstField === undefined || pktDstField === '-' ? dst : pktDstField;
    const dir = opt('flow-direction');
    const localSide = dir === 'egress' ? 1 : dir === 'ingress' ? 2 : pktSrc !== src && pktDst === dst ? 1 : pktDst !== dst && pktSrc === src ? 2 : 0;
    const sp = Math.max(srcPort, 0);
    const dp = Math.max(dstPort, 0);
    const side = serviceSide(sp, dp, protocol, Math.max(flags, 0));
    const port = servicePortOf(side, sp, dp);
    const hour = hourly ? Math.floor(start / 3600) : 0;
    const last = end < 0 ? start : Math.max(end, start);
    const key = `${iface}|${src}|${dst}|${pktSrc}|${pktDst}|${port}|${side}|${localSide}|${protocol}|${hour}`;
    let g = groups.get(key);
    if (!g) {
      const sides = { side: SIDES[side], ...(localSide ? { localSide: SIDES[localSide] as 'src' | 'dst' } : {}) };
      g = { interfaceId: iface, srcAddr: src, dstAddr: dst, pktSrcAddr: pktSrc, pktDstAddr: pktDst, port, protocol, bytes: 0, packets: 0, accepted: 0, rejected: 0, first: start, last, ...sides };
      groups.set(key, g);
    }
    g.bytes += bytes;
    g.packets += packets;
    if (action === 'ACCEPT') g.accepted++;
    else g.rejected++;
    g.first = Math.min(g.first, start);
    g.last = Math.max(g.last, last);
  }
  for (const g of groups.values()) agg.addGroup(g);
  return agg.result();
}
