/** A valid, empty ZIP archive whose comment makes each function's code (and so its CodeSha256) distinct. */
import { createHash } from 'node:crypto';

export function emptyZip(comment: string): Uint8Array {
  const text = Buffer.from(comment, 'utf8');
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0); // end of central directory signature; every count and offset is 0
  eocd.writeUInt16LE(text.length, 20);
  return new Uint8Array(Buffer.concat([eocd, text]));
}

/** Lambda's CodeSha256: base64 of the SHA-256 of the deployment package. */
export function codeSha256(zip: Uint8Array): string {
  return createHash('sha256').update(zip).digest('base64');
}
