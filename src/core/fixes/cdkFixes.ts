import type * as TS from 'typescript';
import type { Finding } from '../model/finding';
import { LineIndex } from '../iac/tree/lineIndex';
import { ph, singleEditFix, type Fix } from './fixTypes';

export const TS_SOURCE = /\.(ts|mts|cts|tsx)$/i;

function offsetOf(lines: LineIndex, line: number, col: number): number {
  return lines.lineStart(line) + col - 1;
}

/** The smallest node that covers [start, end). */
function nodeAt(ts: typeof TS, sf: TS.SourceFile, start: number, end: number): TS.Node | undefined {
  let found: TS.Node | undefined;
  const visit = (n: TS.Node): void => {
    if (n.getStart(sf) <= start && n.getEnd() >= end) {
      found = n;
      ts.forEachChild(n, visit);
    }
  };
  ts.forEachChild(sf, visit);
  return found;
}

/** `FunctionUrlAuthType.NONE` → `FunctionUrlAuthType.AWS_IAM`; `authType: 'NONE'` (L1) → `'AWS_IAM'`. */
function setAuthType(text: string, start: number, end: number): Fix | undefined {
  const src = text.slice(start, end);
  const m = /NONE(['"`]?)$/.exec(src);
  if (!m) return undefined;
  const at = start + m.index;
  return singleEditFix('Require IAM authentication (AuthType AWS_IAM)', 'setAuthType', at, at + 4, 'AWS_IAM', true);
}

/**
 * Adds `sourceArn` / `sourceAccount` next to `principal` in the options object of `addPermission`
 * or `new CfnPermission`, with a placeholder selected for the user to complete.
 */
function addSource(ts: typeof TS, sf: TS.SourceFile, text: string, start: number, end: number, which: 'sourceArn' | 'sourceAccount'): Fix | undefined {
  let n = nodeAt(ts, sf, start, end);
  while (n && !ts.isPropertyAssignment(n)) n = n.parent;
  if (!n || !ts.isPropertyAssignment(n) || !ts.isObjectLiteralExpression(n.parent)) return undefined;
  const obj = n.parent;
  if (obj.properties.some((p) => p.name && ts.isIdentifier(p.name) && p.name.text === which)) return undefined;
  const lineStart = text.lastIndexOf('\n', n.getStart(sf) - 1) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart))![0];
  const multiline = text.slice(obj.getStart(sf), obj.getEnd()).includes('\n');
  const value = which === 'sourceArn' ? `'${ph('arn:aws:sns:REGION:ACCOUNT:TOPIC')}'` : `'${ph('123456789012')}'`;
  const title = which === 'sourceArn' ? 'Add sourceArn (the resource that invokes the function)' : 'Add sourceAccount (the account that invokes the function)';
  const after = n.getEnd() + (text[n.getEnd()] === ',' ? 1 : 0);
  const sep = text[n.getEnd()] === ',' ? '' : ',';
  const insert = multiline ? `${sep}\n${indent}${which}: ${value},` : `${sep} ${which}: ${value},`;
  return singleEditFix(title, 'addSourceCondition', after, after, insert, which === 'sourceArn');
}

/** Quick fixes for findings in CDK TypeScript; each is verified by the caller like template fixes. */
export function cdkQuickFixes(text: string, f: Finding): Fix[] {
  const loc = f.location;
  if (!loc || !f.fix) return [];
  const lines = new LineIndex(text);
  const start = offsetOf(lines, loc.startLine, loc.startColumn);
  const end = offsetOf(lines, loc.endLine, loc.endColumn);
  if (f.fix.kind === 'setAuthType') return [setAuthType(text, start, end)].filter((x): x is Fix => !!x);
  if (f.fix.kind !== 'addSourceCondition') return [];
  // The compiler is already loaded: the finding came from the CDK analyzer.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ts = require('typescript') as typeof TS;
  const sf = ts.createSourceFile('fix.ts', text, ts.ScriptTarget.Latest, true);
  return [addSource(ts, sf, text, start, end, 'sourceArn'), addSource(ts, sf, text, start, end, 'sourceAccount')].filter((x): x is Fix => !!x);
}
