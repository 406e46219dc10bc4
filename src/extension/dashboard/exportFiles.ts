/**
 * Checks on what the webview sends to be saved: the page is not trusted to name files or to send
 * anything but a PNG or text. No `vscode` import (unit-tested).
 */

/** Larger than any dashboard image (a few MB) by far, small enough not to exhaust the host. */
export const MAX_PNG_BYTES = 32 * 1024 * 1024;
export const MAX_CSV_CHARS = 256 * 1024 * 1024;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export class ExportError extends Error {}

/** The bytes of a `data:image/png;base64,…` URL; an ExportError when it is anything else. */
export function pngBytes(dataUrl: unknown): Uint8Array {
  if (typeof dataUrl !== 'string') throw new ExportError('no image was sent');
  const m = /^data:image\/png;base64,([A-Za-z0-9+/]*={0,2})$/.exec(dataUrl);
  if (!m) throw new ExportError('the image is not a base64 PNG data URL');
  if ((m[1].length * 3) / 4 > MAX_PNG_BYTES) throw new ExportError('the image is too large');
  const bytes = Buffer.from(m[1], 'base64');
  if (bytes.length < PNG_SIGNATURE.length || PNG_SIGNATURE.some((b, i) => bytes[i] !== b)) throw new ExportError('the data is not a PNG image');
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
}

export function csvText(csv: unknown): string {
  if (typeof csv !== 'string') throw new ExportError('no CSV text was sent');
  if (csv.length > MAX_CSV_CHARS) throw new ExportError('the CSV text is too large');
  return csv;
}

/** A plain file name (no folder, no dot first) ending in `.ext`; `dashboard.ext` when nothing usable is left. */
export function safeFileName(name: unknown, ext: 'png' | 'csv'): string {
  const base = (typeof name === 'string' ? name : '')
    .split(/[\\/]/)
    .pop()!
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[.-]+/, '')
    .slice(0, 120);
  const stem = base.toLowerCase().endsWith(`.${ext}`) ? base.slice(0, -(ext.length + 1)) : base;
  return `${stem || 'dashboard'}.${ext}`;
}
