/** Non-public IPv4 ranges: RFC 1918, shared (CGNAT), loopback, link-local, "this network", benchmarking, multicast and reserved. */
const PRIVATE_V4: [number, number][] = [
  [0x0a000000, 8],
  [0xac100000, 12],
  [0xc0a80000, 16],
  [0x64400000, 10],
  [0x7f000000, 8],
  [0xa9fe0000, 16],
  [0x00000000, 8],
  [0xc6120000, 15],
  [0xe0000000, 3],
];

function ipv4(addr: string): number | undefined {
  const parts = addr.split('.');
  if (parts.length !== 4) return undefined;
  let n = 0;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || Number(p) > 255) return undefined;
    n = n * 256 + Number(p);
  }
  return n;
}

/**
 * True for an address on the internet. Documentation ranges (192.0.2.0/24, 198.51.100.0/24,
 * 203.0.113.0/24) count as public: they stand for public hosts in examples and tests. Names and
 * anything unreadable are not addresses, so not public.
 */
export function isPublicAddress(addr: string): boolean {
  const v4 = ipv4(addr);
  if (v4 !== undefined) return !PRIVATE_V4.some(([base, bits]) => Math.floor(v4 / 2 ** (32 - bits)) === Math.floor(base / 2 ** (32 - bits)));
  const v6 = addr.toLowerCase();
  if (!v6.includes(':') || !/^[0-9a-f:.]+$/.test(v6)) return false;
  return !(v6 === '::1' || v6 === '::' || /^f[cd]/.test(v6) || /^fe[89ab]/.test(v6) || /^ff/.test(v6));
}

export function protocolName(protocol: number): string {
  return protocol === 6 ? 'TCP' : protocol === 17 ? 'UDP' : protocol === 1 ? 'ICMP' : protocol === 58 ? 'ICMPv6' : `protocol ${protocol}`;
}
