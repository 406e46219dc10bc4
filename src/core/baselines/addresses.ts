/** IANA protocol numbers as people name them. */
export function protocolName(protocol: number): string {
  return protocol === 6 ? 'TCP' : protocol === 17 ? 'UDP' : protocol === 1 ? 'ICMP' : protocol === 58 ? 'ICMPv6' : `protocol ${protocol}`;
}
