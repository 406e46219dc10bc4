import type { AlertRow, ChangeRow, DashboardModel, OverviewRow, PeerRow } from '../../src/shared/protocol';
import { ChartView } from './chartView';
import { el, replace, type DomElement } from './dom';
import { drawSpark } from './imageExport';
import { overviewTable } from './overviewTable';
import type { SortableTable, SortState } from './sortableTable';
import { alertsTable, changesTable, findingsList, peersTable, type ViewCtx } from './tables';
import type { ChartTheme } from './theme';

type FunctionModel = DashboardModel & { kind: 'function' };
type OverviewModel = DashboardModel & { kind: 'overview' };

/** What a view needs from the page: sort orders kept in the webview state, the theme, chart resizing. */
export interface ViewEnv {
  ctx: ViewCtx;
  sorts: Record<string, SortState>;
  onSort(table: string): (s: SortState) => void;
  theme(): ChartTheme;
  observe(box: HTMLElement): void;
}

/** A titled section with a live count after its heading. */
function section(ctx: ViewCtx, id: string, title: string, count: DomElement, ...body: DomElement[]): DomElement {
  return el(ctx.doc, 'section', { id, 'aria-labelledby': `${id}-h` }, el(ctx.doc, 'h2', { id: `${id}-h` }, title, ' ', count), ...body);
}

/** A function's view: its charts, then alerts, network peers, changes and static findings. */
export class FunctionView {
  readonly kind = 'function';
  readonly sections: DomElement[];
  readonly charts = new Map<string, ChartView>();
  private readonly chartBox: HTMLElement;
  private readonly alerts: SortableTable<AlertRow>;
  private readonly peers: SortableTable<PeerRow>;
  private readonly changes: SortableTable<ChangeRow>;
  private readonly findings: DomElement;
  private readonly counts: Record<'alerts' | 'peers' | 'changes' | 'findings', DomElement>;

  constructor(
    readonly key: string,
    private readonly env: ViewEnv,
  ) {
    const { ctx, sorts, onSort } = env;
    const count = (): DomElement => el(ctx.doc, 'span', { class: 'count' });
    this.chartBox = el(ctx.doc, 'div', { class: 'charts' }) as unknown as HTMLElement;
    this.alerts = alertsTable(ctx, { withFunction: false, sort: sorts.alerts, onSort: onSort('alerts') });
    this.peers = peersTable(ctx, { sort: sorts.peers, onSort: onSort('peers') });
    this.changes = changesTable(ctx);
    this.findings = el(ctx.doc, 'div');
    this.counts = { alerts: count(), peers: count(), changes: count(), findings: count() };
    this.sections = [
      el(ctx.doc, 'section', { id: 'charts', 'aria-label': 'Charts' }, this.chartBox),
      section(ctx, 'alerts', 'Alerts', this.counts.alerts, this.alerts.element),
      section(ctx, 'peers', 'Network peers', this.counts.peers, el(ctx.doc, 'div', { class: 'scroll' }, this.peers.element)),
      section(ctx, 'changes', 'Changes', this.counts.changes, this.changes.element),
      section(ctx, 'findings', 'Static findings', this.counts.findings, this.findings),
    ];
  }

  /** Points the charts hold (all lines, before downsampling for display). */
  get points(): number {
    return [...this.charts.values()].reduce((s, c) => s + c.points, 0);
  }

  fill(m: FunctionModel): void {
    const fresh: ChartView[] = [];
    for (const chart of m.charts) {
      const view = this.charts.get(chart.id);
      if (view) view.update(chart, m.alerts);
      else {
        const created = new ChartView(this.env.ctx, chart, m.alerts, this.env.theme);
        this.charts.set(chart.id, created);
        this.chartBox.appendChild(created.element);
        fresh.push(created);
      }
    }
    // Every new chart is in the page before any is measured: one layout, not one per chart.
    const widths = fresh.map((v) => v.plotBox.clientWidth);
    fresh.forEach((v, i) => {
      v.resize(widths[i]);
      this.env.observe(v.plotBox);
    });
    this.alerts.setRows(m.alerts);
    this.peers.setRows(m.peers);
    this.changes.setRows(m.changes);
    replace(this.env.ctx.doc, this.findings, [findingsList(this.env.ctx, m.findings)]);
    const newPeers = m.peers.filter((x) => x.isNew).length;
    this.counts.alerts.textContent = `(${m.alerts.length})`;
    this.counts.peers.textContent = `(${m.peers.length}${newPeers ? `, ${newPeers} new` : ''})`;
    this.counts.changes.textContent = `(${m.changes.length})`;
    this.counts.findings.textContent = `(${m.findings.filter((f) => !f.suppressed).length})`;
  }

  resized(box: Element, width: number): void {
    [...this.charts.values()].find((c) => c.plotBox === box)?.resize(width);
  }

  /** The theme changed: the charts read their colours again. */
  retheme(): void {
    for (const c of this.charts.values()) c.redraw();
  }

  destroy(): void {
    for (const c of this.charts.values()) c.destroy();
  }
}

/** The account overview: the ranked functions, then every alert. */
export class OverviewView {
  readonly kind = 'overview';
  readonly key = 'overview';
  readonly sections: DomElement[];
  private readonly rows: SortableTable<OverviewRow>;
  private readonly alerts: SortableTable<AlertRow>;
  private readonly counts: Record<'rows' | 'alerts', DomElement>;
  private last?: OverviewModel;

  constructor(env: ViewEnv) {
    const { ctx, sorts, onSort } = env;
    this.rows = overviewTable(ctx, { sort: sorts.overview, onSort: onSort('overview'), drawSpark: (c, v) => drawSpark(c as unknown as HTMLCanvasElement, v, env.theme()) });
    this.alerts = alertsTable(ctx, { withFunction: true, sort: sorts.overviewAlerts, onSort: onSort('overviewAlerts') });
    this.counts = { rows: el(ctx.doc, 'span', { class: 'count' }), alerts: el(ctx.doc, 'span', { class: 'count' }) };
    this.sections = [section(ctx, 'functions', 'Functions', this.counts.rows, this.rows.element), section(ctx, 'alerts', 'Alerts', this.counts.alerts, this.alerts.element)];
  }

  get points(): number {
    return 0;
  }

  fill(m: OverviewModel): void {
    this.last = m;
    this.rows.setRows(m.rows);
    this.alerts.setRows(m.alerts);
    this.counts.rows.textContent = `(${m.rows.length})`;
    this.counts.alerts.textContent = `(${m.alerts.length})`;
  }

  resized(): void {}

  /** The sparklines are drawn in the theme's colour: draw the rows again. */
  retheme(): void {
    if (this.last) this.rows.setRows(this.last.rows);
  }

  destroy(): void {}
}
