/**
 * Addresses as numbers: a canonical dotted IPv4 address (no leading zeros) is its 32-bit value; any
 * other text (IPv6, odd spellings) is 2^32 + its interned id. Flow records are mostly IPv4, so most
 * addresses cost a digit loop and no hash lookup. Equal codes ⇔ equal text, because only the one
 * canonical spelling of an IPv4 address becomes a value.
 */
import type { ByteInterner } from './byteInterner';

export const INTERNED = 4294967296;

/** The code of the address in bytes [a, b) of `buf`. */
export function addressCode(strings: ByteInterner, buf: Uint8Array, a: number, b: number): number {
  let v = 0;
  let octet = 0;
  let digits = 0;
  let dots = 0;
  let ok = b - a <= 15;
  for (let i = a; i < b && ok; i++) {
    const c = buf[i];
    if (c === 46) {
      ok = digits > 0 && dots < 3;
      v = v * 256 + octet;
      octet = 0;
      digits = 0;
      dots++;
    } else {
      const d = c - 48;
      ok = d >= 0 && d <= 9 && !(digits === 1 && octet === 0);
      octet = octet * 10 + d;
      digits++;
      if (octet > 255) ok = false;
    }
  }
  if (ok && dots === 3 && digits > 0) return v * 256 + octet;
  return INTERNED + strings.intern(buf, a, b);
}

export function addressCodeOfString(strings: ByteInterner, s: string): number {
  const b = strings.bytesOf(s);
  return addressCode(strings, b, 0, b.length);
}

export function addressText(strings: ByteInterner, code: number): string {
  if (code >= INTERNED) return strings.text(code - INTERNED);
  return `${Math.floor(code / 16777216)}.${(code >>> 16) & 255}.${(code >>> 8) & 255}.${code & 255}`;
}
