/**
 * Which side of a connection is the service: the well-known port, not the client's ephemeral one.
 * A flow record carries both ports; a flow summary keeps only the service port, so that a function's
 * thousands of connections to `db:5432` from random client ports are one flow.
 *
 * The rule, in order:
 * 1. TCP with `tcp-flags`: a SYN-ACK (18) is sent by the server, so its source is the service; a SYN
 *    (2) without it is sent by the client, so its destination is the service.
 * 2. Otherwise the port with the better rank wins: 1–1023 (well-known), then the registered service
 *    ports listed below, then the rest below 32768, then 32768–65535 (the Linux ephemeral range starts
 *    at 32768, Windows' and IANA's at 49152; both are covered). Port 0 / absent ranks last.
 * 3. Same rank: the lower port. Same port (e.g. NTP 123 → 123) or no ports (ICMP): undecided.
 */

export const EPHEMERAL_START = 32768;

/** Service names of well-known and common registered ports, for display and ranking. */
export const SERVICE_NAMES: ReadonlyMap<number, string> = new Map([
  [20, 'ftp-data'],
  [21, 'ftp'],
  [22, 'ssh'],
  [23, 'telnet'],
  [25, 'smtp'],
  [53, 'dns'],
  [80, 'http'],
  [88, 'kerberos'],
  [110, 'pop3'],
  [123, 'ntp'],
  [135, 'msrpc'],
  [137, 'netbios'],
  [139, 'netbios'],
  [143, 'imap'],
  [161, 'snmp'],
  [389, 'ldap'],
  [443, 'https'],
  [445, 'smb'],
  [465, 'smtps'],
  [514, 'syslog'],
  [587, 'smtp-submission'],
  [636, 'ldaps'],
  [853, 'dns-over-tls'],
  [993, 'imaps'],
  [995, 'pop3s'],
  [1433, 'mssql'],
  [1521, 'oracle'],
  [1883, 'mqtt'],
  [2049, 'nfs'],
  [2181, 'zookeeper'],
  [2379, 'etcd'],
  [3000, 'http-dev'],
  [3268, 'ldap-gc'],
  [3306, 'mysql'],
  [3389, 'rdp'],
  [4222, 'nats'],
  [5000, 'http-dev'],
  [5432, 'postgres'],
  [5439, 'redshift'],
  [5671, 'amqps'],
  [5672, 'amqp'],
  [5984, 'couchdb'],
  [6379, 'redis'],
  [6432, 'pgbouncer'],
  [7000, 'cassandra'],
  [8000, 'http-alt'],
  [8080, 'http-alt'],
  [8182, 'neptune'],
  [8443, 'https-alt'],
  [8883, 'mqtts'],
  [9042, 'cassandra'],
  [9092, 'kafka'],
  [9094, 'kafka-tls'],
  [9142, 'keyspaces'],
  [9200, 'elasticsearch'],
  [9300, 'elasticsearch'],
  [9418, 'git'],
  [11211, 'memcached'],
  [11214, 'memcached-tls'],
  [27017, 'mongodb'],
]);

/** The side of a record that is the service. */
export const SIDE_UNKNOWN = 0;
export const SIDE_SRC = 1;
export const SIDE_DST = 2;

const TCP = 6;
const SYN = 2;
const SYN_ACK = 18;

/** rank[port]: lower is more service-like (0 well-known … 3 ephemeral, 4 none). */
const RANK = (() => {
  const r = new Uint8Array(65536);
  for (let p = 0; p < 65536; p++) r[p] = p === 0 ? 4 : p < 1024 ? 0 : SERVICE_NAMES.has(p) ? 1 : p < EPHEMERAL_START ? 2 : 3;
  return r;
})();

function rank(port: number): number {
  return port >= 0 && port < 65536 ? RANK[port] : 4;
}

/**
 * Decides which side of a record is the service (SIDE_SRC, SIDE_DST or SIDE_UNKNOWN). `tcpFlags` is
 * the record's `tcp-flags` (0 when the format lacks it).
 */
export function serviceSide(srcPort: number, dstPort: number, protocol: number, tcpFlags: number): number {
  if (protocol === TCP && tcpFlags !== 0) {
    if ((tcpFlags & SYN_ACK) === SYN_ACK) return SIDE_SRC;
    if (tcpFlags & SYN) return SIDE_DST;
  }
  const rs = rank(srcPort);
  const rd = rank(dstPort);
  if (rs !== rd) return rs < rd ? SIDE_SRC : SIDE_DST;
  if (rs === 4 || srcPort === dstPort) return SIDE_UNKNOWN;
  return srcPort < dstPort ? SIDE_SRC : SIDE_DST;
}

/** The service port for a decided side; undecided: the common port when both are equal, else 0. */
export function servicePortOf(side: number, srcPort: number, dstPort: number): number {
  if (side === SIDE_SRC) return srcPort;
  if (side === SIDE_DST) return dstPort;
  return srcPort === dstPort ? srcPort : 0;
}

const PROTOCOL_NAMES: ReadonlyMap<number, string> = new Map([
  [1, 'icmp'],
  [6, 'tcp'],
  [17, 'udp'],
  [47, 'gre'],
  [50, 'esp'],
  [58, 'icmpv6'],
  [132, 'sctp'],
]);

export function protocolName(protocol: number): string {
  return PROTOCOL_NAMES.get(protocol) ?? String(protocol);
}

/** `https` for 443 over TCP; undefined for ports without a known service or protocols without ports. */
export function serviceName(port: number, protocol: number): string | undefined {
  if (protocol !== 6 && protocol !== 17 && protocol !== 132) return undefined;
  return SERVICE_NAMES.get(port);
}
