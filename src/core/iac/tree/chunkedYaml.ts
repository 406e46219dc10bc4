import type { ScanError } from '../../model/finding';
import { LineIndex } from './lineIndex';
import { parseYaml, type ParsedTree } from './parseYaml';
import { shiftTree } from './shiftTree';
import type { TEntry, TNode } from './tnode';

/**
 * The editor path: a template is cut into its top-level sections and, under `Resources:`, one chunk per
 * resource; each chunk is parsed on its own and cached by its text. After a one-line edit only the
 * edited chunk is parsed again. Templates this cannot cut safely (anchors, flow style at the top,
 * odd top-level lines) fall back to a whole parse, so the result is always the same tree.
 */
const cache = new Map<string, { root?: TNode; errors: ScanError[]; at: number }>();
const CACHE_LIMIT = 20_000;

const TOP_KEY = /^([A-Za-z_][\w-]*)\s*:(.*)$/;

export function parseYamlChunked(text: string, file: string): ParsedTree {
  const cut = cutChunks(text);
  if (!cut) return parseYaml(text, file);
  const errors: ScanError[] = [];
  const parse = (start: number, end: number, srcLines: string[]): TNode | undefined => {
    const chunk = srcLines.slice(start, end).join('\n');
    let hit = cache.get(chunk);
    if (!hit) {
      const r = parseYaml(chunk, file);
      hit = { root: r.root ? shiftTree(r.root, start) : undefined, errors: r.errors, at: start };
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(chunk, hit);
    }
    for (const e of hit.errors) errors.push({ ...e, line: (e.line ?? 1) + start });
    // Typing rarely changes line counts, so most chunks are re-used where they were, without a copy.
    return hit.root ? shiftTree(hit.root, start - hit.at) : undefined;
  };
  const src = text.split('\n');
  const entries: TEntry[] = [];
  for (const sec of cut) {
    if (sec.resources) {
      const res: TEntry[] = [];
      for (const [a, b] of sec.resources) {
        const t = parse(a, b, src);
        if (t && t.kind === 'map') for (const e of t.entries) res.push(e);
        else if (t) return parseYaml(text, file);
      }
      const keyRange = { startLine: sec.start + 1, startColumn: 1, endLine: sec.start + 1, endColumn: sec.key.length + 1 };
      const last = res[res.length - 1]?.range ?? keyRange;
      const valueRange = { startLine: res[0]?.range.startLine ?? keyRange.startLine, startColumn: res[0]?.range.startColumn ?? 1, endLine: last.endLine, endColumn: last.endColumn };
      entries.push({ key: sec.key, keyRange, value: { kind: 'map', entries: res, range: valueRange }, range: { ...keyRange, endLine: last.endLine, endColumn: last.endColumn } });
    } else {
      const t = parse(sec.start, sec.end, src);
      if (t && t.kind === 'map') for (const e of t.entries) entries.push(e);
      else if (t || errors.length === 0) return parseYaml(text, file);
    }
  }
  // Chunks are parsed apart, so a key repeated across them is caught here, as a whole parse would.
  if (!errors.length) {
    const dup = firstDuplicate(entries) ?? firstDuplicate(entries.find((e) => e.key === 'Resources' && e.value.kind === 'map')?.value);
    if (dup) errors.push({ file, line: dup.keyRange.startLine, column: dup.keyRange.startColumn, message: 'YAML: Map keys must be unique' });
  }
  if (errors.length) return { errors, lines: new LineIndex(text) };
  if (entries.length === 0) return parseYaml(text, file);
  const first = entries[0].range;
  const last = entries[entries.length - 1].range;
  return { root: { kind: 'map', entries, range: { startLine: first.startLine, startColumn: first.startColumn, endLine: last.endLine, endColumn: last.endColumn } }, errors, lines: new LineIndex('') };
}

/** The first entry whose key an earlier entry already has. */
function firstDuplicate(map: TEntry[] | TNode | undefined): TEntry | undefined {
  const entries = Array.isArray(map) ? map : map?.kind === 'map' ? map.entries : [];
  const seen = new Set<string>();
  for (const e of entries) {
    if (seen.has(e.key)) return e;
    seen.add(e.key);
  }
  return undefined;
}

interface Section {
  key: string;
  start: number;
  end: number;
  /** For `Resources:` in block style: [start, end) line indices of each resource. */
  resources?: [number, number][];
}

/** Cuts the text into sections; undefined when it is not plain block-style YAML we can cut safely. */
function cutChunks(text: string): Section[] | undefined {
  if (/(^|[\s[{,])&[\w-]+/m.test(text) || text.includes('\t')) return undefined;
  const src = text.split('\n');
  const sections: Section[] = [];
  for (let i = 0; i < src.length; i++) {
    const l = src[i];
    if (l === '' || l.startsWith(' ') || l.startsWith('#')) continue;
    if (l.startsWith('---') && i === 0) continue;
    const m = TOP_KEY.exec(l);
    if (!m) return undefined;
    if (sections.length) sections[sections.length - 1].end = i;
    sections.push({ key: m[1], start: i, end: src.length });
  }
  for (const s of sections) {
    if (s.key !== 'Resources') continue;
    const rest = src[s.start].slice(src[s.start].indexOf(':') + 1).trim();
    if (rest !== '' && !rest.startsWith('#')) return sections.map((x) => (x === s ? { ...x } : x));
    let indent = -1;
    const starts: number[] = [];
    for (let i = s.start + 1; i < s.end; i++) {
      const l = src[i];
      const t = l.trimStart();
      if (t === '' || t.startsWith('#')) continue;
      const ind = l.length - t.length;
      if (indent < 0) indent = ind;
      if (ind < indent) return undefined;
      if (ind === indent) {
        if (t.startsWith('-') || t.startsWith('?')) return undefined;
        starts.push(i);
      }
    }
    if (starts.length === 0) continue;
    s.resources = starts.map((a, k) => [a, k + 1 < starts.length ? starts[k + 1] : s.end]);
  }
  return sections;
}
