import type { Finding } from '../model/finding';
import { get } from '../iac/tree/tnode';
import type { FixDocument } from './fixDocument';
import { ph, singleEditFix, type Fix } from './fixTypes';
import { plainSafe, str, yamlString } from './fixValue';
import { insertEntry } from './insertNode';

/** Replaces the scalar at `finding`'s range by `value`, keeping the scalar's quotes. */
function replaceScalar(doc: FixDocument, f: Finding, value: string, title: string, kind: string): Fix | undefined {
  const path = doc.pathTo(f.location!);
  const leaf = path[path.length - 1].node;
  if (leaf.kind !== 'scalar' || doc.start(leaf.range) !== doc.start(f.location!)) return undefined;
  const old = doc.slice(leaf.range);
  let text: string;
  if (doc.json) text = JSON.stringify(value);
  else if (old.startsWith("'")) text = `'${value.replace(/'/g, "''")}'`;
  else if (old.startsWith('"')) text = JSON.stringify(value);
  else text = plainSafe(value) ? value : yamlString(value, doc.style);
  return singleEditFix(title, kind, doc.start(leaf.range), doc.end(leaf.range), text, true);
}

/** LG008: `AuthType: NONE` becomes `AWS_IAM`; a function URL without AuthType gets one. */
export function setAuthTypeFix(doc: FixDocument, f: Finding): Fix | undefined {
  const value = typeof f.fix?.value === 'string' ? f.fix.value : 'AWS_IAM';
  const title = `Set the function URL's AuthType to ${value}`;
  const direct = replaceScalar(doc, f, value, title, 'setAuthType');
  if (direct && /^['"]?none['"]?$/i.test(doc.slice(f.location!))) return direct;
  const path = doc.pathTo(f.location!);
  for (let i = path.length - 1; i >= 0; i--) {
    const n = path[i].node;
    if (n.kind !== 'map') continue;
    const target = get(n, 'Type') && get(n, 'Properties') ? get(n, 'Properties') : n;
    if (!target || target.kind !== 'map' || get(target, 'AuthType')) return undefined;
    const e = insertEntry(doc, target, 'AuthType', str(value));
    return e && singleEditFix(title, 'setAuthType', e.start, e.end, e.text, true);
  }
  return undefined;
}

/** LG012 / LG016 (typo with a suggestion) and LG013 (permission for a non-invoke action): replace the value. */
export function replaceValueFix(doc: FixDocument, f: Finding): Fix | undefined {
  const value = f.fix?.value;
  if (typeof value !== 'string') return undefined;
  const title = f.fix?.kind === 'setPermissionAction' ? `Grant '${value}' only` : `Change to '${value}'`;
  return replaceScalar(doc, f, value, title, String(f.fix?.kind));
}

/**
 * LG014: the literal secret becomes a Secrets Manager dynamic reference, resolved at deploy time, so
 * the template no longer holds it; the secret's name is a placeholder the user completes (selected).
 */
export function dynamicReferenceFix(doc: FixDocument, f: Finding): Fix | undefined {
  // The rule points at the variable's name and relates its value.
  const valueRange = f.related?.find((r) => r.location?.file === f.location?.file)?.location;
  const name = typeof f.fix?.name === 'string' && /^[\w./-]+$/.test(f.fix.name) ? f.fix.name : 'SECRET_NAME';
  if (!valueRange) return undefined;
  const path = doc.pathTo(valueRange);
  const leaf = path[path.length - 1].node;
  if (leaf.kind !== 'scalar' || doc.start(leaf.range) !== doc.start(valueRange)) return undefined;
  const marked = `{{resolve:secretsmanager:${ph(name)}}}`;
  // Always quoted: a plain `{{` would start a YAML flow mapping.
  const text = yamlString(marked, doc.json ? { ...doc.style, quote: '"' } : doc.style, false);
  return singleEditFix(`Replace the value with a Secrets Manager reference ({{resolve:secretsmanager:…}})`, 'useDynamicReference', doc.start(leaf.range), doc.end(leaf.range), text);
}
