import type { TNode } from '../iac/tree/tnode';
import type { FixDocument } from './fixDocument';
import { jsonValue, yamlEntry, yamlFlow, yamlItem, yamlKey, type FixValue } from './fixValue';

/** An insertion or replacement whose text may hold a marked placeholder. */
export interface MarkedEdit {
  start: number;
  end: number;
  text: string;
}

/** End of the line holding the last non-blank character before `offset`: where a new line goes. */
function afterContent(doc: FixDocument, offset: number): number {
  let p = offset - 1;
  while (p > 0 && /\s/.test(doc.text[p])) p--;
  const nl = doc.text.indexOf('\n', p);
  if (nl < 0) return doc.text.length;
  return doc.text[nl - 1] === '\r' ? nl - 1 : nl;
}

/** True when the first child of a JSON collection starts its own line (multi-line layout). */
function multiLine(doc: FixDocument, first: TNode | { range: TNode['range'] }): boolean {
  const s = doc.start(first.range);
  return doc.text.slice(doc.text.lastIndexOf('\n', s - 1) + 1, s).trim() === '';
}

function oneLine(s: string): string {
  return s.replace(/\r?\n[ \t]*/g, ' ');
}

/** Inserts `key: value` as the last entry of a map, in the map's own layout. */
export function insertEntry(doc: FixDocument, m: TNode, key: string, value: FixValue): MarkedEdit | undefined {
  if (m.kind !== 'map') return undefined;
  const last = m.entries[m.entries.length - 1];
  const { style } = doc;
  if (doc.json) {
    const k = JSON.stringify(key);
    if (!last) {
      const open = doc.start(m.range) + 1;
      const ind = doc.lineIndent(open);
      return { start: open, end: open, text: `${style.eol}${ind}${style.unit}${k}: ${jsonValue(value, ind + style.unit, style)}${style.eol}${ind}` };
    }
    const at = doc.end(last.range);
    if (!multiLine(doc, { range: m.entries[0].keyRange })) return { start: at, end: at, text: `, ${k}: ${oneLine(jsonValue(value, '', style))}` };
    const ind = doc.lineIndent(doc.start(m.entries[0].keyRange));
    return { start: at, end: at, text: `,${style.eol}${ind}${k}: ${jsonValue(value, ind, style)}` };
  }
  if (doc.isFlow(m)) {
    const entry = `${yamlKey(key, style)}: ${yamlFlow(value, style)}`;
    if (!last) {
      const open = doc.start(m.range) + 1;
      return { start: open, end: open, text: ` ${entry} ` };
    }
    const at = doc.end(last.range);
    return { start: at, end: at, text: `, ${entry}` };
  }
  if (!last) return undefined;
  const indent = ' '.repeat(m.entries[0].keyRange.startColumn - 1);
  const at = afterContent(doc, doc.end(last.range));
  return { start: at, end: at, text: `${style.eol}${yamlEntry(key, value, indent, style)}` };
}

/** Appends an item to a sequence, in the sequence's own layout. */
export function appendItem(doc: FixDocument, s: TNode, value: FixValue): MarkedEdit | undefined {
  if (s.kind !== 'seq' || s.items.length === 0) return undefined;
  const last = s.items[s.items.length - 1];
  const { style } = doc;
  const at = doc.end(last.range);
  if (doc.json) {
    if (!multiLine(doc, s.items[0])) return { start: at, end: at, text: `, ${oneLine(jsonValue(value, '', style))}` };
    const ind = doc.lineIndent(doc.start(s.items[0].range));
    return { start: at, end: at, text: `,${style.eol}${ind}${jsonValue(value, ind, style)}` };
  }
  if (doc.isFlow(s)) return { start: at, end: at, text: `, ${yamlFlow(value, style)}` };
  const dash = dashIndent(doc, s.items[0]);
  if (dash === undefined) return undefined;
  const pos = afterContent(doc, doc.end(last.range));
  return { start: pos, end: pos, text: `${style.eol}${yamlItem(value, dash, style)}` };
}

/** Indentation of the `- ` before a block sequence item, when the dash starts its line. */
export function dashIndent(doc: FixDocument, item: TNode): string | undefined {
  const s = doc.start(item.range);
  const ls = doc.text.lastIndexOf('\n', s - 1) + 1;
  const m = /^([ ]*)-[ ]+/.exec(doc.text.slice(ls, s));
  return m && m[0].length === s - ls ? m[1] : undefined;
}
