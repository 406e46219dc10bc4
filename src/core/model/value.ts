import type { SourceRange } from './sourceRange';

/**
 * Marks a part of a string value that could not be resolved statically (a `!Ref` to a parameter or
 * resource, a `!GetAtt`, an `!ImportValue`, a non-constant CDK expression). A hole is never a wildcard.
 */
export const HOLE = '\uE000';

/**
 * A string-valued leaf of a template or CDK source after intrinsic resolution.
 * `text` is the resolved text with `HOLE` where parts are unknown; a fully unknown value is `HOLE`.
 */
export interface Str {
  text: string;
  range: SourceRange;
  /** Set when the value comes from one branch of an `!If` (for example `IsProd=true`). */
  branch?: string;
  /** How the value was produced when not a literal, e.g. `!Sub`, `Fn::Join`, `!Ref BucketName`. */
  origin?: string;
  /** What each HOLE of `text` stands for, in order (`AWS::Region`, `!Ref Stage`), when known: messages name it. */
  holes?: string[];
}


export function hasHole(s: Str): boolean {
  return s.text.includes(HOLE);
}

/** How an unresolved part reads in a message: words, never a placeholder. */
export function holeWord(name: string | undefined): string {
  return name ? `<unresolved ${name}>` : '<unresolved>';
}

/** What the holes of a value stand for: its own names, or its origin when the whole value is unknown. */
export function holeNames(s: Str): (string | undefined)[] {
  if (s.holes) return s.holes;
  return s.text === HOLE ? [s.origin] : [];
}

/** Text for humans: each unresolved part named in words (`arn:aws:s3:::<unresolved !Ref Bucket>/*`). */
export function display(s: Str): string {
  const names = holeNames(s);
  return s.text.split(HOLE).reduce((out, part, i) => (i === 0 ? part : `${out}${holeWord(names[i - 1])}${part}`), '');
}

/**
 * Merges adjacent holes (`${A}${B}` is one unknown stretch) and keeps their names in step. `holes` has one
 * name per HOLE of `text`; when it does not, the names are dropped rather than misplaced.
 */
export function collapseNamedHoles(text: string, holes: readonly (string | undefined)[]): { text: string; holes?: string[] } {
  const count = text.split(HOLE).length - 1;
  const named = holes.length === count && holes.every((h) => h !== undefined);
  let out = '';
  const names: string[] = [];
  let k = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== HOLE) {
      out += text[i];
      continue;
    }
    const name = holes[k++] ?? '';
    if (out.endsWith(HOLE)) names[names.length - 1] += ` ${name}`;
    else {
      out += HOLE;
      names.push(name);
    }
  }
  return named && count > 0 ? { text: out, holes: names } : { text: out };
}
