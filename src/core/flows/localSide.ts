/**
 * Which side of a record is the interface itself. A record on an interface is either its traffic out
 * (srcaddr = the interface) or in (dstaddr = the interface); the default format does not say which.
 * Evidence, strongest first:
 * 1. the record: `flow-direction` (egress: the source is local), or a `pkt-srcaddr`/`pkt-dstaddr`
 *    that differs from `srcaddr`/`dstaddr` (that side's address is the interface standing in for the
 *    packet's original address);
 * 2. the interface's own private IPs, when the caller knows them (DescribeNetworkInterfaces);
 * 3. the one address present in every flow group of the interface in this data (with one peer, both
 *    are: no answer);
 * 4. a private address facing a public one: flow logs show the interface's private IP, so the private
 *    side is local;
 * 5. the ports: the interface is taken to be the client (Lambda ENIs only carry connections the
 *    function opens), so the side that is not the service is local.
 */
import { isPublicAddress } from './ipAddress';
import { addressOf, FlowTable, K_DST, K_IFACE, K_SRC } from './flowTable';
import { SIDE_DST, SIDE_SRC, SIDE_UNKNOWN } from './servicePorts';

/** Per interface id (interned): the address code found in every one of its flow groups, when exactly one is. */
export function inferLocalAddresses(t: FlowTable): Map<number, number> {
  const perIface = new Map<number, { groups: number; counts: Map<number, number> }>();
  for (let e = 0; e < t.size; e++) {
    const iface = t.key(e, K_IFACE);
    let p = perIface.get(iface);
    if (!p) perIface.set(iface, (p = { groups: 0, counts: new Map() }));
    p.groups++;
    const src = addressOf(t, e, K_SRC);
    const dst = addressOf(t, e, K_DST);
    p.counts.set(src, (p.counts.get(src) ?? 0) + 1);
    if (dst !== src) p.counts.set(dst, (p.counts.get(dst) ?? 0) + 1);
  }
  const out = new Map<number, number>();
  for (const [iface, p] of perIface) {
    const everywhere = [...p.counts].filter(([, n]) => n === p.groups).map(([a]) => a);
    if (everywhere.length === 1) out.set(iface, everywhere[0]);
  }
  return out;
}

export interface LocalSideEvidence {
  /** What the record said (SIDE_SRC, SIDE_DST or SIDE_UNKNOWN). */
  hint: number;
  /** The service side of the group. */
  side: number;
  /** The interface's own IPs, when known. */
  known?: ReadonlySet<string>;
  /** The address code present in all of the interface's groups. */
  inferred?: number;
  /** Address codes. */
  src: number;
  dst: number;
  text: (code: number) => string;
}

/** SIDE_SRC or SIDE_DST: the side that is the interface. */
export function decideLocalSide(ev: LocalSideEvidence): number {
  if (ev.hint !== SIDE_UNKNOWN) return ev.hint;
  const s = ev.text(ev.src);
  const d = ev.text(ev.dst);
  if (ev.known) {
    const ks = ev.known.has(s);
    if (ks !== ev.known.has(d)) return ks ? SIDE_SRC : SIDE_DST;
  }
  if (ev.inferred !== undefined && ev.src !== ev.dst) {
    if (ev.inferred === ev.src) return SIDE_SRC;
    if (ev.inferred === ev.dst) return SIDE_DST;
  }
  const ps = isPublicAddress(s);
  if (ps !== isPublicAddress(d)) return ps ? SIDE_DST : SIDE_SRC;
  if (ev.side === SIDE_SRC) return SIDE_DST;
  return SIDE_SRC;
}
