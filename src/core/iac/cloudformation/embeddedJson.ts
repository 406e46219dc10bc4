import type { SourceRange } from '../../model/sourceRange';
import { LineIndex } from '../tree/lineIndex';
import { parseJson } from '../tree/parseJson';
import type { TNode } from '../tree/tnode';

/**
 * Parses a policy written as a JSON string inside a template (`AssumeRolePolicyDocument: |` + JSON).
 * For a literal block scalar, lines inside the string map one-to-one onto template lines, so findings
 * keep their real line; otherwise every inner node gets the string's own range.
 */
export function parseEmbeddedJson(node: TNode, sourceLines: string[], file: string): TNode | undefined {
  if (node.kind !== 'scalar' || typeof node.value !== 'string') return undefined;
  const text = node.value;
  if (!/^\s*\{/.test(text)) return undefined;
  const inner = new LineIndex(text);
  const header = sourceLines[node.range.startLine - 1] ?? '';
  const isLiteralBlock = /^\s*\|[-+0-9]*\s*(#.*)?$/.test(header.slice(node.range.startColumn - 1)) || /:\s*\|[-+0-9]*\s*$/.test(header);
  let mapper: (s: number, e: number) => SourceRange;
  if (isLiteralBlock) {
    const firstContent = node.range.startLine + 1;
    const contentLine = sourceLines.slice(firstContent - 1).find((l) => l.trim() !== '') ?? '';
    const indent = contentLine.length - contentLine.trimStart().length;
    mapper = (s, e) => {
      const a = inner.pos(s);
      const b = inner.pos(e);
      return { startLine: firstContent + a.line - 1, startColumn: indent + a.col, endLine: firstContent + b.line - 1, endColumn: indent + b.col };
    };
  } else {
    mapper = () => node.range;
  }
  return parseJson(text, file, mapper).root;
}

/**
 * A policy written as JSON inside `!Sub` (`PolicyDocument: !Sub |` + JSON with `${AWS::AccountId}`):
 * the variables sit inside JSON strings, so the text parses as JSON as it is; each string holding a
 * variable is then resolved as the `!Sub` would resolve it (known pseudo parameters, unknown holes).
 */
export function parseEmbeddedSubJson(node: TNode, sourceLines: string[], file: string): TNode | undefined {
  if (node.kind !== 'fn' || node.name !== 'Fn::Sub') return undefined;
  const tpl = node.arg.kind === 'seq' ? node.arg.items[0] : node.arg;
  const vars = node.arg.kind === 'seq' ? node.arg.items[1] : undefined;
  const root = tpl && parseEmbeddedJson(tpl, sourceLines, file);
  return root && withSubs(root, vars);
}

function withSubs(n: TNode, vars: TNode | undefined): TNode {
  if (n.kind === 'scalar') {
    if (typeof n.value !== 'string' || !n.value.includes('${')) return n;
    return { kind: 'fn', name: 'Fn::Sub', arg: vars ? { kind: 'seq', items: [n, vars], range: n.range } : n, range: n.range };
  }
  if (n.kind === 'seq') return { ...n, items: n.items.map((i) => withSubs(i, vars)) };
  if (n.kind === 'map') return { ...n, entries: n.entries.map((e) => ({ ...e, value: withSubs(e.value, vars) })) };
  return n;
}
