import { parse, type Tags } from 'yaml';
import { quickFixes } from '../../../src/core/fixes/fixesFor';
import { applyEdits, type Fix } from '../../../src/core/fixes/fixTypes';
import type { Finding } from '../../../src/core/model/finding';
import { analyzeText } from '../../../src/core/scan/analyzeText';

const SHORT = ['Ref', 'Sub', 'GetAtt', 'Join', 'If', 'Equals', 'Select', 'Split', 'FindInMap', 'ImportValue', 'Condition', 'Not', 'And', 'Or', 'Base64', 'GetAZs', 'Cidr'];

/** YAML short tags load as their long form, so YAML and JSON templates compare equal. */
const TAGS: Tags = SHORT.flatMap((n) => {
  const long = n === 'Ref' || n === 'Condition' ? n : `Fn::${n}`;
  return [
    { tag: `!${n}`, resolve: (v: unknown) => ({ [long]: v }) },
    { tag: `!${n}`, collection: 'seq' as const, resolve: (v: unknown) => ({ [long]: (v as { toJSON(): unknown }).toJSON() }) },
    { tag: `!${n}`, collection: 'map' as const, resolve: (v: unknown) => ({ [long]: (v as { toJSON(): unknown }).toJSON() }) },
  ];
}) as unknown as Tags;

/** The template as plain data (what CloudFormation would read). */
export function load(text: string): Record<string, unknown> {
  return parse(text, { customTags: TAGS, strict: true }) as Record<string, unknown>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Tpl = any;

export function findingOf(text: string, file: string, ruleId: string, nth = 0): Finding {
  const f = analyzeText(text, file).findings.filter((x) => x.ruleId === ruleId && !x.suppressed)[nth];
  if (!f) throw new Error(`no ${ruleId} finding in ${file}`);
  return f;
}

export function fixesOf(text: string, file: string, ruleId: string): Fix[] {
  return quickFixes({ text, file, finding: findingOf(text, file, ruleId) });
}

export function apply(text: string, fix: Fix): string {
  return applyEdits(text, fix.edits);
}

/** True when the fixed text still reports the same finding (same rule, resource, message) unsuppressed. */
export function stillReported(text: string, file: string, f: Finding): boolean {
  const r = analyzeText(text, file);
  if (r.errors.length) throw new Error(`fixed text has errors: ${JSON.stringify(r.errors)}`);
  return r.findings.some((x) => !x.suppressed && x.ruleId === f.ruleId && x.resource === f.resource && x.message === f.message);
}
