import type { RawFinding } from './finding';
import type { Severity } from './severity';
import type { TemplateModel } from './templateModel';

export interface RuleMeta {
  id: string;
  /** PascalCase name for SARIF, e.g. `WildcardAction`. */
  name: string;
  /** One line: what the rule flags. */
  title: string;
  /** A paragraph: why it matters. */
  description: string;
  /** One line: how to fix. */
  fixHint: string;
  defaultSeverity: Severity;
  /** Link to docs/rules/<id>.md. */
  helpUri: string;
}

export interface Rule {
  meta: RuleMeta;
  check(model: TemplateModel): RawFinding[];
}

export const DOCS_BASE = 'https://github.com/lambda-guard/lambda-guard/blob/main/docs/rules/';

export function helpUri(id: string): string {
  return `${DOCS_BASE}${id}.md`;
}
