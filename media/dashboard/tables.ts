import { humanBytes, groupedNumber } from '../../src/core/dashboard/numberText';
import type { AlertRow, ChangeRow, FindingRow, PeerRow, WebviewMessage } from '../../src/shared/protocol';
import { button, el, type Child, type DomDocument, type DomElement } from './dom';
import { evidenceValueText, relativeText, timeText, type Fmt } from './format';
import { SortableTable, type SortState } from './sortableTable';

/** What the builders need: a document, formatters, and a way to ask the host for something. */
export interface ViewCtx {
  doc: DomDocument;
  fmt: Fmt;
  post(msg: WebviewMessage): void;
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

export function severityBadge(ctx: ViewCtx, severity: string): DomElement {
  return el(ctx.doc, 'span', { class: `sev sev-${severity === 'error' || severity === 'warning' ? severity : 'info'}` }, severity);
}

/** A time cell: local time, with the relative time and the ISO form as its tooltip. */
export function timeCell(ctx: ViewCtx, epochSeconds: number): DomElement {
  if (!Number.isFinite(epochSeconds)) return el(ctx.doc, 'span', { class: 'muted' }, '—');
  const iso = new Date(epochSeconds * 1000).toISOString();
  return el(ctx.doc, 'time', { title: `${relativeText(epochSeconds * 1000, ctx.fmt)} · ${iso}` }, timeText(epochSeconds, ctx.fmt));
}

export function ruleLink(ctx: ViewCtx, ruleId: string): DomElement {
  return button(ctx.doc, ruleId, () => ctx.post({ type: 'command', name: 'openRuleDoc', ruleId }), { class: 'link', title: `Open the documentation of ${ruleId}` });
}

function evidenceList(ctx: ViewCtx, a: AlertRow): Child {
  if (a.evidence.length === 0) return null;
  const dl = el(ctx.doc, 'dl', { class: 'evidence' });
  for (const e of a.evidence) dl.appendChild(el(ctx.doc, 'div', {}, el(ctx.doc, 'dt', {}, e.label), el(ctx.doc, 'dd', {}, evidenceValueText(e.value, ctx.fmt))));
  return el(ctx.doc, 'details', {}, el(ctx.doc, 'summary', {}, 'Evidence'), dl);
}

/** Alerts: severity, time, rule (a link to its page), what happened with its evidence, and a link to the tree node. */
export function alertsTable(ctx: ViewCtx, opts: { withFunction: boolean; sort?: SortState; onSort?(s: SortState): void }): SortableTable<AlertRow> {
  const { doc } = ctx;
  return new SortableTable<AlertRow>(doc, {
    caption: 'Alerts',
    empty: 'No alerts in this range.',
    rowKey: (a) => a.id,
    rowClass: (a) => `sev-row-${a.severity}`,
    sort: opts.sort ?? { key: 'time', dir: 'desc' },
    onSort: opts.onSort,
    columns: [
      { key: 'severity', label: 'Severity', cell: (a) => severityBadge(ctx, a.severity), sortValue: (a) => SEVERITY_ORDER[a.severity] },
      { key: 'time', label: 'Time', cell: (a) => timeCell(ctx, a.time), sortValue: (a) => a.time, numeric: true },
      { key: 'rule', label: 'Rule', cell: (a) => ruleLink(ctx, a.ruleId), sortValue: (a) => a.ruleId },
      ...(opts.withFunction
        ? [
            {
              key: 'function',
              label: 'Function',
              cell: (a: AlertRow): Child => (a.arn ? functionLink(ctx, a.functionName, a.arn) : a.functionName),
              sortValue: (a: AlertRow) => a.functionName,
            },
          ]
        : []),
      {
        key: 'message',
        label: 'What happened',
        cell: (a) => {
          const box = el(doc, 'div', { class: 'message' }, el(doc, 'p', {}, a.message), evidenceList(ctx, a));
          if (a.sharedWith?.length) box.appendChild(el(doc, 'p', { class: 'muted' }, `Shared network interface: ${a.sharedWith.join(', ')}`));
          return box;
        },
      },
      {
        key: 'actions',
        label: 'Tree',
        cell: (a) => (a.arn ? button(doc, 'Reveal', () => ctx.post({ type: 'command', name: 'revealInTree', arn: a.arn! }), { class: 'link', title: `Reveal ${a.functionName} in the Functions view` }) : null),
      },
    ],
  });
}

export function functionLink(ctx: ViewCtx, name: string, arn: string): DomElement {
  return button(ctx.doc, name, () => ctx.post({ type: 'command', name: 'openFunction', arn }), { class: 'link', title: `Open the dashboard of ${name}` });
}

/** The function group's peers: sortable by every column, new ones highlighted and labelled. */
export function peersTable(ctx: ViewCtx, opts: { sort?: SortState; onSort?(s: SortState): void }): SortableTable<PeerRow> {
  const { doc, fmt } = ctx;
  const n = (v: number): string => groupedNumber(v, fmt.locale);
  return new SortableTable<PeerRow>(doc, {
    caption: 'Network peers',
    empty: 'No flow records for these network interfaces in this range.',
    rowKey: (p) => `${p.peer}|${p.port}|${p.protocol}|${p.direction}`,
    rowClass: (p) => (p.isNew ? 'new-peer' : undefined),
    sort: opts.sort,
    onSort: opts.onSort,
    columns: [
      {
        key: 'peer',
        label: 'Peer',
        cell: (p) => el(doc, 'div', {}, p.isNew ? el(doc, 'span', { class: 'badge-new', title: 'Not in the learned peer set (LG102)' }, 'new') : null, el(doc, 'span', { class: 'mono' }, p.peer), el(doc, 'div', { class: 'muted' }, p.label)),
        sortValue: (p) => p.peer,
      },
      { key: 'port', label: 'Port', cell: (p) => `${p.port}${p.service ? ` (${p.service})` : ''}`, sortValue: (p) => p.port, numeric: true },
      { key: 'protocol', label: 'Protocol', cell: (p) => p.protocol, sortValue: (p) => p.protocol },
      { key: 'direction', label: 'Direction', cell: (p) => p.direction, sortValue: (p) => p.direction },
      { key: 'bytes', label: 'Bytes', cell: (p) => el(doc, 'span', { title: `${n(p.bytes)} bytes` }, humanBytes(p.bytes, fmt.locale)), sortValue: (p) => p.bytes, numeric: true },
      { key: 'packets', label: 'Packets', cell: (p) => n(p.packets), sortValue: (p) => p.packets, numeric: true },
      { key: 'accepted', label: 'Accepted', cell: (p) => n(p.accepted), sortValue: (p) => p.accepted, numeric: true },
      { key: 'rejected', label: 'Rejected', cell: (p) => n(p.rejected), sortValue: (p) => p.rejected, numeric: true },
      { key: 'last', label: 'Last seen', cell: (p) => timeCell(ctx, p.last), sortValue: (p) => p.last, numeric: true },
    ],
  });
}

export function changesTable(ctx: ViewCtx): SortableTable<ChangeRow> {
  const { doc } = ctx;
  return new SortableTable<ChangeRow>(doc, {
    caption: 'Changes recorded by CloudTrail',
    empty: 'No change to this function recorded by CloudTrail in this range.',
    rowKey: (c) => `${c.time}|${c.eventName}|${c.who}`,
    sort: { key: 'time', dir: 'desc' },
    columns: [
      { key: 'time', label: 'When', cell: (c) => timeCell(ctx, c.time), sortValue: (c) => c.time, numeric: true },
      { key: 'what', label: 'What', cell: (c) => el(doc, 'div', {}, c.what, c.details ? el(doc, 'div', { class: 'muted' }, c.details) : null), sortValue: (c) => c.what },
      { key: 'who', label: 'Who', cell: (c) => c.who, sortValue: (c) => c.who },
      { key: 'ip', label: 'From', cell: (c) => (c.sourceIp ? el(doc, 'span', { class: 'mono' }, c.sourceIp) : '—'), sortValue: (c) => c.sourceIp ?? '' },
      { key: 'event', label: 'Event', cell: (c) => el(doc, 'span', { class: 'mono' }, c.eventName), sortValue: (c) => c.eventName },
    ],
  });
}

/** Static findings of the function: severity, rule (a link), message; suppressed ones dimmed. */
export function findingsList(ctx: ViewCtx, findings: readonly FindingRow[]): DomElement {
  const { doc } = ctx;
  if (findings.length === 0) return el(doc, 'p', { class: 'muted' }, 'No static findings on this function.');
  const ul = el(doc, 'ul', { class: 'findings' });
  for (const f of findings) {
    ul.appendChild(el(doc, 'li', { class: f.suppressed ? 'suppressed' : undefined }, severityBadge(ctx, f.severity), ' ', ruleLink(ctx, f.ruleId), ' ', el(doc, 'span', {}, f.message), f.suppressed ? el(doc, 'span', { class: 'muted' }, ' (suppressed)') : null));
  }
  return ul;
}
