import type { AccessGrant } from '../../core/access/accessModel';
import type { AuditFunction } from '../../core/audit/functionSummary';
import { within, type LivePart } from '../../core/audit/liveTemplate';
import type { CollectError, LiveFunction } from '../../core/inventory/accountModel';
import type { Alert } from '../../core/model/alert';
import type { FunctionActivity } from '../../core/monitor/functionActivity';
import type { Finding } from '../../core/model/finding';
import type { SessionView } from '../account/accountSession';

export type SectionKind = 'role' | 'triggers' | 'modify' | 'invoke' | 'network' | 'findings' | 'activity';

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
  | { kind: 'finding'; fn: LiveFunction; finding: Finding }
  | { kind: 'alert'; fn: LiveFunction; alert: Alert };

/** What the Activity node of a function shows: its runtime activity, or why there is none. */
export type ActivityState = { activity: FunctionActivity; windowHours: number } | { note: string } | undefined;

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
    case 'alert':
      return `${n.fn.arn}/alert/${n.alert.ruleId}/${n.alert.time}/${n.alert.message}`;
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
export function sectionNodes(fn: LiveFunction, parts: LivePart[], summary: AuditFunction | undefined, findings: Finding[], activity?: ActivityState): FnNode[] {
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
  if (activity && 'activity' in activity) {
    const a = activity.activity;
    out.push({ kind: 'section', fn, section: 'activity', label: `Activity (last ${activity.windowHours} h)`, count: a.alerts.length + a.peers.length + a.changes.length, findings: [] });
  } else if (activity) {
    out.push({ kind: 'item', fn, id: 'activity-note', label: 'Activity', description: activity.note, tooltip: activity.note, icon: 'pulse' });
  }
  return out;
}

/** An Activity section's children: alerts first, then changes, then the peers of its network interfaces. */
export function activityChildren(fn: LiveFunction, a: FunctionActivity): FnNode[] {
  const when = (iso: string): string => iso.replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, ' UTC');
  const at = (sec: number): string => when(new Date(sec * 1000).toISOString());
  return [
    ...a.alerts.map((alert): FnNode => ({ kind: 'alert', fn, alert })),
    ...a.changes.map((c, i): FnNode => ({ kind: 'item', fn, id: `change/${i}/${c.time}`, label: c.what, description: `${c.who} · ${when(c.time)}`, tooltip: `${c.eventName} by ${c.who} at ${c.time}`, icon: 'history' })),
    ...a.peers.map((p): FnNode => ({
      kind: 'item',
      fn,
      id: `peer/${p.peer}/${p.port}/${p.protocol}`,
      label: p.description,
      description: `${p.isNew ? 'new · ' : ''}${formatBytes(p.bytes)} · ${p.accepted} accepted${p.rejected ? `, ${p.rejected} rejected` : ''}`,
      tooltip: `${p.description}: first ${at(p.first)}, last ${at(p.last)}${a.sharedWith.length ? `. Seen on network interfaces shared with ${a.sharedWith.join(', ')}: the traffic may be theirs.` : ''}`,
      icon: p.isNew ? 'warning' : 'arrow-swap',
    })),
  ];
}

function formatBytes(n: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let i = 0;
  while (n >= 1024 && i < units.length - 1) {
    n /= 1024;
    i++;
  }
  return `${n >= 10 || i === 0 ? Math.round(n) : n.toFixed(1)} ${units[i]}`;
}

/** The children of one section. */
export function sectionChildren(n: FnNode & { kind: 'section' }, parts: LivePart[], summary: AuditFunction | undefined, activity?: ActivityState): FnNode[] {
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
    case 'activity':
      return activity && 'activity' in activity ? activityChildren(fn, activity.activity) : [];
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
