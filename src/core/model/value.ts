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
}

export function isUnknown(s: Str): boolean {
  return s.text === HOLE;
}

export function hasHole(s: Str): boolean {
  return s.text.includes(HOLE);
}

/** Text for humans: holes shown as `${?}`. */
export function display(s: Str): string {
  return s.text.split(HOLE).join('${?}');
}
