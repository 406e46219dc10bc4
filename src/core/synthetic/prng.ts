/**
 * A small seeded PRNG (sfc32, seeded through splitmix32) with the draws the synthetic telemetry needs.
 * Not for security: for reproducible test data only. The same seed always gives the same sequence, on
 * every platform (32-bit integer arithmetic only).
 */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform float in [min, max). */
  float(min: number, max: number): number;
  /** Uniform integer in [min, max] (both included). */
  int(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Standard normal (Box–Muller). */
  normal(): number;
  /** Poisson-distributed count with mean `lambda` (exact below 12, normal approximation above: test data, not statistics). */
  poisson(lambda: number): number;
  /** Lower-case hex digits. */
  hex(length: number): string;
  /** A random (version 4 shaped) UUID. */
  uuid(): string;
}

function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

// Number#toString(16) is slow for values above 2^31 (they are doubles): format bytes from a table.
const BYTE_HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const hex4 = (n: number): string => BYTE_HEX[(n >>> 8) & 255] + BYTE_HEX[n & 255];
const hex8 = (n: number): string => hex4(n >>> 16) + hex4(n);

function hashLabel(label: string): number {
  let h = 2166136261;
  for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 16777619) >>> 0;
  return h;
}

export function createRng(seed: number): Rng {
  const init = splitmix32(seed);
  // State in typed arrays: numbers kept in closure variables would be boxed on every draw (GC churn).
  const s = new Uint32Array([init(), init(), init(), init()]);
  const u32 = (): number => {
    const t = (s[0] + s[1] + s[3]) >>> 0;
    s[3] = s[3] + 1;
    s[0] = s[1] ^ (s[1] >>> 9);
    s[1] = s[2] + (s[2] << 3);
    s[2] = ((s[2] << 21) | (s[2] >>> 11)) + t;
    return t;
  };
  for (let i = 0; i < 12; i++) u32();
  const spare = new Float64Array(1);
  let hasSpare = false;
  const rng: Rng = {
    next: () => u32() / 4294967296,
    float: (min, max) => min + (max - min) * rng.next(),
    int: (min, max) => min + Math.floor(rng.next() * (max - min + 1)),
    chance: (p) => rng.next() < p,
    pick: (items) => items[Math.floor(rng.next() * items.length)],
    normal: () => {
      if (hasSpare) {
        hasSpare = false;
        return spare[0];
      }
      const u = 1 - rng.next();
      const v = rng.next();
      const r = Math.sqrt(-2 * Math.log(u));
      spare[0] = r * Math.sin(2 * Math.PI * v);
      hasSpare = true;
      return r * Math.cos(2 * Math.PI * v);
    },
    poisson: (lambda) => {
      if (!(lambda > 0)) return 0;
      if (lambda >= 12) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * rng.normal()));
      const limit = Math.exp(-lambda);
      let k = 0;
      let p = rng.next();
      while (p > limit) {
        k++;
        p *= rng.next();
      }
      return k;
    },
    hex: (length) => {
      let out = '';
      while (out.length < length) out += hex8(u32());
      return out.slice(0, length);
    },
    uuid: () => {
      const a = u32();
      const b = u32();
      const c = u32();
      const d = u32();
      return `${hex8(a)}-${hex4(b >>> 16)}-4${hex4(b & 0xfff).slice(1)}-${hex4((c >>> 16 & 0x3fff) | 0x8000)}-${hex4(c & 0xffff)}${hex8(d)}`;
    },
  };
  return rng;
}

/**
 * An independent stream for one part of the generation (`metrics`, `flows`, `fn:orders` …): what one
 * part draws never shifts another, so adding a function or an anomaly leaves the rest unchanged.
 */
export function rngFor(seed: number, label: string): Rng {
  return createRng(hashLabel(`${seed >>> 0}:${label}`));
}
