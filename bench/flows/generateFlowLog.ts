/**
 * Writes N default-format (v2) flow-log records shaped like a VPC with Lambda functions: 40 Lambda ENIs
 * calling databases, caches, queues and public HTTPS endpoints from ephemeral ports (each connection
 * logged both ways), 5 web hosts behind a load balancer, internet scanners rejected on a handful of
 * ports, and a sprinkling of NODATA / SKIPDATA records. Seeded, so every run writes the same file.
 * Distinct flows stay in the thousands (tens of thousands by hour) however many records are written.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

/** mulberry32: a small, fast, seeded PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ACCOUNT = '123456789012';
const T0 = 1767225600; // 2026-01-01T00:00:00Z

interface Iface {
  id: string;
  ip: string;
  peers: { ip: string; port: number }[];
}

function model(rand: () => number): { lambdas: Iface[]; webs: Iface[]; scanners: string[]; elb: string[] } {
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)];
  const internal = Array.from({ length: 60 }, (_, i) => ({ ip: `10.0.${20 + (i % 6)}.${10 + i}`, port: pick([5432, 6379, 443, 3306, 9092, 11211]) }));
  const external = Array.from({ length: 30 }, (_, i) => ({ ip: `${pick([52, 54, 3, 18])}.${(i * 7) % 256}.${(i * 13) % 256}.${1 + i}`, port: 443 }));
  const hex = (n: number): string => n.toString(16).padStart(17, '0');
  const lambdas = Array.from({ length: 40 }, (_, i) => {
    const peers = Array.from({ length: 8 + Math.floor(rand() * 9) }, () => (rand() < 0.7 ? pick(internal) : pick(external)));
    return { id: `eni-${hex(0xa000 + i)}`, ip: `10.0.${1 + (i % 4)}.${100 + i}`, peers };
  });
  const webs = Array.from({ length: 5 }, (_, i) => ({ id: `eni-${hex(0xb000 + i)}`, ip: `10.0.9.${10 + i}`, peers: [] }));
  const scanners = Array.from({ length: 50 }, (_, i) => `${100 + (i % 90)}.${(i * 31) % 256}.${(i * 17) % 256}.${(i * 5) % 250 + 1}`);
  const elb = ['10.0.0.11', '10.0.0.12', '10.0.0.13'];
  return { lambdas, webs, scanners, elb };
}

/** The first `n` records of the stream seeded with `seed`, one line each. */
export function* flowLines(n: number, seed = 7): Generator<string> {
  const rand = prng(seed);
  const m = model(rand);
  const int = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
  const rec = (eni: string, src: string, dst: string, sp: number, dp: number, proto: number, action: string): string => {
    const packets = int(1, 200);
    const bytes = packets * int(40, 1500);
    const start = T0 + int(0, 86399);
    return `2 ${ACCOUNT} ${eni} ${src} ${dst} ${sp} ${dp} ${proto} ${packets} ${bytes} ${start} ${start + int(0, 600)} ${action} OK`;
  };
  let written = 0;
  while (written < n) {
    const r = rand();
    if (r < 0.004) {
      const eni = m.lambdas[int(0, m.lambdas.length - 1)].id;
      const s = T0 + int(0, 86399);
      yield `2 ${ACCOUNT} ${eni} - - - - - - - ${s} ${s + 60} - ${rand() < 0.9 ? 'NODATA' : 'SKIPDATA'}`;
      written++;
    } else if (r < 0.05) {
      const w = m.webs[int(0, 1)];
      yield rec(w.id, m.scanners[int(0, m.scanners.length - 1)], w.ip, int(1024, 65535), [22, 23, 80, 445, 1433, 3306, 3389, 5900, 8080, 8443][int(0, 9)], 6, 'REJECT');
      written++;
    } else if (r < 0.15) {
      const w = m.webs[int(0, m.webs.length - 1)];
      const lb = m.elb[int(0, 2)];
      const eph = int(32768, 60999);
      yield rec(w.id, lb, w.ip, eph, 8080, 6, 'ACCEPT');
      if (++written < n) yield rec(w.id, w.ip, lb, 8080, eph, 6, 'ACCEPT');
      written++;
    } else {
      const l = m.lambdas[int(0, m.lambdas.length - 1)];
      const p = l.peers[int(0, l.peers.length - 1)];
      const eph = int(32768, 60999);
      yield rec(l.id, l.ip, p.ip, eph, p.port, 6, 'ACCEPT');
      if (++written < n) yield rec(l.id, p.ip, l.ip, p.port, eph, 6, 'ACCEPT');
      written++;
    }
  }
}

/** Writes `n` records to `path` (with the S3 export's header line when `header`). */
export async function writeFlowLog(path: string, n: number, options: { seed?: number; header?: boolean } = {}): Promise<void> {
  const out = createWriteStream(path, { highWaterMark: 1 << 20 });
  let batch: string[] = options.header ? ['version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status'] : [];
  for (const line of flowLines(n, options.seed)) {
    batch.push(line);
    if (batch.length === 10000) {
      if (!out.write(`${batch.join('\n')}\n`)) await once(out, 'drain');
      batch = [];
    }
  }
  if (batch.length) out.write(`${batch.join('\n')}\n`);
  out.end();
  await once(out, 'finish');
}
