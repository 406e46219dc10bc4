import * as path from 'node:path';
import type { SourceRange } from '../../model/sourceRange';
import { collapseNamedHoles, HOLE } from '../../model/value';
import { parseJson } from '../tree/parseJson';
import { parseYaml } from '../tree/parseYaml';
import { get, type TNode } from '../tree/tnode';

// Serverless Framework variables (`${source:address, fallback}`), resolved where the file itself decides
// the value: `self:` references into the same file, `sls:stage`, `file(...)` siblings that can be read,
// and literal fallbacks (`${opt:stage, 'dev'}` is 'dev': what a deploy without options gets). Everything
// that depends on the deploy (options, environment, SSM, CloudFormation outputs, S3, the AWS account) is
// unknown — a hole, named in messages by the variable as written, never a wildcard.

/** Sources Serverless resolves itself; any other `name:` is a plugin's source (unknown here). */
const FIRST_PART = /^\s*(?:'[^']*'|"[^"]*"|[a-zA-Z][\w-]*(?:\([^)]*\))?(?::|\s*$|\s*,))/;
const MAX_DEPTH = 12;
const MAX_INCLUDES = 20;
/** Longest resolved string: `${self:x}${self:x}` nested twelve deep must not build megabytes. */
const MAX_TEXT = 65_536;

export type Resolved = { kind: 'text'; text: string; holes: string[] } | { kind: 'node'; node: TNode };

interface VarSpan {
  start: number;
  end: number;
  content: string;
}

/** `${…}` spans at the top level of a string, nested ones inside; `${AWS::Region}` and `${Param}` are CloudFormation's. */
export function findVariables(s: string): VarSpan[] {
  const out: VarSpan[] = [];
  let i = s.indexOf('${');
  while (i >= 0) {
    let depth = 0;
    let j = i;
    for (; j < s.length; j++) {
      if (s.startsWith('${', j)) {
        depth++;
        j++;
      } else if (s[j] === '}' && --depth === 0) break;
    }
    if (depth !== 0) break;
    const content = s.slice(i + 2, j);
    if (!/^\s*AWS::/.test(content) && FIRST_PART.test(content) && /[:'"(]/.test(content)) out.push({ start: i, end: j + 1, content });
    i = s.indexOf('${', j + 1);
  }
  return out;
}

/** Splits `a, b(c, d), 'e, f'` at top-level commas. */
function splitTop(s: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = '';
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '(' || (c === '$' && s[i + 1] === '{')) depth++;
    else if ((c === ')' || c === '}') && depth > 0) depth--;
    else if (c === ',' && depth === 0) {
      parts.push(cur);
      cur = '';
      continue;
    }
    cur += c;
  }
  parts.push(cur);
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

function atRange(n: TNode, range: SourceRange): TNode {
  if (n.kind === 'scalar') return { ...n, range };
  if (n.kind === 'seq') return { ...n, range, items: n.items.map((i) => atRange(i, range)) };
  if (n.kind === 'fn') return { ...n, range, arg: atRange(n.arg, range) };
  return { ...n, range, entries: n.entries.map((e) => ({ ...e, keyRange: range, range, value: atRange(e.value, range) })) };
}

function lookup(node: TNode | undefined, address: string): TNode | undefined {
  let n = node;
  for (const seg of address.split('.').filter((x) => x !== '')) {
    if (!n) return undefined;
    n = n.kind === 'seq' && /^\d+$/.test(seg) ? n.items[Number(seg)] : get(n, seg);
  }
  return n;
}

export class SlsResolver {
  private includes = 0;
  private readonly files = new Map<string, TNode | undefined>();

  constructor(
    private readonly root: TNode,
    private readonly file: string,
    private readonly readSibling?: (p: string) => string | undefined,
  ) {}

  /** The stage a deploy without options gets: `provider.stage` when the file fixes it, else Serverless's default `dev`. */
  stage(depth = 0): string {
    const r = this.scalar(get(get(this.root, 'provider'), 'stage'), depth + 1);
    return r && !r.text.includes(HOLE) ? r.text : 'dev';
  }

  /** A scalar value's text after resolution, or undefined when absent or not a scalar. */
  scalar(n: TNode | undefined, depth = 0): { text: string; holes: string[] } | undefined {
    if (!n || n.kind !== 'scalar' || n.value === null) return undefined;
    if (typeof n.value !== 'string') return { text: String(n.value), holes: [] };
    const r = this.string(n.value, n.range, depth);
    return r.kind === 'text' ? r : r.node.kind === 'scalar' ? this.scalar(r.node, depth + 1) : undefined;
  }

  /** Resolves the variables of one string; a string that is a single variable may stand for a map or a list. */
  string(s: string, at: SourceRange, depth = 0): Resolved {
    const vars = findVariables(s);
    if (vars.length === 0) return { kind: 'text', text: s, holes: [] };
    const unknown = (v: VarSpan): { text: string; holes: string[] } => ({ text: HOLE, holes: [s.slice(v.start, v.end)] });
    if (vars.length === 1 && vars[0].start === 0 && vars[0].end === s.length) {
      const r = depth < MAX_DEPTH ? this.variable(vars[0].content, at, depth + 1) : undefined;
      return r ?? { kind: 'text', ...unknown(vars[0]) };
    }
    let text = '';
    const holes: string[] = [];
    let last = 0;
    for (const v of vars) {
      text += s.slice(last, v.start);
      last = v.end;
      const r = depth < MAX_DEPTH ? this.variable(v.content, at, depth + 1) : undefined;
      const part = r?.kind === 'text' ? r : r?.kind === 'node' ? this.scalar(r.node, depth + 1) : undefined;
      const use = part ?? unknown(v);
      text += use.text;
      holes.push(...use.holes);
    }
    text += s.slice(last);
    if (text.length > MAX_TEXT) return { kind: 'text', text: HOLE, holes: [s.length > 80 ? `${s.slice(0, 77)}…` : s] };
    const collapsed = collapseNamedHoles(text, holes);
    return { kind: 'text', text: collapsed.text, holes: collapsed.holes ?? [] };
  }

  /** The first part of `a, b, 'c'` that resolves; undefined when none does. */
  private variable(content: string, at: SourceRange, depth: number): Resolved | undefined {
    for (const raw of splitTop(content)) {
      const inner = this.string(raw, at, depth);
      if (inner.kind !== 'text' || inner.text.includes(HOLE)) continue;
      const r = this.part(inner.text.trim(), at, depth);
      if (r) return r;
    }
    return undefined;
  }

  private part(p: string, at: SourceRange, depth: number): Resolved | undefined {
    const quoted = /^'([^']*)'$|^"([^"]*)"$/.exec(p);
    if (quoted) return { kind: 'text', text: quoted[1] ?? quoted[2], holes: [] };
    const m = /^([a-zA-Z][\w-]*)(?:\(([^)]*)\))?(?::(.*))?$/s.exec(p);
    if (!m) return /^-?\d+(\.\d+)?$/.test(p) ? { kind: 'text', text: p, holes: [] } : undefined;
    const [, source, param, address] = m;
    // A bare word is a literal fallback (`${opt:stage, dev}`, `${self:custom.flag, true}`).
    if (address === undefined && param === undefined) return { kind: 'text', text: source, holes: [] };
    if (source === 'self') return this.node(lookup(this.root, address ?? ''), depth);
    if (source === 'sls' && address === 'stage') return { kind: 'text', text: this.stage(depth), holes: [] };
    if (source === 'file' && param !== undefined) return this.include(param.trim().replace(/^['"]|['"]$/g, ''), address, at, depth);
    return undefined;
  }

  private node(n: TNode | undefined, depth: number): Resolved | undefined {
    if (!n) return undefined;
    if (n.kind !== 'scalar') return { kind: 'node', node: n };
    if (n.value === null) return undefined;
    return typeof n.value === 'string' ? this.string(n.value, n.range, depth) : { kind: 'text', text: String(n.value), holes: [] };
  }

  /** `${file(./config.yml):key}`: a YAML or JSON sibling; its nodes take the variable's range (they are not in this file). */
  private include(rel: string, address: string | undefined, at: SourceRange, depth: number): Resolved | undefined {
    if (!this.readSibling || !/\.(ya?ml|json)$/i.test(rel) || rel.includes(HOLE)) return undefined;
    const target = path.join(path.dirname(this.file), rel);
    if (!this.files.has(target)) {
      if (++this.includes > MAX_INCLUDES) return undefined;
      const text = this.readSibling(target);
      const parsed = text === undefined ? undefined : /\.json$/i.test(rel) ? parseJson(text, target) : parseYaml(text, target);
      this.files.set(target, parsed && parsed.errors.length === 0 ? parsed.root : undefined);
    }
    const found = lookup(this.files.get(target), address ?? '');
    return found ? this.node(atRange(found, at), depth) : undefined;
  }
}
