import type { AccessGrant } from '../../core/access/accessModel';
import type { AuditFunction } from '../../core/audit/functionSummary';
import { within, type LivePart } from '../../core/audit/liveTemplate';
import type { CollectError, LiveFunction } from '../../core/inventory/accountModel';
import type { Finding } from '../../core/model/finding';
import type { SessionView } from '../account/accountSession';

export type SectionKind = 'role' | 'triggers' | 'modify' | 'invoke' | 'network' | 'findings';

/** The Functions view's nodes: plain data, so the tree logic is testable and ids are stable across refreshes. */
export type FnNode =
  | { kind: 'status'; text: string; detail?: string; icon: 'loading' | 'error' | 'info' }
  | { kind: 'collectError'; error: CollectError }
  | { kind: 'region'; region: string; count: number }
  | { kind: 'function'; fn: LiveFunction; findings: Finding[] }
  | { kind: 'section'; fn: LiveFunction; section: SectionKind; label: string; count: number; findings: Finding[] }
  | { kind: 'part'; fn: LiveFunction; part: LivePart; findings: Finding[] }
  | { kind: 'grant'; fn: LiveFunction; grant: AccessGrant; relation: 'modify' | 'invoke' }
  | { kind: 'item'; fn: LiveFunction; id: string; label: string; description?: string; tooltip?: string; icon: string; children?: FnNode[] }
  | { kind: 'finding'; fn: LiveFunction; finding: Finding };

export function nodeId(n: FnNode): string {
  switch (n.kind) {
    case 'status':
      return `status:${n.text}`;
    case 'collectError':
      return `error:${n.error.service}:${n.error.operation}:${n.error.region ?? ''}:${n.error.resource ?? ''}`;
    case 'region':
      return `region:${n.region}`;
    case 'function':
      return n.fn.arn;
    case 'section':
      return `${n.fn.arn}/${n.section}`;
    case 'part':
      return `${n.fn.arn}/part/${n.part.kind}/${n.part.name}`;
    case 'grant':
      return `${n.fn.arn}/${n.relation}/${n.grant.principal}`;
    case 'item':
      return `${n.fn.arn}/item/${n.id}`;
    case 'finding':
      return `${n.fn.arn}/finding/${n.finding.ruleId}/${n.finding.live?.startLine ?? 0}:${n.finding.live?.startColumn ?? 0}/${n.finding.message}`;
  }
}

/** Top level: a status while loading or after a failure, the failed calls, then one node per region. */
export function rootNodes(v: SessionView): FnNode[] {
  const out: FnNode[] = [];
  if (v.state === 'loading') out.push({ kind: 'status', text: `Reading ${v.label ?? 'the account'}…`, detail: `${v.functions.length} functions so far`, icon: 'loading' });
  if (v.failure) out.push({ kind: 'status', text: v.failure.message, icon: 'error' });
  out.push(...v.errors.map((error): FnNode => ({ kind: 'collectError', error })));
  const counts = new Map<string, number>();
  for (const f of v.functions) counts.set(f.region, (counts.get(f.region) ?? 0) + 1);
  for (const [region, count] of [...counts].sort(([a], [b]) => (a < b ? -1 : 1))) out.push({ kind: 'region', region, count });
  return out;
}

export function functionNodes(v: SessionView, region: string, findingsOf: (arn: string) => Finding[]): FnNode[] {
  return v.functions
    .filter((f) => f.region === region)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((fn) => ({ kind: 'function', fn, findings: findingsOf(fn.arn) }));
}

function inParts(parts: LivePart[], kinds: LivePart['kind'][], findings: Finding[]): Finding[] {
  const ranges = parts.filter((p) => kinds.includes(p.kind)).map((p) => p.range);
  return findings.filter((f) => f.live && ranges.some((r) => within(f.live!, r)));
}

/** A function's sections: role, triggers, who can modify / invoke, network, findings. */
export function sectionNodes(fn: LiveFunction, parts: LivePart[], summary: AuditFunction | undefined, findings: Finding[]): FnNode[] {
  const roleName = fn.role.slice(fn.role.lastIndexOf('/') + 1);
  const roleFindings = inParts(parts, ['trust', 'inline', 'managed', 'managedArn', 'boundary'], findings);
  const triggerFindings = inParts(parts, ['permission', 'url'], findings);
  const triggers = summary?.triggers.length ?? fn.eventSourceMappings.length + (fn.url ? 1 : 0);
  const out: FnNode[] = [
    { kind: 'section', fn, section: 'role', label: `Execution role: ${roleName}`, count: parts.filter((p) => p.kind !== 'permission' && p.kind !== 'url' && p.kind !== 'environment' && p.kind !== 'alarm').length, findings: roleFindings },
    { kind: 'section', fn, section: 'triggers', label: 'Triggers', count: triggers, findings: triggerFindings },
  ];
  if (summary) {
    out.push({ kind: 'section', fn, section: 'modify', label: 'Who can modify', count: summary.whoCanModify.length, findings: [] });
    out.push({ kind: 'section', fn, section: 'invoke', label: 'Who can invoke', count: summary.whoCanInvoke.length, findings: [] });
  }
  if (fn.vpc?.subnetIds.length) out.push({ kind: 'section', fn, section: 'network', label: 'Network', count: summary?.vpc?.interfaces.length ?? 0, findings: [] });
  out.push({ kind: 'section', fn, section: 'findings', label: 'Findings', count: findings.filter((f) => !f.suppressed).length, findings });
  return out;
}

/** The children of one section. */
export function sectionChildren(n: FnNode & { kind: 'section' }, parts: LivePart[], summary: AuditFunction | undefined): FnNode[] {
  const { fn } = n;
  const partNodes = (kinds: LivePart['kind'][]): FnNode[] =>
    parts.filter((p) => kinds.includes(p.kind)).map((part) => ({ kind: 'part', fn, part, findings: n.findings.filter((f) => f.live && within(f.live, part.range)) }));
  switch (n.section) {
    case 'role':
      return partNodes(['trust', 'inline', 'managed', 'managedArn', 'boundary']);
    case 'triggers':
      return [
        ...fn.eventSourceMappings.map((m): FnNode => ({ kind: 'item', fn, id: `esm/${m.uuid}`, label: m.eventSourceArn ?? m.selfManagedSource ?? m.uuid, description: ['event source', m.state].filter(Boolean).join(' · '), icon: 'zap' })),
        ...partNodes(['permission', 'url']),
      ];
    case 'modify':
      return (summary?.whoCanModify ?? []).map((grant) => ({ kind: 'grant', fn, grant, relation: 'modify' }));
    case 'invoke':
      return (summary?.whoCanInvoke ?? []).map((grant) => ({ kind: 'grant', fn, grant, relation: 'invoke' }));
    case 'network':
      return networkChildren(fn, summary);
    case 'findings':
      return n.findings.map((finding) => ({ kind: 'finding', fn, finding }));
  }
}

function networkChildren(fn: LiveFunction, summary: AuditFunction | undefined): FnNode[] {
  const vpc = summary?.vpc;
  if (!vpc) return [];
  const out: FnNode[] = [];
  if (vpc.vpcId) out.push({ kind: 'item', fn, id: 'vpc', label: vpc.vpcId, description: 'VPC', icon: 'cloud' });
  for (const s of vpc.subnetIds) out.push({ kind: 'item', fn, id: `subnet/${s}`, label: s, description: 'subnet', icon: 'type-hierarchy' });
  for (const g of vpc.securityGroupIds) out.push({ kind: 'item', fn, id: `sg/${g}`, label: g, description: 'security group', icon: 'shield' });
  for (const e of vpc.interfaces) {
    out.push({
      kind: 'item',
      fn,
      id: `eni/${e}`,
      label: e,
      description: vpc.sharedWith.length ? `ENI shared with ${vpc.sharedWith.length} other function${vpc.sharedWith.length === 1 ? '' : 's'}` : 'ENI',
      tooltip: vpc.sharedWith.length ? `Lambda uses one ENI per subnet and security-group set: its traffic belongs to ${[fn.name, ...vpc.sharedWith].join(', ')} and cannot be told apart.` : undefined,
      icon: 'plug',
    });
  }
  if (vpc.sharedWith.length) {
    out.push({ kind: 'item', fn, id: 'shared', label: 'Shares ENIs with', description: vpc.sharedWith.join(', '), icon: 'link' });
  }
  return out;
}
