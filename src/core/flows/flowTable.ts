/**
 * The aggregation table behind every flow path: an open-addressing hash table keyed by eight integers
 * (interned interface and addresses, service port, protocol and side flags, hour), with totals in a
 * Float64Array (exact integers up to 2^53). Entries are dense and never removed, so memory follows the
 * number of distinct flows.
 */
import { INTERNED } from './addressCodes';
import { grow, slotsFor } from './byteInterner';

/** Key slots per entry. */
export const K_IFACE = 0;
export const K_SRC = 1;
export const K_DST = 2;
export const K_PKT_SRC = 3;
export const K_PKT_DST = 4;
export const K_PORT = 5;
/** protocol | serviceSide << 8 | localSide << 10 | interned-address bits << 12 */
export const K_FLAGS = 6;
export const K_HOUR = 7;
const KW = 8;

export const V_BYTES = 0;
export const V_PACKETS = 1;
export const V_ACCEPTED = 2;
export const V_REJECTED = 3;
export const V_FIRST = 4;
export const V_LAST = 5;
const VW = 6;

export class FlowTable {
  keys: Int32Array = new Int32Array(KW * 1024);
  vals: Float64Array = new Float64Array(VW * 1024);
  size = 0;
  private hashes: Int32Array = new Int32Array(1024);
  private slots: Int32Array = new Int32Array(2048);
  private mask = 2047;

  /** Adds one record (or a pre-aggregated group of records) to its entry. */
  add(
    iface: number,
    src: number,
    dst: number,
    pktSrc: number,
    pktDst: number,
    port: number,
    flags: number,
    hour: number,
    bytes: number,
    packets: number,
    accepted: number,
    rejected: number,
    first: number,
    last: number,
  ): void {
    const h = hash8(iface, src, dst, pktSrc, pktDst, port, flags, hour);
    const keys = this.keys;
    let slot = h & this.mask;
    let e: number;
    for (;;) {
      const v = this.slots[slot];
      if (v === 0) {
        e = this.insert(slot, h, iface, src, dst, pktSrc, pktDst, port, flags, hour, first, last);
        break;
      }
      const k = (v - 1) * KW;
      if (
        keys[k] === iface &&
        keys[k + 1] === src &&
        keys[k + 2] === dst &&
        keys[k + 5] === port &&
        keys[k + 6] === flags &&
        keys[k + 7] === hour &&
        keys[k + 3] === pktSrc &&
        keys[k + 4] === pktDst
      ) {
        e = v - 1;
        break;
      }
      slot = (slot + 1) & this.mask;
    }
    const o = e * VW;
    const vals = this.vals;
    vals[o] += bytes;
    vals[o + 1] += packets;
    vals[o + 2] += accepted;
    vals[o + 3] += rejected;
    if (first < vals[o + 4]) vals[o + 4] = first;
    if (last > vals[o + 5]) vals[o + 5] = last;
  }

  key(e: number, slot: number): number {
    return this.keys[e * KW + slot];
  }

  val(e: number, slot: number): number {
    return this.vals[e * VW + slot];
  }

  private insert(
    slot: number,
    h: number,
    iface: number,
    src: number,
    dst: number,
    pktSrc: number,
    pktDst: number,
    port: number,
    flags: number,
    hour: number,
    first: number,
    last: number,
  ): number {
    const e = this.size++;
    if (e * KW === this.keys.length) {
      this.keys = grow(this.keys);
      this.vals = grow(this.vals);
      this.hashes = grow(this.hashes);
    }
    this.hashes[e] = h;
    const k = e * KW;
    this.keys.set([iface, src, dst, pktSrc, pktDst, port, flags, hour], k);
    this.vals.set([0, 0, 0, 0, first, last], e * VW);
    this.slots[slot] = e + 1;
    if (this.size * 2 > this.slots.length) this.rehash();
    return e;
  }

  private rehash(): void {
    this.slots = slotsFor(this.hashes, this.size, this.slots.length * 2);
    this.mask = this.slots.length - 1;
  }
}

function hash8(a: number, b: number, c: number, d: number, e: number, f: number, g: number, k: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b);
  h = Math.imul(h ^ b, 0xc2b2ae35) ^ (h >>> 15);
  h = Math.imul(h ^ c, 0x85ebca6b) ^ (h >>> 13);
  h = Math.imul(h ^ d, 0xc2b2ae35) ^ (h >>> 16);
  h = Math.imul(h ^ e, 0x85ebca6b) ^ (h >>> 15);
  h = Math.imul(h ^ f, 0xc2b2ae35) ^ (h >>> 13);
  h = Math.imul(h ^ g, 0x85ebca6b) ^ (h >>> 16);
  h = Math.imul(h ^ k, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** Flag bits (12–15) marking which of the four addresses are interned text rather than IPv4 values. */
export function internedBits(src: number, dst: number, pktSrc: number, pktDst: number): number {
  return (src >= INTERNED ? 1 << 12 : 0) | (dst >= INTERNED ? 1 << 13 : 0) | (pktSrc >= INTERNED ? 1 << 14 : 0) | (pktDst >= INTERNED ? 1 << 15 : 0);
}

const INTERNED_BIT: Record<number, number> = { [K_SRC]: 1 << 12, [K_DST]: 1 << 13, [K_PKT_SRC]: 1 << 14, [K_PKT_DST]: 1 << 15 };

/** The address code stored in key slot `slot` of entry `e`. */
export function addressOf(t: FlowTable, e: number, slot: number): number {
  const k = t.key(e, slot);
  return t.key(e, K_FLAGS) & INTERNED_BIT[slot] ? INTERNED + k : k >>> 0;
}
