import { Alias, Document, isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Node as YNode, type Tags } from 'yaml';
import type { ScanError } from '../../model/finding';
import { InputLimitError, LIMITS } from './limits';
import { LineIndex } from './lineIndex';
import { isIntrinsicKey, type TEntry, type TNode } from './tnode';

/** Every CloudFormation short-form tag; each may be written on a scalar, a sequence or a mapping. */
const SHORT_TAGS = [
  'Ref', 'Condition', 'GetAtt', 'Sub', 'Join', 'If', 'Select', 'Split', 'FindInMap', 'ImportValue', 'Equals',
  'And', 'Or', 'Not', 'GetAZs', 'Cidr', 'Base64', 'Transform', 'Length', 'ToJsonString',
];

const CUSTOM_TAGS: Tags = SHORT_TAGS.flatMap((name) => [
  { tag: `!${name}`, resolve: (s: string) => s },
  { tag: `!${name}`, collection: 'seq' as const, resolve: (v: unknown) => v },
  { tag: `!${name}`, collection: 'map' as const, resolve: (v: unknown) => v },
]) as unknown as Tags;

function longName(tag: string): string | undefined {
  const name = tag.slice(1);
  if (!SHORT_TAGS.includes(name)) return undefined;
  return name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`;
}

export interface ParsedTree {
  root?: TNode;
  errors: ScanError[];
  lines: LineIndex;
}

/**
 * Parses YAML into a TNode tree; errors carry their line. Never throws. Linear in the size of the text:
 * the YAML library's own duplicate-key check compares every key with every other one of its map (20,000
 * keys took seconds), so it is off and the converter checks keys with a set instead.
 */
export function parseYaml(text: string, file: string): ParsedTree {
  const lines = new LineIndex(text);
  let doc: Document;
  try {
    doc = parseDocument(text, { customTags: CUSTOM_TAGS, prettyErrors: false, uniqueKeys: false });
  } catch (e) {
    return { errors: [{ file, line: 1, message: limitMessage(e) }], lines };
  }
  if (doc.errors.length > 0) {
    return { errors: capErrors(doc.errors.map((e) => ({ offset: e.pos[0], message: e.message })), lines, file), lines };
  }
  try {
    const conv = new Converter(doc, lines, text);
    const root = doc.contents ? conv.node(doc.contents as YNode, 0) : undefined;
    if (conv.duplicates.length) return { errors: capErrors(conv.duplicates, lines, file), lines };
    return { root, errors: [], lines };
  } catch (e) {
    return { errors: [{ file, line: 1, message: limitMessage(e) }], lines };
  }
}

/** The first LIMITS.maxErrorsPerFile errors with their lines, then one entry counting the rest. */
function capErrors(raw: { offset: number; message: string }[], lines: LineIndex, file: string): ScanError[] {
  const errors: ScanError[] = [];
  for (const e of raw.slice(0, LIMITS.maxErrorsPerFile)) {
    const p = lines.pos(e.offset);
    errors.push({ file, line: p.line, column: p.col, message: `YAML: ${firstLine(e.message)}` });
  }
  const more = raw.length - errors.length;
  if (more > 0) {
    const p = lines.pos(raw[errors.length].offset);
    errors.push({ file, line: p.line, column: p.col, message: `YAML: ${more} more error${more === 1 ? '' : 's'} not listed` });
  }
  return errors;
}

function firstLine(s: string): string {
  return s.split('\n')[0];
}

export function limitMessage(e: unknown): string {
  if (e instanceof InputLimitError) return e.message;
  if (e instanceof RangeError) return 'the document is nested too deeply to analyse';
  return `cannot parse: ${(e as Error)?.message ?? String(e)}`;
}

class Converter {
  private nodes = 0;
  private aliases = 0;
  /** Written nodes are bounded by the text; only what aliases add counts against LIMITS.maxNodes. */
  private readonly maxNodes: number;
  /** Maps already checked for duplicate keys (an anchored map is converted once per alias). */
  private readonly checked = new WeakSet<object>();
  /** Duplicate keys found, in document order; the parse fails with them as the YAML library would. */
  readonly duplicates: { offset: number; message: string }[] = [];

  constructor(
    private readonly doc: Document,
    private readonly lines: LineIndex,
    private readonly text: string,
  ) {
    this.maxNodes = LIMITS.maxNodes + text.length;
  }

  /** Node range without the trailing line breaks YAML counts into block collections. */
  private rangeOf(n: YNode): TNode['range'] {
    const start = n.range?.[0] ?? 0;
    let end = n.range?.[1] ?? start;
    while (end > start && /\s/.test(this.text[end - 1])) end--;
    return this.lines.range(start, end);
  }

  node(n: YNode, depth: number): TNode {
    if (++this.nodes > this.maxNodes) throw new InputLimitError(`the document expands to more than ${this.maxNodes} nodes (alias bomb?)`);
    if (depth > LIMITS.maxDepth) throw new InputLimitError(`the document is nested deeper than ${LIMITS.maxDepth} levels`);
    if (isAlias(n)) return this.alias(n, depth);
    const range = this.rangeOf(n);
    const plain = this.plain(n, depth, range);
    const name = n.tag ? longName(n.tag) : undefined;
    return name ? { kind: 'fn', name, arg: plain, range: this.withTag(n, range) } : plain;
  }

  /**
   * A tagged collection (`Resource: !Sub` with its list on the next lines) starts at its tag, so a
   * finding on it lands on the line the user wrote the intrinsic on.
   */
  private withTag(n: YNode, range: TNode['range']): TNode['range'] {
    if (isScalar(n)) return range;
    const start = n.range?.[0] ?? 0;
    const before = this.text.slice(Math.max(0, start - 256), start);
    const m = /!([A-Za-z]+)(?:[ \t]+&[^\s]+)?[ \t]*(?:#[^\n]*)?\s*$/.exec(before);
    if (!m || `!${m[1]}` !== n.tag) return range;
    const tagAt = this.lines.pos(start - before.length + m.index);
    return { ...range, startLine: tagAt.line, startColumn: tagAt.col };
  }

  private alias(a: Alias, depth: number): TNode {
    if (++this.aliases > LIMITS.maxAliases) throw new InputLimitError(`the document uses more than ${LIMITS.maxAliases} aliases (alias bomb?)`);
    const target = a.resolve(this.doc);
    if (!target) {
      return { kind: 'scalar', value: null, range: this.lines.range(a.range?.[0] ?? 0, a.range?.[1] ?? 0) };
    }
    return this.node(target as YNode, depth + 1);
  }

  /**
   * The entries a merge key brings: a map (usually an alias) or a sequence of them, in order; the first
   * source that has a key wins. Every source is converted through node(), so merged nodes count against
   * the same budget as aliases.
   */
  private mergeSources(v: YNode, depth: number, into: TEntry[], keys: Set<string>): void {
    const sources = isSeq(v) ? (v.items as YNode[]) : [v];
    for (const src of sources) {
      const t = this.node(src, depth + 1);
      if (t.kind !== 'map') continue;
      for (const e of t.entries) {
        if (keys.has(e.key)) continue;
        keys.add(e.key);
        into.push(e);
      }
    }
  }

  private plain(n: YNode, depth: number, range: TNode['range']): TNode {
    if (isScalar(n)) {
      const v = n.value;
      const value = v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : String(v);
      return { kind: 'scalar', value, range };
    }
    if (isSeq(n)) return { kind: 'seq', items: n.items.map((i) => this.node(i as YNode, depth + 1)), range };
    if (isMap(n)) {
      const entries: TEntry[] = [];
      const own = new Set<string>();
      const merged: TEntry[] = [];
      const mergedKeys = new Set<string>();
      const firstVisit = !this.checked.has(n);
      this.checked.add(n);
      for (const p of n.items) {
        if (!isPair(p)) continue;
        const k = p.key as YNode | null;
        const key = k && isScalar(k) ? String(k.value) : String(k ?? '');
        if (key === '<<' && k && isScalar(k) && k.type === 'PLAIN' && p.value) {
          this.mergeSources(p.value as YNode, depth, merged, mergedKeys);
          continue;
        }
        if (own.has(key)) {
          if (firstVisit) this.duplicates.push({ offset: k?.range?.[0] ?? n.range?.[0] ?? 0, message: 'Map keys must be unique' });
          continue;
        }
        own.add(key);
        const keyRange = k ? this.rangeOf(k) : this.lines.range(0, 0);
        const value: TNode = p.value
          ? this.node(p.value as YNode, depth + 1)
          : { kind: 'scalar', value: null, range: keyRange };
        const end = p.value ? value.range : keyRange;
        entries.push({
          key,
          keyRange,
          value,
          range: { startLine: keyRange.startLine, startColumn: keyRange.startColumn, endLine: end.endLine, endColumn: end.endColumn },
        });
      }
      // `<<: *defaults` (YAML merge key, as SAM CLI and most YAML tools apply it): keys written here win,
      // then the first source that has the key; merged entries keep the ranges of the anchored text.
      for (const m of merged) if (!own.has(m.key)) entries.push(m);
      if (entries.length === 1 && (isIntrinsicKey(entries[0].key) || (entries[0].key === 'Condition' && entries[0].value.kind === 'scalar'))) {
        return { kind: 'fn', name: entries[0].key, arg: entries[0].value, range };
      }
      return { kind: 'map', entries, range };
    }
    return { kind: 'scalar', value: null, range };
  }
}
