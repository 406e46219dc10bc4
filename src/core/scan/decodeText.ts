/**
 * Bytes of a file as text. UTF-8 (its BOM dropped, invalid sequences replaced), UTF-16 LE/BE with a
 * byte-order mark, and UTF-16 without one when every other byte of the start is NUL (some Windows
 * tools write that): a template in any of these is analysed, never skipped as unreadable.
 */
export type Decoded = { text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' } | { error: string };

const UTF8 = new TextDecoder('utf-8');
const UTF16LE = new TextDecoder('utf-16le');
const UTF16BE = new TextDecoder('utf-16be');

export function decodeText(buf: Uint8Array): Decoded {
  if (buf.length >= 4 && ((buf[0] === 0xff && buf[1] === 0xfe && buf[2] === 0 && buf[3] === 0) || (buf[0] === 0 && buf[1] === 0 && buf[2] === 0xfe && buf[3] === 0xff))) {
    return { error: 'UTF-32 text is not supported: save the file as UTF-8' };
  }
  // TextDecoder drops a BOM of its own encoding.
  if (buf[0] === 0xff && buf[1] === 0xfe) return { text: UTF16LE.decode(buf), encoding: 'utf-16le' };
  if (buf[0] === 0xfe && buf[1] === 0xff) return { text: UTF16BE.decode(buf), encoding: 'utf-16be' };
  const bomless = bomlessUtf16(buf);
  if (bomless === 'le') return { text: UTF16LE.decode(buf), encoding: 'utf-16le' };
  if (bomless === 'be') return { text: UTF16BE.decode(buf), encoding: 'utf-16be' };
  return { text: UTF8.decode(buf), encoding: 'utf-8' };
}

/** 'le' when the odd bytes of the first 1 KiB are all NUL and the even ones are not (ASCII in UTF-16 LE), 'be' the other way round. */
function bomlessUtf16(buf: Uint8Array): 'le' | 'be' | undefined {
  const n = Math.min(buf.length, 1024) & ~1;
  if (n < 8) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (buf[i] === 0) evenZero++;
    if (buf[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero === pairs && evenZero === 0) return 'le';
  if (evenZero === pairs && oddZero === 0) return 'be';
  return undefined;
}
