/**
 * Interns byte ranges (interface ids, addresses) to small integer ids without making a string per
 * record: the bytes are hashed and compared in place and copied once, the first time they are seen.
 * Memory grows with the number of distinct values, never with the number of records.
 */
export class ByteInterner {
  private arena = Buffer.allocUnsafe(1 << 16);
  private arenaUsed = 0;
  private offsets: Int32Array = new Int32Array(1024);
  private lengths: Int32Array = new Int32Array(1024);
  private hashes: Int32Array = new Int32Array(1024);
  private strings: (string | undefined)[] = [];
  /** Open addressing: id + 1, or 0 for an empty slot. */
  private slots: Int32Array = new Int32Array(2048);
  private mask = 2047;
  private scratch = Buffer.allocUnsafe(256);
  size = 0;

  /**
   * The id of bytes [start, end) of `buf`. The hash covers the length and the last 8 bytes only (FNV-1a):
   * ids and addresses differ at their ends, and every candidate is compared in full anyway.
   */
  intern(buf: Uint8Array, start: number, end: number): number {
    let h = Math.imul(0x811c9dc5 ^ (end - start), 0x01000193);
    for (let i = end - start > 8 ? end - 8 : start; i < end; i++) h = Math.imul(h ^ buf[i], 0x01000193);
    const len = end - start;
    let slot = h & this.mask;
    for (;;) {
      const v = this.slots[slot];
      if (v === 0) break;
      const id = v - 1;
      if (this.hashes[id] === h && this.lengths[id] === len && this.equals(id, buf, start, len)) return id;
      slot = (slot + 1) & this.mask;
    }
    return this.insert(buf, start, len, h, slot);
  }

  /** The id of a string (latin1: flow-log fields are ASCII). */
  internString(s: string): number {
    const b = this.bytesOf(s);
    return this.intern(b, 0, b.length);
  }

  /** The string's latin1 bytes in a scratch buffer, valid until the next call. */
  bytesOf(s: string): Buffer {
    if (s.length > this.scratch.length) this.scratch = Buffer.allocUnsafe(s.length * 2);
    return this.scratch.subarray(0, this.scratch.write(s, 0, 'latin1'));
  }

  text(id: number): string {
    let s = this.strings[id];
    if (s === undefined) {
      s = this.arena.toString('latin1', this.offsets[id], this.offsets[id] + this.lengths[id]);
      this.strings[id] = s;
    }
    return s;
  }

  private equals(id: number, buf: Uint8Array, start: number, len: number): boolean {
    const a = this.arena;
    const o = this.offsets[id];
    for (let i = 0; i < len; i++) if (a[o + i] !== buf[start + i]) return false;
    return true;
  }

  private insert(buf: Uint8Array, start: number, len: number, h: number, slot: number): number {
    const id = this.size++;
    if (id === this.offsets.length) {
      this.offsets = grow(this.offsets);
      this.lengths = grow(this.lengths);
      this.hashes = grow(this.hashes);
    }
    if (this.arenaUsed + len > this.arena.length) {
      const next = Buffer.allocUnsafe(Math.max(this.arena.length * 2, this.arenaUsed + len));
      this.arena.copy(next, 0, 0, this.arenaUsed);
      this.arena = next;
    }
    this.arena.set(buf.subarray(start, start + len), this.arenaUsed);
    this.offsets[id] = this.arenaUsed;
    this.lengths[id] = len;
    this.hashes[id] = h;
    this.arenaUsed += len;
    this.slots[slot] = id + 1;
    if (this.size * 2 > this.slots.length) this.rehash();
    return id;
  }

  private rehash(): void {
    this.slots = slotsFor(this.hashes, this.size, this.slots.length * 2);
    this.mask = this.slots.length - 1;
  }
}

/**
 * An open-addressing slot array (entry + 1, 0 for empty; linear probing) of `capacity` (a power of two)
 * for entries 0..count-1 with these hashes. Shared by the interner and the flow table.
 */
export function slotsFor(hashes: Int32Array, count: number, capacity: number): Int32Array {
  const slots = new Int32Array(capacity);
  const mask = capacity - 1;
  for (let e = 0; e < count; e++) {
    let s = hashes[e] & mask;
    while (slots[s] !== 0) s = (s + 1) & mask;
    slots[s] = e + 1;
  }
  return slots;
}

/** A copy of `a` twice as long (typed arrays grow by doubling). */
export function grow<T extends Int32Array | Float64Array>(a: T): T {
  const b = new (a.constructor as new (n: number) => T)(a.length * 2);
  b.set(a);
  return b;
}
