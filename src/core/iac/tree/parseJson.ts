import { parseTree, printParseErrorCode, type Node as JNode, type ParseError } from 'jsonc-parser';
import type { SourceRange } from '../../model/sourceRange';
import { InputLimitError, LIMITS } from './limits';
import { LineIndex } from './lineIndex';
import { limitMessage, type ParsedTree } from './parseYaml';
import { isIntrinsicKey, type TEntry, type TNode } from './tnode';

/** Maps an offset in the parsed text to a source range; lets JSON embedded in a YAML string keep real lines. */
export type RangeMapper = (start: number, end: number) => SourceRange;

/** Parses JSON (comments tolerated, as JSONC) into a TNode tree. Never throws. */
export function parseJson(text: string, file: string, mapper?: RangeMapper): ParsedTree {
  const lines = new LineIndex(text);
  const map: RangeMapper = mapper ?? ((s, e) => lines.range(s, e));
  const errs: ParseError[] = [];
  let root: JNode | undefined;
  try {
    // CloudFormation rejects trailing commas; comments are tolerated (editors write JSONC) and reported nowhere.
    root = parseTree(text, errs, { allowTrailingComma: false, disallowComments: false });
  } catch (e) {
    return { errors: [{ file, line: 1, message: limitMessage(e) }], lines };
  }
  if (errs.length > 0 || !root) {
    const e = errs[0];
    const r = map(e?.offset ?? 0, e?.offset ?? 0);
    return { errors: [{ file, line: r.startLine, column: r.startColumn, message: `JSON: ${e ? describe(text, e) : 'empty document'}` }], lines };
  }
  try {
    // Written nodes are bounded by the text (JSON has no aliases): only absurd counts stop here.
    const maxNodes = LIMITS.maxNodes + text.length;
    let count = 0;
    const conv = (n: JNode, depth: number): TNode => {
      if (++count > maxNodes) throw new InputLimitError(`the document has more than ${maxNodes} nodes`);
      if (depth > LIMITS.maxDepth) throw new InputLimitError(`the document is nested deeper than ${LIMITS.maxDepth} levels`);
      const range = map(n.offset, n.offset + n.length);
      if (n.type === 'object') {
        const entries: TEntry[] = (n.children ?? []).map((p) => {
          const [k, v] = p.children ?? [];
          const keyRange = map(k.offset, k.offset + k.length);
          const value: TNode = v ? conv(v, depth + 1) : { kind: 'scalar', value: null, range: keyRange };
          return { key: String(k.value), keyRange, value, range: map(p.offset, p.offset + p.length) };
        });
        if (entries.length === 1 && (isIntrinsicKey(entries[0].key) || (entries[0].key === 'Condition' && entries[0].value.kind === 'scalar'))) {
          return { kind: 'fn', name: entries[0].key, arg: entries[0].value, range };
        }
        return { kind: 'map', entries, range };
      }
      if (n.type === 'array') return { kind: 'seq', items: (n.children ?? []).map((c) => conv(c, depth + 1)), range };
      return { kind: 'scalar', value: n.value ?? null, range };
    };
    return { root: conv(root, 0), errors: [], lines };
  } catch (e) {
    return { errors: [{ file, line: 1, message: limitMessage(e) }], lines };
  }
}

/** "PropertyNameExpected" → "property name expected", with the likely cause when a comma comes just before. */
function describe(text: string, e: ParseError): string {
  const what = printParseErrorCode(e.error).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  const before = text.slice(0, e.offset).trimEnd();
  return before.endsWith(',') && /expected/.test(what) ? `${what} (a trailing comma?)` : what;
}
