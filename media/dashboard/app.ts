import { dashboardCsv } from '../../src/core/dashboard/csvExport';
import type { DashboardModel, HostMessage, PanelState, RangeChoice, RenderReport, WebviewMessage } from '../../src/shared/protocol';
import { el, replace, type DomDocument, type DomElement } from './dom';
import { USER_FMT } from './format';
import { headerBlock, notesBlock } from './headerView';
import { composePng } from './imageExport';
import { Rpc } from './rpc';
import type { SortState } from './sortableTable';
import type { ViewCtx } from './tables';
import { readTheme, watchTheme, type ChartTheme } from './theme';
import { Toolbar } from './toolbar';
import { FunctionView, OverviewView, type ViewEnv } from './views';

/** What the webview keeps across reloads (VS Code's webview state; the serializer gets `panel`). */
export interface WebviewState {
  panel?: PanelState;
  sorts?: Record<string, SortState>;
}

export interface VsCodeApi {
  postMessage(m: WebviewMessage): void;
  getState(): WebviewState | undefined;
  setState(s: WebviewState): void;
}

function keyOf(m: DashboardModel): string {
  return m.kind === 'function' ? m.arn : 'overview';
}

function fileName(m: DashboardModel, ext: string): string {
  const base = m.kind === 'function' ? m.functionName : 'lambda-guard-overview';
  return `${base.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 100)}-dashboard.${ext}`;
}

/**
 * The dashboard page: asks the host for its view (ready handshake, then `load` requests when the range
 * changes), draws a model and, for the next model of the same view, updates what is on screen in place
 * — charts get new data, tables new rows in their chosen order, the page keeps its scroll.
 */
export class DashboardApp {
  private readonly ctx: ViewCtx;
  private readonly rpc: Rpc;
  private readonly status: HTMLElement;
  private readonly headerSlot: HTMLElement;
  private readonly toolbarSlot: HTMLElement;
  private readonly notesSlot: HTMLElement;
  private readonly content: HTMLElement;
  private model?: DashboardModel;
  private view?: FunctionView | OverviewView;
  private toolbar?: Toolbar;
  private theme: ChartTheme;
  private state: WebviewState;
  private readonly resize: ResizeObserver;
  /** The bundle's own <script>, to tell it from any other (read while the bundle runs). */
  private readonly ownScript = document.currentScript;

  constructor(
    private readonly win: Window,
    private readonly doc: Document,
    private readonly api: VsCodeApi,
  ) {
    this.state = api.getState() ?? {};
    this.ctx = { doc: doc as unknown as DomDocument, fmt: USER_FMT, post: (m) => api.postMessage(m) };
    this.rpc = new Rpc((m) => api.postMessage(m));
    this.theme = readTheme(win, doc.body);
    const h = (tag: string, attrs: Record<string, string> = {}): HTMLElement => el(this.ctx.doc, tag, attrs) as unknown as HTMLElement;
    this.status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
    this.headerSlot = h('div');
    this.toolbarSlot = h('div');
    this.notesSlot = h('div');
    this.content = h('div', { class: 'content' });
    const main = h('main', { id: 'dashboard' });
    main.append(this.headerSlot, this.toolbarSlot, this.status, this.notesSlot, this.content);
    // The page's "Loading…" line goes; the bundle's <script> stays where it is (the page tells what runs in it).
    doc.querySelector('body > p.status')?.remove();
    doc.body.prepend(main);
    this.resize = new ResizeObserver((entries) => {
      for (const e of entries) this.view?.resized(e.target, e.contentRect.width);
    });
    watchTheme(doc, () => this.applyTheme());
  }

  /** The ready handshake: the host answers with the view to show (this state's, after a reload). */
  start(): void {
    this.setStatus('Loading…');
    this.api.postMessage({ type: 'ready', state: this.state.panel });
  }

  onMessage(m: HostMessage): void {
    if (this.rpc.handle(m)) return;
    switch (m.type) {
      case 'model':
        this.show(m.model).catch((e: Error) => this.showError(`The dashboard could not draw this data: ${e.message}`));
        return;
      case 'loading':
        this.setStatus(m.message);
        return;
      case 'error':
        this.showError(m.message);
        return;
      case 'theme':
        this.applyTheme();
        return;
    }
  }

  /** Draws a model (in place when it is the same view) and tells the host what is on screen. */
  async show(model: DashboardModel): Promise<void> {
    const t0 = performance.now();
    const key = keyOf(model);
    if (!this.view || this.view.key !== key || this.view.kind !== model.kind) this.layout(model);
    this.model = model;
    replace(this.ctx.doc, this.headerSlot as unknown as DomElement, [headerBlock(this.ctx, model)]);
    replace(this.ctx.doc, this.notesSlot as unknown as DomElement, [notesBlock(this.ctx, model.notes)]);
    this.toolbar?.setChoice(model.range.choice, model.range);
    if (model.kind === 'function' && this.view?.kind === 'function') this.view.fill(model);
    if (model.kind === 'overview' && this.view?.kind === 'overview') this.view.fill(model);
    this.setStatus('');
    this.saveState({ panel: { view: model.kind === 'function' ? { kind: 'function', arn: model.arn } : { kind: 'overview' }, range: model.range.choice } });
    // uPlot draws in a microtask: the frame after is when the charts are on the canvas.
    await new Promise<void>((r) => this.win.requestAnimationFrame(() => r()));
    this.api.postMessage({ type: 'rendered', report: this.report(performance.now() - t0) });
  }

  /** What is on screen, counted from the page itself. */
  report(ms: number): RenderReport {
    return {
      view: this.model?.kind ?? 'overview',
      key: this.model ? keyOf(this.model) : '',
      charts: this.doc.querySelectorAll('figure.chart canvas').length,
      points: this.view?.points ?? 0,
      alertRows: this.doc.querySelectorAll('#alerts tbody tr:not(.empty)').length,
      heading: this.doc.querySelector('header h1')?.textContent ?? '',
      foreign: this.foreignElements(),
      ms: Math.round(ms * 10) / 10,
    };
  }

  /** Elements no code of the page makes: any would mean markup from data got parsed. */
  private foreignElements(): number {
    const odd = this.doc.querySelectorAll('img, svg, iframe, object, embed, frame, link:not([rel="stylesheet"])').length;
    // VS Code's own API script (id _vscodeApiScript) and the bundle are the only scripts.
    const scripts = [...this.doc.querySelectorAll('script')].filter((s) => s.id !== '_vscodeApiScript' && s !== this.ownScript).length;
    return odd + scripts;
  }

  private layout(model: DashboardModel): void {
    this.view?.destroy();
    this.resize.disconnect();
    this.toolbar = new Toolbar(this.ctx, {
      range: (choice) => void this.load(choice),
      refresh: () => this.api.postMessage({ type: 'command', name: 'refresh' }),
      savePng: () => void this.savePng(),
      saveCsv: () => void this.saveCsv(),
      overview: model.kind === 'function' ? () => this.api.postMessage({ type: 'command', name: 'openOverview' }) : undefined,
    });
    replace(this.ctx.doc, this.toolbarSlot as unknown as DomElement, [this.toolbar.element]);
    const env: ViewEnv = {
      ctx: this.ctx,
      sorts: this.state.sorts ?? {},
      onSort: (table) => (s) => this.saveState({ sorts: { ...(this.state.sorts ?? {}), [table]: s } }),
      theme: () => this.theme,
      observe: (box) => this.resize.observe(box),
    };
    this.view = model.kind === 'function' ? new FunctionView(keyOf(model), env) : new OverviewView(env);
    replace(this.ctx.doc, this.content as unknown as DomElement, this.view.sections);
  }

  private async load(choice: RangeChoice): Promise<void> {
    if (!this.model) return;
    const view: PanelState['view'] = this.model.kind === 'function' ? { kind: 'function', arn: this.model.arn } : { kind: 'overview' };
    this.setStatus('Loading…');
    try {
      await this.show(await this.rpc.load({ view, range: choice }));
    } catch (e) {
      this.setStatus(`Could not load this range: ${(e as Error).message}`);
    }
  }

  private async savePng(): Promise<void> {
    if (!this.model || this.view?.kind !== 'function') return this.setStatus('Only a function’s dashboard has charts to save as an image.');
    const charts = [...this.view.charts.values()];
    const title = this.model.kind === 'function' ? `${this.model.functionName} (${this.model.region})` : '';
    const dataUrl = composePng(this.doc, this.theme, title, charts);
    const r = await this.rpc.savePng(dataUrl, fileName(this.model, 'png')).catch((e: Error) => ({ saved: null, error: e.message }));
    this.setStatus(r.saved ? `Saved ${r.saved}` : 'error' in r ? `Not saved: ${r.error}` : '');
  }

  private async saveCsv(): Promise<void> {
    if (!this.model) return;
    const r = await this.rpc.saveCsv(dashboardCsv(this.model), fileName(this.model, 'csv')).catch((e: Error) => ({ saved: null, error: e.message }));
    this.setStatus(r.saved ? `Saved ${r.saved}` : 'error' in r ? `Not saved: ${r.error}` : '');
  }

  private applyTheme(): void {
    this.theme = readTheme(this.win, this.doc.body);
    this.view?.retheme();
  }

  private showError(message: string): void {
    this.setStatus('');
    replace(this.ctx.doc, this.content as unknown as DomElement, [el(this.ctx.doc, 'p', { class: 'error', role: 'alert' }, message)]);
    this.view?.destroy();
    this.view = undefined;
  }

  private setStatus(text: string): void {
    this.status.textContent = text;
    this.status.toggleAttribute('hidden', text === '');
  }

  private saveState(patch: WebviewState): void {
    this.state = { ...this.state, ...patch };
    this.api.setState(this.state);
  }
}
