import { HOLE } from '../../model/value';
import type { Str } from '../../model/value';
import { POLICY_TEMPLATES } from './policyTemplates';

export interface ExpandedTemplateStatement {
  effect: 'Allow' | 'Deny';
  actions: string[];
  /** `usedParams`: the template parameters substituted into the ARN. */
  resources: { text: string; unresolvedParams: string[]; usedParams: string[] }[];
  conditions: { operator: string; key: string; values: string[] }[];
}

/** Pseudo parameters we can name statically; Region and AccountId depend on the deployment, so they are holes. */
const PSEUDO: Record<string, string> = {
  'AWS::Partition': 'aws',
  'AWS::URLSuffix': 'amazonaws.com',
};

export const POLICY_TEMPLATE_NAMES: readonly string[] = Object.freeze([...POLICY_TEMPLATES.keys()]);

export function isPolicyTemplate(name: string): boolean {
  return POLICY_TEMPLATES.has(name);
}

export function policyTemplateParams(name: string): string[] {
  return [...(POLICY_TEMPLATES.get(name)?.params ?? [])];
}

/**
 * Substitutes `${...}` variables of one Sub-style string. Parameter values are inserted verbatim, so a
 * HOLE stays a HOLE and a literal '*' stays '*' (a real wildcard grant, which the rules must see).
 */
function substitute(text: string, params: Record<string, Str>, known: ReadonlySet<string>, missing: Set<string>, used?: Set<string>): string {
  return text.replace(/\$\{([^}]*)\}/g, (whole, name: string) => {
    if (name.startsWith('!')) return '${' + name.slice(1) + '}'; // Fn::Sub escape: `${!x}` is the literal `${x}`
    if (name in PSEUDO) return PSEUDO[name];
    if (name.startsWith('AWS::')) return HOLE;
    if (known.has(name)) {
      const value = Object.prototype.hasOwnProperty.call(params, name) ? params[name] : undefined;
      if (value) {
        used?.add(name);
        return value.text;
      }
      missing.add(name);
      return HOLE;
    }
    return whole;
  });
}

/**
 * Expands a SAM policy template into IAM statements, as SAM's translator would, with the given parameter
 * values. Returns undefined for a name that is not a SAM policy template.
 */
export function expandPolicyTemplate(name: string, params: Record<string, Str>): ExpandedTemplateStatement[] | undefined {
  const def = POLICY_TEMPLATES.get(name);
  if (!def) return undefined;
  const known = new Set(def.params);
  return def.statements.map((s) => ({
    effect: 'Allow' as const,
    actions: [...s.actions],
    resources: s.resources.map((r) => {
      const missing = new Set<string>();
      const used = new Set<string>();
      const text = substitute(r, params, known, missing, used);
      return { text, unresolvedParams: [...missing], usedParams: [...used] };
    }),
    conditions: (s.conditions ?? []).map((c) => ({
      operator: c.operator,
      key: c.key,
      values: c.values.map((v) => substitute(v, params, known, new Set())),
    })),
  }));
}
