import { loadCdkModel } from '../../../src/core/iac/cdk/loadCdk';
import type { ScanError } from '../../../src/core/model/finding';
import type { SourceRange } from '../../../src/core/model/sourceRange';
import type { TemplateModel } from '../../../src/core/model/templateModel';
import { display, type Str } from '../../../src/core/model/value';

export const HEADER = [
  "import * as cdk from 'aws-cdk-lib';",
  "import * as iam from 'aws-cdk-lib/aws-iam';",
  "import * as lambda from 'aws-cdk-lib/aws-lambda';",
  "import { Construct } from 'constructs';",
  '',
].join('\n');

export const FILE = '/app/lib/stack.ts';

/** Loads `body` wrapped in a stack constructor (after HEADER); `siblings` maps absolute paths to text. */
export function loadStack(body: string, siblings: Record<string, string> = {}, header = HEADER): { src: string; model: TemplateModel; errors: ScanError[] } {
  const src = `${header}export class S extends cdk.Stack {\n  constructor(scope: Construct, id: string) {\n    super(scope, id);\n${body}\n  }\n}\n`;
  return { src, ...loadCdkModel(src, FILE, { readSibling: (p) => siblings[p] }) };
}

/** The single-line range of the `nth` occurrence of `needle` in `src`. */
export function rangeOfText(src: string, needle: string, nth = 0): SourceRange {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = src.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`'${needle}' #${nth} not in source`);
  }
  const before = src.slice(0, at).split('\n');
  const line = before.length;
  const col = before[before.length - 1].length + 1;
  return { startLine: line, startColumn: col, endLine: line, endColumn: col + needle.length };
}

/** Texts of Strs as messages show them (unresolved parts in words). */
export function texts(list: Str[] | undefined): string[] {
  return (list ?? []).map(display);
}
