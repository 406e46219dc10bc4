import { isJsonFile } from '../iac/cloudformation/loadTemplate';
import { LineIndex } from '../iac/tree/lineIndex';
import { parseJson } from '../iac/tree/parseJson';
import { parseYaml } from '../iac/tree/parseYaml';
import type { TEntry, TNode } from '../iac/tree/tnode';
import type { SourceRange } from '../model/sourceRange';
import { detectStyle, type TextStyle } from './textStyle';

/** A step on the way from the root to a position: the node and the map entry that led to it. */
export interface PathStep {
  node: TNode;
  via?: TEntry;
}

/** A template parsed for editing: its tree with ranges, and the conventions of the file's text. */
export class FixDocument {
  readonly lines: LineIndex;
  readonly style: TextStyle;

  private constructor(
    readonly text: string,
    readonly json: boolean,
    readonly root: TNode,
  ) {
    this.lines = new LineIndex(text);
    this.style = detectStyle(text, json);
  }

  /** Parses a YAML or JSON template; undefined for CDK sources or text that does not parse. */
  static parse(text: string, file: string): FixDocument | undefined {
    if (/\.(ts|mts|cts|tsx)$/i.test(file)) return undefined;
    const json = isJsonFile(file, text);
    const parsed = json ? parseJson(text, file) : parseYaml(text, file);
    return parsed.root && parsed.errors.length === 0 ? new FixDocument(text, json, parsed.root) : undefined;
  }

  offset(line: number, col: number): number {
    return this.lines.lineStart(line) + col - 1;
  }

  start(r: SourceRange): number {
    return this.offset(r.startLine, r.startColumn);
  }

  end(r: SourceRange): number {
    return this.offset(r.endLine, r.endColumn);
  }

  /** The source text of a node. */
  slice(r: SourceRange): string {
    return this.text.slice(this.start(r), this.end(r));
  }

  /** Leading whitespace of the line holding `offset`. */
  lineIndent(offset: number): string {
    const ls = this.text.lastIndexOf('\n', offset - 1) + 1;
    return /^[ \t]*/.exec(this.text.slice(ls))![0];
  }

  /** True when a collection is written in flow style (`{…}` / `[…]`), as JSON always is. */
  isFlow(n: TNode): boolean {
    const c = this.text[this.start(n.range)];
    return c === '{' || c === '[';
  }

  /** Root-to-leaf path of the nodes whose range holds the start of `r`. */
  pathTo(r: SourceRange): PathStep[] {
    const off = this.start(r);
    const within = (x: SourceRange): boolean => this.start(x) <= off && off < Math.max(this.end(x), this.start(x) + 1);
    const path: PathStep[] = [{ node: this.root }];
    for (;;) {
      const n = path[path.length - 1].node;
      let next: PathStep | undefined;
      if (n.kind === 'map') {
        const e = n.entries.find((x) => within(x.range));
        if (e && within(e.value.range)) next = { node: e.value, via: e };
      } else if (n.kind === 'seq') {
        const i = n.items.find((x) => within(x.range));
        if (i) next = { node: i };
      } else if (n.kind === 'fn' && within(n.arg.range)) next = { node: n.arg };
      if (!next) return path;
      path.push(next);
    }
  }

  /** The `Resources` map (in a Serverless Framework service, `resources.Resources`). */
  resources(): TNode | undefined {
    const top = (n: TNode | undefined, key: string): TNode | undefined => (n?.kind === 'map' ? n.entries.find((e) => e.key === key)?.value : undefined);
    return top(this.root, 'Resources') ?? top(top(this.root, 'resources'), 'Resources');
  }

  /** The resource map `Resources.<logicalId>`. */
  resource(logicalId: string): TNode | undefined {
    const resources = this.resources();
    return resources?.kind === 'map' ? resources.entries.find((e) => e.key === logicalId)?.value : undefined;
  }
}

/** The innermost map on the path holding one of `keys` (case-insensitive): a statement, a resource… */
export function innermostMapWith(path: PathStep[], keys: string[]): TNode | undefined {
  const want = keys.map((k) => k.toLowerCase());
  for (let i = path.length - 1; i >= 0; i--) {
    const n = path[i].node;
    if (n.kind === 'map' && n.entries.some((e) => want.includes(e.key.toLowerCase()))) return n;
  }
  return undefined;
}
