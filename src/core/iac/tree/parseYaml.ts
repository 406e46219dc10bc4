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

/** Parses YAML into a TNode tree; errors carry their line. Never throws. */
export function parseYaml(text: string, file: string): ParsedTree {
  const lines = new LineIndex(text);
  let doc: Document;
  try {
    doc = parseDocument(text, { customTags: CUSTOM_TAGS, prettyErrors: false});
  } catch (e) {
    return { errors: [{ file, line: 1, message: limitMessage(e) }], lines };
  }
  const errors: ScanError[] = doc.errors.map((e) => {
    const p = lines.pos(e.pos[0]);
    return { file, line: p.line, column: p.col, message: `YAML: ${firstLine(e.message)}` };
  });
  if (errors.length > 0) return { errors, lines };
  try {
    const conv = new Converter(doc, lines, text);
    return { root: doc.contents ? conv.node(doc.contents as YNode, 0) : undefined, errors, lines };
  } catch (e) {
    return { errors: [{ file, line: 1, message: limitMessage(e) }], lines };
  }
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

  constructor(
    private readonly doc: Document,
    private readonly lines: LineIndex,
    private readonly text: string,
  ) {}

  /** Node range without the trailing line breaks YAML counts into block collections. */
  private rangeOf(n: YNode): TNode['range'] {
    const start = n.range?.[0] ?? 0;
    let end = n.range?.[1] ?? start;
    while (end > start && /\s/.test(this.text[end - 1])) end--;
    return this.lines.range(start, end);
  }

  node(n: YNode, depth: number): TNode {
    if (++this.nodes > LIMITS.maxNodes) throw new InputLimitError(`the document expands to more than ${LIMITS.maxNodes} nodes (alias bomb?)`);
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

  /** The entries a merge key brings: a map (usually an alias) or a sequence of them, in order. */
  private mergeSources(v: YNode, depth: number): TEntry[] {
    const sources = isSeq(v) ? (v.items as YNode[]) : [v];
    const out: TEntry[] = [];
    for (const src of sources) {
      const t = this.node(src, depth + 1);
      if (t.kind !== 'map') continue;
      for (const e of t.entries) if (!out.some((o) => o.key === e.key)) out.push(e);
    }
    return out;
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
      const merged: TEntry[] = [];
      for (const p of n.items) {
        if (!isPair(p)) continue;
        const k = p.key as YNode | null;
        const key = k && isScalar(k) ? String(k.value) : String(k ?? '');
        if (key === '<<' && k && isScalar(k) && k.type === 'PLAIN' && p.value) {
          merged.push(...this.mergeSources(p.value as YNode, depth));
          continue;
        }
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
      for (const m of merged) if (!entries.some((e) => e.key === m.key)) entries.push(m);
      if (entries.length === 1 && (isIntrinsicKey(entries[0].key) || (entries[0].key === 'Condition' && entries[0].value.kind === 'scalar'))) {
        return { kind: 'fn', name: entries[0].key, arg: entries[0].value, range };
      }
      return { kind: 'map', entries, range };
    }
    return { kind: 'scalar', value: null, range };
  }
}
