import type { Suppression } from '../model/templateModel';
import { get, scalarString, type TNode } from '../iac/tree/tnode';

/**
 * Resource `Metadata: { lambda-guard: { ignore: [ { id: LG007, reason: '…' } ] } }` (a bare id string
 * is accepted too). Works in JSON templates, which cannot carry comments.
 */
export function metadataSuppressions(owner: string, resource: TNode): Suppression[] {
  const ignore = get(get(get(resource, 'Metadata'), 'lambda-guard'), 'ignore');
  if (!ignore || ignore.kind !== 'seq') return [];
  const out: Suppression[] = [];
  for (const item of ignore.items) {
    const id = scalarString(item) ?? scalarString(get(item, 'id'));
    if (!id) continue;
    const reason = scalarString(get(item, 'reason')) ?? 'no reason given';
    out.push({ ruleId: id.toUpperCase(), reason, kind: 'metadata', owner, range: item.range });
  }
  return out;
}
