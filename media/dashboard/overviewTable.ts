import { groupedNumber } from '../../src/core/dashboard/numberText';
import type { OverviewRow } from '../../src/shared/protocol';
import { el, type DomElement } from './dom';
import { SortableTable, type SortState } from './sortableTable';
import { functionLink, severityBadge, type ViewCtx } from './tables';

const RANK = { error: 0, warning: 1, info: 2 } as const;

export interface OverviewTableOptions {
  sort?: SortState;
  onSort?(s: SortState): void;
  /** Draws a sparkline into a canvas the row created (the real page only; tests leave it blank). */
  drawSpark?(canvas: DomElement, values: readonly number[]): void;
}

/**
 * The account's functions, ranked by the host (open alerts, then risky findings); sortable by any
 * column. Each name opens the function's dashboard; the invocations carry a sparkline.
 */
export function overviewTable(ctx: ViewCtx, opts: OverviewTableOptions): SortableTable<OverviewRow> {
  const { doc, fmt } = ctx;
  const count = (n: number, word: string): string => `${groupedNumber(n, fmt.locale)} ${word}${n === 1 ? '' : 's'}`;
  return new SortableTable<OverviewRow>(doc, {
    caption: 'Functions ranked by open alerts and risky findings',
    empty: 'No functions in the open account.',
    rowKey: (r) => r.arn,
    rowClass: (r) => (r.worstAlert ? `sev-row-${r.worstAlert}` : undefined),
    sort: opts.sort,
    onSort: opts.onSort,
    columns: [
      { key: 'function', label: 'Function', cell: (r) => functionLink(ctx, r.functionName, r.arn), sortValue: (r) => r.functionName },
      { key: 'region', label: 'Region', cell: (r) => r.region, sortValue: (r) => r.region },
      {
        key: 'alerts',
        label: 'Alerts',
        cell: (r) => (r.alerts ? el(doc, 'span', {}, severityBadge(ctx, r.worstAlert ?? 'info'), ` ${groupedNumber(r.alerts, fmt.locale)}`) : el(doc, 'span', { class: 'muted' }, '0')),
        // Worst severity first, then how many: the host's ranking.
        sortValue: (r) => (r.worstAlert ? 3 - RANK[r.worstAlert] : 0) * 1e6 + r.alerts,
        numeric: true,
      },
      {
        key: 'findings',
        label: 'Findings',
        cell: (r) => el(doc, 'span', { title: 'Unsuppressed static findings' }, `${count(r.errors, 'error')}, ${count(r.warnings, 'warning')}`),
        sortValue: (r) => r.errors * 1e6 + r.warnings,
        numeric: true,
      },
      {
        key: 'invocations',
        label: 'Invocations',
        cell: (r) => {
          const canvas = el(doc, 'canvas', { class: 'spark', 'aria-hidden': 'true' });
          opts.drawSpark?.(canvas, r.spark);
          return el(doc, 'div', { class: 'spark-cell' }, canvas, el(doc, 'span', {}, groupedNumber(r.invocations, fmt.locale)));
        },
        sortValue: (r) => r.invocations,
        numeric: true,
      },
    ],
  });
}
