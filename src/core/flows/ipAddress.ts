/** IPv4 / IPv6 address helpers for peer resolution: parsing, CIDR membership, private vs public. */

export interface ParsedAddress {
  family: 4 | 6;
  /** The address as an unsigned integer (32 or 128 bits). */
  value: bigint;
}

function parseIpv4(s: string): bigint | undefined {
  const parts = s.split('.');
  if (parts.length !== 4) return undefined;
  let v = 0n;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || Number(p) > 255) return undefined;
    v = (v << 8n) | BigInt(Number(p));
  }
  return v;
}

function parseIpv6(s: string): bigint | undefined {
  if (!/^[0-9a-fA-F:.]+$/.test(s) || (s.match(/::/g) ?? []).length > 1) return undefined;
  let groups: string[];
  const [head, tail] = s.split('::');
  const h = head ? head.split(':') : [];
  const t = tail !== undefined && tail !== '' ? tail.split(':') : [];
  // An embedded IPv4 tail (::ffff:10.0.0.1) counts as two groups.
  const expand = (g: string[]): string[] | undefined => {
    const last = g[g.length - 1];
    if (last === undefined || !last.includes('.')) return g;
    const v4 = parseIpv4(last);
    if (v4 === undefined) return undefined;
    return [...g.slice(0, -1), (v4 >> 16n).toString(16), (v4 & 0xffffn).toString(16)];
  };
  const he = expand(h);
  const te = expand(t);
  if (!he || !te) return undefined;
  if (tail === undefined) groups = he;
  else {
    const fill = 8 - he.length - te.length;
    if (fill < 1) return undefined;
    groups = [...he, ...Array<string>(fill).fill('0'), ...te];
  }
  if (groups.length !== 8) return undefined;
  let v = 0n;
  for (const g of groups) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return undefined;
    v = (v << 16n) | BigInt(parseInt(g, 16));
  }
  return v;
}

export function parseAddress(s: string): ParsedAddress | undefined {
  const v4 = parseIpv4(s);
  if (v4 !== undefined) return { family: 4, value: v4 };
  const v6 = s.includes(':') ? parseIpv6(s) : undefined;
  return v6 === undefined ? undefined : { family: 6, value: v6 };
}

export interface Cidr {
  family: 4 | 6;
  base: bigint;
  bits: number;
}

export function parseCidr(s: string): Cidr | undefined {
  const [addr, len] = s.split('/');
  const a = parseAddress(addr);
  if (!a) return undefined;
  const width = a.family === 4 ? 32 : 128;
  const bits = len === undefined ? width : Number(len);
  if (!Number.isInteger(bits) || bits < 0 || bits > width) return undefined;
  const shift = BigInt(width - bits);
  return { family: a.family, base: (a.value >> shift) << shift, bits };
}

export function cidrContains(c: Cidr, a: ParsedAddress): boolean {
  if (c.family !== a.family) return false;
  const shift = BigInt((a.family === 4 ? 32 : 128) - c.bits);
  return (a.value >> shift) << shift === c.base;
}

/**
 * Ranges that never route on the internet: RFC 1918, shared (100.64/10), loopback, link-local, "this network",
 * benchmarking (198.18/15), multicast and reserved (224/3), ULA, IPv6 multicast. Documentation ranges
 * (192.0.2/24, 198.51.100/24, 203.0.113/24) count as public: they stand for public hosts in examples and tests.
 */
const NON_PUBLIC = [
  '10.0.0.0/8',
  '172.16.0.0/12',
  '192.168.0.0/16',
  '100.64.0.0/10',
  '127.0.0.0/8',
  '169.254.0.0/16',
  '0.0.0.0/8',
  '198.18.0.0/15',
  '224.0.0.0/3',
  '::/128',
  '::1/128',
  'fc00::/7',
  'fe80::/10',
  'ff00::/8',
].map((c) => parseCidr(c) as Cidr);

/** True for addresses reachable on the internet; false for private, loopback, link-local, or unparsable text. */
export function isPublicAddress(s: string): boolean {
  const a = parseAddress(s);
  return !!a && !NON_PUBLIC.some((c) => cidrContains(c, a));
}
