import { randomUUID } from 'node:crypto';
import { escapeJsonText } from './escape';

/**
 * Reports are produced as a sequence of text chunks, so a million findings are written piece by piece
 * (the CLI streams them to the file) instead of as one string V8 cannot hold. `toJson` and friends join
 * the chunks for callers that want a string.
 */
export type Chunks = Iterable<string>;

export function joinChunks(chunks: Chunks): string {
  const parts: string[] = [];
  for (const c of chunks) parts.push(c);
  return parts.join('');
}

/** The chunks of `lines.join('\n')`. */
export function* joinLines(lines: Iterable<string>): Generator<string> {
  let first = true;
  for (const l of lines) {
    yield first ? l : `\n${l}`;
    first = false;
  }
}

/**
 * `JSON.stringify(value, null, 2)`, byte for byte, with the arrays named in `streamed` written item by
 * item: `value` holds a placeholder string where each goes. Unsafe characters are escaped as in
 * escapeJsonText.
 */
export function* jsonChunks(value: unknown, streamed: Record<string, Iterable<unknown>>): Generator<string> {
  const token = `lambda-guard-stream-${randomUUID()}`;
  const marks = new Map(Object.keys(streamed).map((k) => [`"${token}:${k}"`, k]));
  const text = JSON.stringify(value, (_k, v: unknown) => (typeof v === 'string' && v.startsWith(STREAM) ? `${token}:${v.slice(STREAM.length)}` : v), 2);
  let at = 0;
  const find = /"lambda-guard-stream-[0-9a-f-]+:[^"]*"/g;
  for (let m = find.exec(text); m; m = find.exec(text)) {
    const name = marks.get(m[0]);
    if (name === undefined) continue;
    yield escapeJsonText(text.slice(at, m.index));
    const indent = /[^\n]*$/.exec(text.slice(Math.max(0, m.index - 200), m.index))![0].replace(/\S.*$/, '');
    yield* arrayChunks(streamed[name], indent);
    at = m.index + m[0].length;
  }
  yield escapeJsonText(text.slice(at));
}

/** The items of `list` through `f`, one at a time (a streamed array never exists as a whole). */
export function* mapItems<T, U>(list: readonly T[], f: (x: T, i: number) => U): Generator<U> {
  for (let i = 0; i < list.length; i++) yield f(list[i], i);
}

/** Placeholder for a streamed array inside the value given to jsonChunks: `streamedArray('findings')`. */
const STREAM = '\u0000stream:';
export function streamedArray(name: string): string {
  return `${STREAM}${name}`;
}

function* arrayChunks(items: Iterable<unknown>, indent: string): Generator<string> {
  const inner = `${indent}  `;
  let first = true;
  for (const item of items) {
    const body = JSON.stringify(item, null, 2).replace(/\n/g, `\n${inner}`);
    yield escapeJsonText(`${first ? '[\n' : ',\n'}${inner}${body}`);
    first = false;
  }
  yield first ? '[]' : `\n${indent}]`;
}
