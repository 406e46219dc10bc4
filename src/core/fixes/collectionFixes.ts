import type { Finding } from '../model/finding';
import { expandActionPattern } from '../iam/actionPattern';
import { lookupAction, resourceTypeArn, type AccessLevel } from '../iam/catalog';
import { getCi, type TNode } from '../iac/tree/tnode';
import { innermostMapWith, type FixDocument } from './fixDocument';
import { ph, singleEditFix, type Fix } from './fixTypes';
import { shortestActionList } from './shortestActionList';
import { jsonValue, plainSafe, seq, str, sub, yamlBlock, yamlFlow, yamlString, type FixValue } from './fixValue';
import { dashIndent } from './insertNode';

export const ACCESS_LEVELS: AccessLevel[] = ['List', 'Read', 'Write', 'Permissions management', 'Tagging'];

/** The actions a wildcard covers at the chosen access levels, as `service:Action`, sorted. */
export function actionsForLevels(pattern: string, levels: readonly AccessLevel[]): string[] {
  const names = expandActionPattern(pattern)
    .filter((a) => a.accessLevels.some((l) => levels.includes(l)))
    .map((a) => `${a.service}:${a.name}`);
  return [...new Set(names)].sort();
}

/** Writes an action the way its neighbour (the replaced wildcard) is written. */
function actionText(doc: FixDocument, old: string, name: string): string {
  if (doc.json) return JSON.stringify(name);
  if (old.startsWith("'")) return `'${name}'`;
  if (old.startsWith('"')) return JSON.stringify(name);
  return plainSafe(name) ? name : yamlString(name, doc.style);
}

/**
 * LG001: replaces `service:*` (or another wildcard) by exactly the actions of the chosen access levels, in
 * the fewest entries (`s3:Get*` where every s3:Get… action is chosen), in place: more items of the same
 * sequence, or a new sequence where the wildcard was a single value.
 */
export function narrowWildcardFix(doc: FixDocument, f: Finding, levels: readonly AccessLevel[]): Fix | undefined {
  const pattern = typeof f.fix?.pattern === 'string' ? f.fix.pattern : undefined;
  if (!pattern || levels.length === 0) return undefined;
  const actions = actionsForLevels(pattern, levels);
  if (actions.length === 0) return undefined;
  const names = shortestActionList(actions);
  const path = doc.pathTo(f.location!);
  const leaf = path[path.length - 1];
  const parent = path[path.length - 2]?.node;
  if (leaf.node.kind !== 'scalar' || !parent) return undefined;
  const start = doc.start(leaf.node.range);
  const end = doc.end(leaf.node.range);
  const old = doc.slice(leaf.node.range);
  const entries = names.length === actions.length ? '' : ` (${names.length} entr${names.length === 1 ? 'y' : 'ies'})`;
  const title = `Narrow '${pattern}' to its ${actions.length} ${levels.join(' / ')} action${actions.length === 1 ? '' : 's'}${entries}`;
  const items = names.map((n) => actionText(doc, old, n));
  const { style } = doc;
  if (parent.kind === 'seq') {
    let sep: string;
    if (doc.json || doc.isFlow(parent)) {
      const own = doc.text.slice(doc.text.lastIndexOf('\n', start - 1) + 1, start).trim() === '';
      sep = own ? `,${style.eol}${doc.lineIndent(start)}` : ', ';
    } else {
      const dash = dashIndent(doc, leaf.node);
      if (dash === undefined) return undefined;
      sep = `${style.eol}${dash}- `;
    }
    return singleEditFix(title, 'narrowServiceWildcard', start, end, items.join(sep));
  }
  if (parent.kind !== 'map' || !leaf.via) return undefined;
  const keyIndent = doc.lineIndent(doc.start(leaf.via.keyRange));
  const keyCol = ' '.repeat(leaf.via.keyRange.startColumn - 1);
  if (doc.json) {
    const inner = keyIndent + style.unit;
    return singleEditFix(title, 'narrowServiceWildcard', start, end, `[${style.eol}${items.map((i) => inner + i).join(`,${style.eol}`)}${style.eol}${keyIndent}]`);
  }
  if (doc.isFlow(parent)) return singleEditFix(title, 'narrowServiceWildcard', start, end, `[${items.join(', ')}]`);
  const colon = doc.text.indexOf(':', doc.end(leaf.via.keyRange));
  if (colon < 0 || colon > start) return undefined;
  const block = yamlBlock(seq(...names.map((n) => str(n))), keyCol + style.unit, { ...style, quoteAll: old.startsWith("'") || old.startsWith('"') || style.quoteAll }, keyCol);
  return singleEditFix(title, 'narrowServiceWildcard', colon + 1, end, `${style.eol}${block}`);
}

/** `arn:${Partition}:s3:::${BucketName}` → a `!Sub` with pseudo parameters and the first name selected. */
function arnTemplate(pattern: string): FixValue {
  let first = true;
  const body = pattern
    .split(/,\s*/)[0]
    .replace(/\$\{(\w+)\}/g, (_m, name: string) => {
      if (name === 'Partition') return '${AWS::Partition}';
      if (name === 'Region') return '${AWS::Region}';
      if (name === 'Account') return '${AWS::AccountId}';
      const upper = name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
      const out = first ? ph(upper) : upper;
      first = false;
      return out;
    });
  return body.includes('${') ? sub(body) : str(body);
}

/** LG002: `Resource: '*'` becomes the ARN pattern of a resource type the actions apply to. */
export function resourceArnFixes(doc: FixDocument, f: Finding): Fix[] {
  const service = typeof f.fix?.service === 'string' ? f.fix.service : undefined;
  const types = Array.isArray(f.fix?.resourceTypes) ? (f.fix.resourceTypes as unknown[]).filter((t): t is string => typeof t === 'string') : [];
  if (!service || types.length === 0) return [];
  const path = doc.pathTo(f.location!);
  const leaf = path[path.length - 1].node;
  if (leaf.kind !== 'scalar' || doc.start(leaf.range) !== doc.start(f.location!)) return [];
  return arnReplacements(doc, leaf, service, types);
}

/**
 * LG005 / LG011, reported on the action: the statement's single `Resource: '*'` becomes the ARN pattern
 * of the actions' resource type — only when every action of the statement belongs to that one service,
 * so no other action loses the resources it needs.
 */
export function scopeResourcesFixes(doc: FixDocument, f: Finding): Fix[] {
  const members = Array.isArray(f.fix?.actions) ? (f.fix.actions as unknown[]).filter((a): a is string => typeof a === 'string') : [];
  const services = new Set(members.map((m) => m.slice(0, m.indexOf(':')).toLowerCase()));
  if (services.size !== 1) return [];
  const service = [...services][0];
  const st = innermostMapWith(doc.pathTo(f.location!), ['Effect']);
  const res = getCi(st, 'Resource')?.value;
  const star = res?.kind === 'seq' && res.items.length === 1 ? res.items[0] : res;
  if (star?.kind !== 'scalar' || star.value !== '*') return [];
  const actions = getCi(st, 'Action')?.value;
  const written = actions?.kind === 'seq' ? actions.items : actions ? [actions] : [];
  if (!written.every((a) => a.kind === 'scalar' && String(a.value).toLowerCase().startsWith(`${service}:`))) return [];
  const types = [...new Set(members.flatMap((m) => {
    const info = lookupAction(m);
    const required = info?.resourceTypes.filter((r) => r.required).map((r) => r.name) ?? [];
    return required.length ? required : (info?.resourceTypes.map((r) => r.name) ?? []);
  }))];
  return arnReplacements(doc, star, service, types, 'scopeResources');
}

function arnReplacements(doc: FixDocument, leaf: TNode, service: string, types: readonly string[], kind = 'replaceResourceWildcard'): Fix[] {
  const out: Fix[] = [];
  for (const type of types.slice(0, 3)) {
    const arn = resourceTypeArn(service, type);
    if (!arn) continue;
    const value = arnTemplate(arn);
    const text = doc.json ? jsonValue(value, '', doc.style) : yamlFlow(value, { ...doc.style, quoteAll: true });
    out.push(singleEditFix(`Replace '*' with the ${service} ${type} ARN`, kind, doc.start(leaf.range), doc.end(leaf.range), text, out.length === 0));
  }
  return out;
}
