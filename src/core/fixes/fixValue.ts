import { PH_END, PH_START } from './fixTypes';
import type { TextStyle } from './textStyle';

/** A value a fix inserts: written as YAML or JSON in the file's style. */
export type FixValue =
  | { t: 'str'; v: string }
  | { t: 'sub'; v: string }
  | { t: 'ref'; v: string }
  | { t: 'map'; entries: [string, FixValue][] }
  | { t: 'seq'; items: FixValue[] };

export const str = (v: string): FixValue => ({ t: 'str', v });
export const sub = (v: string): FixValue => ({ t: 'sub', v });
export const ref = (v: string): FixValue => ({ t: 'ref', v });
export const map = (...entries: [string, FixValue][]): FixValue => ({ t: 'map', entries });
export const seq = (...items: FixValue[]): FixValue => ({ t: 'seq', items });

const RESERVED = /^(true|false|yes|no|on|off|y|n|null|~)$/i;
const NUMBER_LIKE = /^[-+.]?\d|^0x|^\.(inf|nan)$/i;

/** True when YAML reads `s` back as the same string without quotes. */
export function plainSafe(s: string): boolean {
  const bare = s.split(PH_START).join('').split(PH_END).join('');
  if (!bare || RESERVED.test(bare) || NUMBER_LIKE.test(bare)) return false;
  if (/^[-?:,[\]{}#&*!|>'"%@`\s]/.test(bare) || /\s$/.test(bare)) return false;
  return !/: |:$| #|[\t\n]/.test(bare) && !/[[\]{},]/.test(bare);
}

export function yamlString(s: string, style: TextStyle, needsPlainCheck = true): string {
  if (!style.quoteAll && needsPlainCheck && plainSafe(s)) return s;
  if (style.quote === "'") return `'${s.replace(/'/g, "''")}'`;
  return JSON.stringify(s).replace(/\\u0001/g, PH_START).replace(/\\u0002/g, PH_END);
}

export function yamlKey(k: string, style: TextStyle): string {
  return plainSafe(k) ? k : yamlString(k, { ...style, quoteAll: false });
}

/** YAML text of a scalar or tag value on one line, or undefined for a collection. */
function yamlInline(v: FixValue, style: TextStyle): string | undefined {
  if (v.t === 'str') return yamlString(v.v, style);
  if (v.t === 'sub') return style.shortTags ? `!Sub ${yamlString(v.v, style)}` : undefined;
  if (v.t === 'ref') return style.shortTags ? `!Ref ${v.v}` : undefined;
  return undefined;
}

/** `key: value` lines in block style; `indent` is the key's indentation. No trailing newline. */
export function yamlEntry(key: string, v: FixValue, indent: string, style: TextStyle): string {
  const inline = yamlInline(v, style);
  const k = `${indent}${yamlKey(key, style)}:`;
  if (inline !== undefined) return `${k} ${inline}`;
  return `${k}${style.eol}${yamlBlock(v, indent + style.unit, style, indent)}`;
}

/** A collection (or long-form intrinsic) in block style at `indent`. `keyIndent` sets flush sequences. */
export function yamlBlock(v: FixValue, indent: string, style: TextStyle, keyIndent = indent): string {
  if (v.t === 'sub') return yamlEntry('Fn::Sub', str(v.v), indent, style);
  if (v.t === 'ref') return yamlEntry('Ref', str(v.v), indent, style);
  if (v.t === 'map') return v.entries.map(([k, x]) => yamlEntry(k, x, indent, style)).join(style.eol);
  if (v.t === 'seq') {
    const dash = style.seqIndented ? indent : keyIndent;
    return v.items.map((x) => yamlItem(x, dash, style)).join(style.eol);
  }
  return `${indent}${yamlString(v.v, style)}`;
}

/** One `- item` of a block sequence whose dash is at `dash`. */
export function yamlItem(v: FixValue, dash: string, style: TextStyle): string {
  const inline = yamlInline(v, style);
  if (inline !== undefined) return `${dash}- ${inline}`;
  const inner = yamlBlock(v, `${dash}  `, style);
  return `${dash}- ${inner.slice(dash.length + 2)}`;
}

/** Flow-style YAML (`{ a: b }`, `[a, b]`), for flow collections. */
export function yamlFlow(v: FixValue, style: TextStyle): string {
  if (v.t === 'map') return `{ ${v.entries.map(([k, x]) => `${yamlKey(k, style)}: ${yamlFlow(x, style)}`).join(', ')} }`;
  if (v.t === 'seq') return `[${v.items.map((x) => yamlFlow(x, style)).join(', ')}]`;
  if (v.t === 'sub') return style.shortTags ? `!Sub ${yamlString(v.v, style)}` : `{ 'Fn::Sub': ${yamlString(v.v, style)} }`;
  if (v.t === 'ref') return style.shortTags ? `!Ref ${v.v}` : `{ Ref: ${v.v} }`;
  return yamlString(v.v, style);
}

/** JSON text; nested levels start at `indent` + one unit. Markers survive JSON.stringify escaping. */
export function jsonValue(v: FixValue, indent: string, style: TextStyle): string {
  const s = (x: string): string => JSON.stringify(x).replace(/\\u0001/g, PH_START).replace(/\\u0002/g, PH_END);
  const inner = indent + style.unit;
  if (v.t === 'str') return s(v.v);
  if (v.t === 'sub') return `{ "Fn::Sub": ${s(v.v)} }`;
  if (v.t === 'ref') return `{ "Ref": ${s(v.v)} }`;
  if (v.t === 'map') {
    if (v.entries.length === 0) return '{}';
    return `{${style.eol}${v.entries.map(([k, x]) => `${inner}${s(k)}: ${jsonValue(x, inner, style)}`).join(`,${style.eol}`)}${style.eol}${indent}}`;
  }
  if (v.items.length === 0) return '[]';
  return `[${style.eol}${v.items.map((x) => `${inner}${jsonValue(x, inner, style)}`).join(`,${style.eol}`)}${style.eol}${indent}]`;
}
