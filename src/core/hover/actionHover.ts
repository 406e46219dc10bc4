import { expandActionPattern, isWildcardPattern } from '../iam/actionPattern';
import { lookupAction, serviceExists, type ActionInfo } from '../iam/catalog';
import { capList, mdEscape } from './markdownText';

const ACTION_TOKEN = /^[A-Za-z0-9*?-]+:[A-Za-z0-9*?]+$/;

/** True when `text` looks like an IAM action or action pattern (`s3:GetObject`, `s3:Get*`, `*`). */
export function looksLikeAction(text: string): boolean {
  return text === '*' || ACTION_TOKEN.test(text);
}

/**
 * Hover for an IAM action or wildcard, from the action dataset; undefined when `text` names no
 * known service (so that `aws:SourceArn` or `AWS::Region` get no IAM hover).
 */
export function actionHover(text: string): string | undefined {
  if (!looksLikeAction(text)) return undefined;
  if (isWildcardPattern(text)) return wildcardHover(text);
  const a = lookupAction(text);
  if (!a) return undefined;
  return singleAction(a);
}

function singleAction(a: ActionInfo): string {
  const lines = [`**${a.service}:${a.name}** — ${a.accessLevels.join(', ') || 'no access level'}`, '', mdEscape(a.description)];
  if (a.resourceTypes.length) {
    const types = a.resourceTypes.map((r) => `\`${r.name}\`${r.required ? ' (required)' : ''}`);
    lines.push('', `Resource types: ${capList(types, 8)}`);
  }
  if (a.wildcardOnly) lines.push('', 'Supports no resource-level permissions: only `Resource: "*"` applies.');
  if (a.conditionKeys.length) lines.push('', `Condition keys: ${capList(a.conditionKeys.map((k) => `\`${k}\``), 10)}`);
  return lines.join('\n');
}

/**
 * Levels from the most to the least privileged. An action the dataset gives two levels (`TagResource` is
 * Tagging and Write) is counted once, under the higher, so that the counts add up to the total.
 */
const LEVEL_ORDER = ['Permissions management', 'Write', 'Tagging', 'Read', 'List'];
const NO_LEVEL = 'no access level';

function primaryLevel(levels: readonly string[]): string {
  return LEVEL_ORDER.find((l) => levels.includes(l)) ?? levels[0] ?? NO_LEVEL;
}

/** Hover for a wildcard: how many actions it covers, per access level (the counts add up), and which change state. */
export function wildcardHover(pattern: string): string | undefined {
  const svc = pattern.includes(':') ? pattern.slice(0, pattern.indexOf(':')) : '';
  if (svc && !isWildcardPattern(svc) && !serviceExists(svc)) return undefined;
  const actions = expandActionPattern(pattern);
  const byLevel = new Map<string, string[]>();
  for (const a of actions) {
    const level = primaryLevel(a.accessLevels);
    const list = byLevel.get(level) ?? [];
    list.push(`${a.service}:${a.name}`);
    byLevel.set(level, list);
  }
  const head = `**${mdEscape(pattern)}** matches ${actions.length} action${actions.length === 1 ? '' : 's'}`;
  if (actions.length === 0) return `${head}: it grants nothing.`;
  const order = [...LEVEL_ORDER, ...[...byLevel.keys()].filter((l) => !LEVEL_ORDER.includes(l))];
  const counts = order.filter((l) => byLevel.has(l)).map((l) => `${byLevel.get(l)!.length} ${l}`);
  const lines = [`${head}: ${counts.join(', ')}.`];
  for (const level of ['Permissions management', 'Write']) {
    const list = byLevel.get(level);
    if (list?.length) lines.push('', `**${level}:** ${capList([...list].sort().map((n) => `\`${n}\``), 12)}`);
  }
  return lines.join('\n');
}
