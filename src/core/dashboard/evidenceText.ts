import { humanBytes } from './numberText';

/**
 * An alert's evidence (nested JSON) as label/value text rows for a table: keys in words, nested objects
 * flattened under their parent's label, lists joined, numbers readable. Values are text only — the
 * webview shows them with textContent — and bounded, so a list of a thousand event ids stays one short
 * cell.
 */
export interface EvidenceEntry {
  label: string;
  value: string;
}

const MAX_LIST = 10;
const MAX_VALUE = 400;
const MAX_ENTRIES = 40;
const MAX_DEPTH = 3;

const WORDS: Record<string, string> = { ip: 'IP', ips: 'IPs', id: 'ID', ids: 'IDs', arn: 'ARN', url: 'URL', api: 'API', sha256: 'SHA-256', z: 'z' };

/** `observedTotal` → `Observed total`, `sourceIps` → `Source IPs`. */
export function keyWords(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .split(/\s+/)
    .map((w) => WORDS[w.toLowerCase()] ?? w.toLowerCase());
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// Identifiers, not quantities: no thousands separators (port 65,535 would read wrong).
const PLAIN_NUMBER = /port|protocol|(^|[a-z])Id$|^id$|year|version/i;

function numberText(key: string, n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (PLAIN_NUMBER.test(key)) return String(n);
  if (/bytes$/i.test(key) && Math.abs(n) >= 1024) return `${humanBytes(n, 'en-US')} (${Math.round(n).toLocaleString('en-US')} bytes)`;
  return Number.isInteger(n) ? n.toLocaleString('en-US') : String(Math.round(n * 100) / 100);
}

/** The key's words inside a sentence: `Source IP` → `source IP`. */
function innerWords(key: string): string {
  const w = keyWords(key);
  return /^[A-Z][a-z]/.test(w) || w.length === 1 ? w.charAt(0).toLowerCase() + w.slice(1) : w;
}

function clip(s: string): string {
  return s.length > MAX_VALUE ? `${s.slice(0, MAX_VALUE - 1)}…` : s;
}

/** One value in a line: objects as `key value, key value`, lists joined. */
function inline(key: string, v: unknown, depth: number): string {
  if (v === null || v === undefined) return 'none';
  if (typeof v === 'number') return numberText(key, v);
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) {
    if (v.length === 0) return 'none';
    const shown = v.slice(0, MAX_LIST).map((x) => inline(key, x, depth + 1));
    const sep = v.some((x) => x && typeof x === 'object') ? '; ' : ', ';
    return shown.join(sep) + (v.length > MAX_LIST ? `${sep}… (${(v.length - MAX_LIST).toLocaleString('en-US')} more)` : '');
  }
  if (typeof v === 'object') {
    if (depth >= MAX_DEPTH) return '…';
    const parts = Object.entries(v as Record<string, unknown>).map(([k, x]) => `${innerWords(k)} ${inline(k, x, depth + 1)}`);
    return parts.length ? parts.join(', ') : 'none';
  }
  return String(v);
}

/** Rows for an evidence object: nested objects one level deep become `Parent child` rows. */
export function evidenceEntries(evidence: Record<string, unknown>): EvidenceEntry[] {
  const out: EvidenceEntry[] = [];
  let dropped = 0;
  const add = (label: string, key: string, v: unknown): void => {
    if (out.length < MAX_ENTRIES) out.push({ label, value: clip(inline(key, v, 0)) });
    else dropped++;
  };
  for (const [key, v] of Object.entries(evidence ?? {})) {
    if (v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length > 0) {
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) add(`${keyWords(key)} ${innerWords(k)}`, k, x);
    } else add(keyWords(key), key, v);
  }
  if (dropped) out.push({ label: '…', value: `${dropped} more in the JSON report` });
  return out;
}
