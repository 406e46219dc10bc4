const HTML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '\r': '&#13;',
};

/**
 * Characters that act instead of showing when a report reaches a terminal or an editor: C0 controls
 * other than tab and line feed (ESC starts ANSI sequences, BEL rings), DEL, C1 controls (U+009B is a
 * one-byte CSI), and the bidirectional embeddings, overrides, isolates and marks that reorder what is
 * displayed ("Trojan Source"). Template data never gets to use them.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** The same, for JSON text: JSON.stringify already escapes C0, not DEL, C1 or the bidi controls. */
const UNSAFE_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const hex = (c: string): string => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/** Unsafe characters as visible `\u001B`-style text: the reader sees that something was there. */
export function neutralize(s: string): string {
  return s.replace(UNSAFE, hex);
}

/** Escapes the unsafe characters left in serialised JSON (they only occur inside strings there). */
export function escapeJsonText(json: string): string {
  return json.replace(UNSAFE_IN_JSON, hex);
}

/** Escapes text for HTML element content and quoted attribute values alike; unsafe characters become visible. */
export function escapeHtml(s: string): string {
  return neutralize(s).replace(/[&<>"'\r]/g, (c) => HTML_ENTITIES[c] ?? c);
}

/**
 * Collapses line breaks and tabs into single spaces (one finding stays on one line) and shows the other
 * control and bidi characters as visible escapes, so data cannot inject ANSI sequences or reorder a line.
 */
export function oneLine(s: string): string {
  return neutralize(s.replace(/[\t\n\v\f\r\u0085\u2028\u2029]+/g, ' ')).trim();
}

/**
 * Escapes text for inline Markdown (including GFM table cells, where block syntax is not parsed):
 * emphasis, code, link and table punctuation is backslash-escaped, and `&`, `<`, `>` become
 * entities so that no raw HTML from the data reaches a renderer.
 */
export function escapeMarkdown(s: string): string {
  return oneLine(s)
    .replace(/[\\`*_[\]()!|~]/g, (c) => `\\${c}`)
    .replace(/[&<>]/g, (c) => HTML_ENTITIES[c] ?? c);
}
