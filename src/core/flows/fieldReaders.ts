/**
 * Reading one flow record's fields straight from bytes, one pass, each field read as its role needs:
 * numbers parsed, addresses turned into address codes, interface ids hashed and interned, words and
 * unused fields only bounded. A field ends at a space, a newline or CR-LF; the caller guarantees a
 * newline ahead, so the loops need no bounds checks.
 *
 * Values land in `vals[f]`: the number or IPv4 address code, -1 for `-`, -2 for an invalid number, TEXT
 * for other text (an interface id, an IPv6 address), interned only once the record is accepted — so a
 * garbled file cannot fill memory with strings.
 */
import { DEFAULT_FIELDS } from './flowLayout';

const NL = 10;
const CR = 13;
const SPACE = 32;
const DASH = 45;
const DOT = 46;

/** vals[f] for a field holding text to intern (see above). */
export const TEXT = -3;

export const R_SKIP = 0;
export const R_NUM = 1;
export const R_ADDR = 2;
export const R_ID = 3;
export const R_WORD = 4;

const ROLES: ReadonlyMap<string, number> = new Map([
  ['interface-id', R_ID],
  ['srcaddr', R_ADDR],
  ['dstaddr', R_ADDR],
  ['pkt-srcaddr', R_ADDR],
  ['pkt-dstaddr', R_ADDR],
  ['srcport', R_NUM],
  ['dstport', R_NUM],
  ['protocol', R_NUM],
  ['packets', R_NUM],
  ['bytes', R_NUM],
  ['start', R_NUM],
  ['end', R_NUM],
  ['tcp-flags', R_NUM],
  ['action', R_WORD],
  ['log-status', R_WORD],
  ['flow-direction', R_WORD],
]);

export function rolesOf(fields: readonly string[]): Uint8Array {
  return Uint8Array.from(fields, (f) => ROLES.get(f) ?? R_SKIP);
}

export function isDefaultLayout(fields: readonly string[]): boolean {
  return fields.length === DEFAULT_FIELDS.length && fields.every((f, i) => f === DEFAULT_FIELDS[i]);
}

/**
 * A number of 1–15 digits. The first nine are summed in integer arithmetic (cheap, and enough for
 * ports, counts and sizes); only longer numbers (times have ten digits) continue in floating point.
 */
function readNum(buf: Uint8Array, i: number, vals: Float64Array, f: number): number {
  const a = i;
  const lim = a + 9;
  let v = 0;
  for (; i < lim; i++) {
    const d = buf[i] - 48;
    if (d < 0 || d > 9) break;
    v = v * 10 + d;
  }
  let x = v;
  if (i === lim) {
    for (; ; i++) {
      const d = buf[i] - 48;
      if (d < 0 || d > 9) break;
      x = x * 10 + d;
    }
  }
  let c = buf[i];
  if (c === SPACE || c === NL || (c === CR && buf[i + 1] === NL)) {
    const len = i - a;
    vals[f] = len > 0 && len <= 15 ? x : -2;
    return i;
  }
  // Not a number: find the field's end.
  for (; ; c = buf[++i]) if (c === SPACE || c === NL || (c === CR && buf[i + 1] === NL)) break;
  vals[f] = i - a === 1 && buf[a] === DASH ? -1 : -2;
  return i;
}

/** An address: a canonical dotted IPv4 address becomes its code here (addressCodes.ts: same rules); other text is TEXT. */
function readAddr(buf: Uint8Array, i: number, vals: Float64Array, f: number): number {
  const a = i;
  let v = 0;
  let octet = 0;
  let digits = 0;
  let dots = 0;
  let ok = true;
  for (; ; i++) {
    const c = buf[i];
    const d = c - 48;
    if (d >= 0 && d <= 9) {
      if (digits === 3 || (digits === 1 && octet === 0)) ok = false;
      octet = octet * 10 + d;
      digits++;
    } else if (c === DOT) {
      if (digits === 0 || dots === 3 || octet > 255) ok = false;
      v = v * 256 + octet;
      octet = 0;
      digits = 0;
      dots++;
    } else if (c === SPACE || c === NL || (c === CR && buf[i + 1] === NL)) break;
    else ok = false;
  }
  if (ok && dots === 3 && digits > 0 && octet <= 255) vals[f] = v * 256 + octet;
  else vals[f] = i - a === 1 && buf[a] === DASH ? -1 : TEXT;
  return i;
}

/** An interface id: TEXT, or -1 for `-`. */
function readId(buf: Uint8Array, i: number, vals: Float64Array, f: number): number {
  const a = i;
  i = skipField(buf, i);
  vals[f] = i - a === 1 && buf[a] === DASH ? -1 : TEXT;
  return i;
}

function skipField(buf: Uint8Array, i: number): number {
  for (; ; i++) {
    const c = buf[i];
    if (c <= SPACE && (c === SPACE || c === NL || (c === CR && buf[i + 1] === NL))) return i;
  }
}

export interface FieldBuffers {
  starts: Int32Array;
  ends: Int32Array;
  vals: Float64Array;
}

/**
 * Reads the `roles.length` fields of the line at `s`. Returns the position of the line's terminator
 * (NL, or the CR of CR-LF), or -1 when the line has fewer or more fields.
 */
export function readFields(buf: Uint8Array, s: number, roles: Uint8Array, out: FieldBuffers): number {
  const { starts, ends, vals } = out;
  const n = roles.length;
  let i = s;
  for (let f = 0; f < n; f++) {
    starts[f] = i;
    const role = roles[f];
    if (role === R_NUM) i = readNum(buf, i, vals, f);
    else if (role === R_ADDR) i = readAddr(buf, i, vals, f);
    else if (role === R_ID) i = readId(buf, i, vals, f);
    else i = skipField(buf, i);
    ends[f] = i;
    if (buf[i] !== SPACE) return f === n - 1 ? i : -1;
    i++;
  }
  return -1;
}

/**
 * readFields for the default v2 layout, unrolled: the same readers in a fixed order, without the per-field
 * dispatch (the common case, about a third faster).
 */
export function readDefaultFields(buf: Uint8Array, s: number, out: FieldBuffers): number {
  const { starts, ends, vals } = out;
  let i = s;
  // version, account-id
  starts[0] = i;
  i = ends[0] = skipField(buf, i);
  if (buf[i++] !== SPACE) return -1;
  starts[1] = i;
  i = ends[1] = skipField(buf, i);
  if (buf[i++] !== SPACE) return -1;
  // interface-id srcaddr dstaddr
  starts[2] = i;
  i = ends[2] = readId(buf, i, vals, 2);
  if (buf[i++] !== SPACE) return -1;
  starts[3] = i;
  i = ends[3] = readAddr(buf, i, vals, 3);
  if (buf[i++] !== SPACE) return -1;
  starts[4] = i;
  i = ends[4] = readAddr(buf, i, vals, 4);
  if (buf[i++] !== SPACE) return -1;
  // srcport dstport protocol packets bytes start end
  for (let f = 5; f <= 11; f++) {
    starts[f] = i;
    i = ends[f] = readNum(buf, i, vals, f);
    if (buf[i++] !== SPACE) return -1;
  }
  // action log-status
  starts[12] = i;
  i = ends[12] = skipField(buf, i);
  if (buf[i++] !== SPACE) return -1;
  starts[13] = i;
  i = ends[13] = skipField(buf, i);
  return buf[i] === SPACE ? -1 : i;
}
