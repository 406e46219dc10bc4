import * as vscode from 'vscode';
import { parsePanelState } from '../../core/dashboard/rangeChoice';
import { isWebviewMessage, type DashboardModel, type HostMessage, type PanelState, type RenderReport, type WebviewMessage } from '../../shared/protocol';
import { log } from '../log';
import type { DashboardData } from './dashboardData';
import { csvText, ExportError, pngBytes, safeFileName } from './exportFiles';
import { ViewError, type ModelLoader } from './modelLoader';
import { openRuleDoc, saveExport } from './panelActions';
import { dashboardHtml, makeNonce } from './webviewHtml';

export interface PanelDeps {
  extensionUri: vscode.Uri;
  data: DashboardData;
  loader: ModelLoader;
  /** Opens (or reveals) another view: a function's dashboard from the overview, the overview from a function. */
  openView(view: PanelState['view']): void;
}

/** `arn` for a function's panel, `overview` for the account's: one panel per key. */
export function panelKey(view: PanelState['view']): string {
  return view.kind === 'function' ? view.arn : 'overview';
}

export function mediaRoot(extensionUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'dist', 'media');
}

/**
 * One dashboard panel: its page (strict CSP, scripts by nonce, resources only from dist/media), the
 * typed messages with its webview, and its state — which view and range it shows, kept by VS Code
 * across reloads through the webview state and the serializer.
 */
export class DashboardPanel implements vscode.Disposable {
  private readonly rendered = new vscode.EventEmitter<RenderReport>();
  /** Fires each time the webview has drawn a model (with what it drew). */
  readonly onDidRender = this.rendered.event;
  private readonly disposed = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposed.event;
  private readonly subs: vscode.Disposable[] = [];
  private seq = 0;
  private lastModel?: DashboardModel;
  private lastReport?: RenderReport;
  private closed = false;
  private preloaded?: { state: PanelState; model: Promise<DashboardModel> };
  private readonly createdAt = performance.now();
  private readyAt?: number;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private state: PanelState,
    private readonly deps: PanelDeps,
  ) {
    const root = mediaRoot(deps.extensionUri);
    panel.webview.options = { enableScripts: true, localResourceRoots: [root] };
    panel.iconPath = vscode.Uri.joinPath(deps.extensionUri, 'media', 'icon.png');
    this.setTitle();
    const webview = panel.webview;
    webview.html = dashboardHtml({
      cspSource: webview.cspSource,
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(root, 'dashboard.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(root, 'dashboard.css')).toString(),
      nonce: makeNonce(),
      title: panel.title,
    });
    this.subs.push(
      webview.onDidReceiveMessage((m: unknown) => void this.onMessage(m)),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  get key(): string {
    return panelKey(this.state.view);
  }

  get view(): PanelState['view'] {
    return this.state.view;
  }

  get model(): DashboardModel | undefined {
    return this.lastModel;
  }

  get report(): RenderReport | undefined {
    return this.lastReport;
  }

  /** Milliseconds from the panel's creation to its page's first `ready` (the webview's own start-up). */
  get readyMs(): number | undefined {
    return this.readyAt;
  }

  reveal(): void {
    this.panel.reveal(undefined, false);
  }

  /** Loads the view's model and sends it; a later push supersedes one still loading. */
  /**
   * Starts building the model while the webview page is still loading (a new panel): the `ready` that
   * follows then finds it done, or under way, instead of starting it.
   */
  preload(): void {
    const state = this.state;
    const model = this.deps.loader.load(state);
    model.catch(() => undefined);
    this.preloaded = { state, model };
  }

  async push(): Promise<void> {
    if (!this.panel.visible) return;
    const seq = ++this.seq;
    const pre = this.preloaded;
    this.preloaded = undefined;
    void this.post({ type: 'loading', message: 'Reading runtime data…' });
    try {
      const model = await (pre && pre.state === this.state ? pre.model : this.deps.loader.load(this.state));
      if (seq !== this.seq) return;
      this.lastModel = model;
      this.setTitle();
      await this.post({ type: 'model', model });
    } catch (e) {
      if (seq !== this.seq) return;
      const message = e instanceof ViewError ? e.message : `The dashboard could not be built: ${(e as Error).message}`;
      if (!(e instanceof ViewError)) log().error(`dashboard ${this.key}: ${(e as Error).stack ?? e}`);
      await this.post({ type: 'error', message });
    }
  }

  private async onMessage(raw: unknown): Promise<void> {
    if (!isWebviewMessage(raw)) return;
    const m = raw as WebviewMessage;
    switch (m.type) {
      case 'ready': {
        this.readyAt ??= performance.now() - this.createdAt;
        // After a reload the webview remembers the range the user chose; the view is this panel's own.
        const restored = parsePanelState(m.state);
        if (restored && panelKey(restored.view) === this.key && JSON.stringify(restored) !== JSON.stringify(this.state)) this.state = restored;
        return this.push();
      }
      case 'rendered':
        this.lastReport = m.report;
        this.rendered.fire(m.report);
        return;
      case 'request':
        return this.answer(m);
      case 'command':
        return this.command(m);
    }
  }

  private async answer(m: WebviewMessage & { type: 'request' }): Promise<void> {
    try {
      if (m.method === 'load') {
        const next = parsePanelState(m.params);
        if (!next || panelKey(next.view) !== this.key) throw new ViewError('this panel shows another view');
        this.state = next;
        this.seq++;
        const model = await this.deps.loader.load(next);
        this.lastModel = model;
        await this.post({ type: 'response', id: m.id, ok: true, result: model });
      } else if (m.method === 'savePng') {
        const bytes = pngBytes(m.params?.dataUrl);
        await this.post({ type: 'response', id: m.id, ok: true, result: { saved: await saveExport(bytes, safeFileName(m.params?.suggestedName, 'png'), 'PNG image') } });
      } else if (m.method === 'saveCsv') {
        const bytes = new TextEncoder().encode(csvText(m.params?.csv));
        await this.post({ type: 'response', id: m.id, ok: true, result: { saved: await saveExport(bytes, safeFileName(m.params?.suggestedName, 'csv'), 'CSV') } });
      } else {
        throw new ViewError(`unknown request ${JSON.stringify((m as { method?: unknown }).method)}`);
      }
    } catch (e) {
      const known = e instanceof ViewError || e instanceof ExportError;
      if (!known) log().error(`dashboard request ${m.method}: ${(e as Error).stack ?? e}`);
      await this.post({ type: 'response', id: m.id, ok: false, error: (e as Error).message });
    }
  }

  private async command(m: WebviewMessage & { type: 'command' }): Promise<void> {
    switch (m.name) {
      case 'refresh':
        return this.push();
      case 'openOverview':
        return this.deps.openView({ kind: 'overview' });
      case 'openFunction':
        if (typeof m.arn === 'string') this.deps.openView({ kind: 'function', arn: m.arn });
        return;
      case 'revealInTree':
        if (typeof m.arn === 'string') await this.deps.data.revealInTree(m.arn);
        return;
      case 'openRuleDoc':
        return openRuleDoc(this.deps.extensionUri, m.ruleId);
    }
  }

  private setTitle(): void {
    const m = this.lastModel;
    const name = m?.kind === 'function' ? m.functionName : this.state.view.kind === 'function' ? this.state.view.arn.slice(this.state.view.arn.lastIndexOf(':') + 1) : undefined;
    this.panel.title = name ? `${name} · Dashboard` : 'Lambda Guard: Overview';
  }

  private post(m: HostMessage): Thenable<boolean> {
    return this.panel.webview.postMessage(m);
  }

  dispose(): void {
    if (this.closed) return;
    this.closed = true;
    this.seq++;
    for (const s of this.subs.splice(0)) s.dispose();
    this.disposed.fire();
    this.disposed.dispose();
    this.rendered.dispose();
    this.panel.dispose();
  }
}
