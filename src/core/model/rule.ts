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
  /** One line: how to fix (a finding may carry advice that fits its case better, see `Finding.advice`). */
  fixHint: string;
  defaultSeverity: Severity;
  /** Every severity the rule's findings can take (before user overrides), most severe first; holds `defaultSeverity`. */
  severities: readonly Severity[];
  /** The rule's page, relative to the package root (`docs/rules/<id>.md`): in the repository and in the .vsix. */
  docPath: string;
}

export interface Rule {
  meta: RuleMeta;
  check(model: TemplateModel): RawFinding[];
}

/** Folder of the rule pages, relative to the package root (the repository, the .vsix, the CLI's package). */
const RULE_DOCS_DIR = 'docs/rules';

/** `docs/rules/<id>.md`: where every rule's page lives, whoever adds the rule. */
export function ruleDocPath(id: string): string {
  return `${RULE_DOCS_DIR}/${id}.md`;
}
