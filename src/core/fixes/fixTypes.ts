/** A replacement of `[start, end)` (offsets into the original text) by `newText`. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

/** A quick fix as text edits; `select` is the placeholder to complete, as offsets in the fixed text. */
export interface Fix {
  title: string;
  /** The rule's fix kind (`setAuthType` …) or `suppress`. */
  kind: string;
  edits: TextEdit[];
  select?: { start: number; end: number };
  preferred?: boolean;
}

/** Applies non-overlapping edits (in any order) to `text`. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

/** Placeholder markers inside generated text; `edit()` strips them and records the selection. */
export const PH_START = '\u0001';
export const PH_END = '\u0002';

export function ph(text: string): string {
  return `${PH_START}${text}${PH_END}`;
}

/** One-edit fix from text holding at most one marked placeholder. */
export function singleEditFix(title: string, kind: string, start: number, end: number, marked: string, preferred = false): Fix {
  const a = marked.indexOf(PH_START);
  const b = marked.indexOf(PH_END);
  const newText = marked.split(PH_START).join('').split(PH_END).join('');
  const fix: Fix = { title, kind, edits: [{ start, end, newText }], preferred };
  if (a >= 0 && b > a) fix.select = { start: start + a, end: start + b - 1 };
  return fix;
}
