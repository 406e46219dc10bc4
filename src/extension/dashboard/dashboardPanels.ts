import * as vscode from 'vscode';
import { DEFAULT_RANGE, parsePanelState } from '../../core/dashboard/rangeChoice';
import type { DashboardModel, PanelState, RenderReport } from '../../shared/protocol';
import type { DashboardData } from './dashboardData';
import { DashboardPanel, mediaRoot, panelKey } from './dashboardPanel';
import { ModelLoader } from './modelLoader';

export const DASHBOARD_VIEW_TYPE = 'lambdaGuard.dashboard';

/** What opening a view resolves to: the panel's key and what its webview drew first, with the time it took. */
export interface DashboardOpened {
  key: string;
  /** Undefined when the webview drew nothing within the wait (hidden, or the view failed). */
  report?: RenderReport;
  /** Milliseconds from the open request to the webview's report. */
  ms?: number;
  /** The model the webview drew. */
  model?: DashboardModel;
  /** Milliseconds from creating the panel to its page's `ready` (the webview's own start-up, not ours). */
  readyMs?: number;
}

const RENDER_WAIT_MS = 30_000;
const REFRESH_DELAY_MS = 250;

/**
 * The open dashboard panels: one per function and one for the account overview — opening a view that
 * is already open reveals it. When the account's data changes, the visible panels reload (hidden ones
 * reload when shown again: without retainContextWhenHidden their page is rebuilt then anyway).
 */
export class DashboardPanels implements vscode.Disposable {
  private readonly panels = new Map<string, DashboardPanel>();
  private readonly loader: ModelLoader;
  private readonly sub: vscode.Disposable;
  private timer?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly data: DashboardData,
  ) {
    this.loader = new ModelLoader(data);
    this.sub = data.onDidChange(() => {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.refreshVisible(), REFRESH_DELAY_MS);
    });
  }

  get(key: string): DashboardPanel | undefined {
    return this.panels.get(key);
  }

  /** Opens (or reveals) a view and resolves once its webview has drawn the model. */
  async open(view: PanelState['view']): Promise<DashboardOpened> {
    const t0 = performance.now();
    const key = panelKey(view);
    let panel = this.panels.get(key);
    const drawn = new Promise<RenderReport | undefined>((resolve) => {
      const timer = setTimeout(() => resolve(undefined), RENDER_WAIT_MS);
      const wait = (p: DashboardPanel): void => {
        const sub = p.onDidRender((r) => {
          clearTimeout(timer);
          sub.dispose();
          resolve(r);
        });
      };
      if (panel) {
        const wasVisible = panel.panel.visible;
        wait(panel);
        panel.reveal();
        // A visible panel keeps its page: load the latest data into it. A hidden one rebuilds its page and asks.
        if (wasVisible) void panel.push();
      } else {
        const created = vscode.window.createWebviewPanel(DASHBOARD_VIEW_TYPE, 'Dashboard', vscode.ViewColumn.Active, { enableScripts: true, localResourceRoots: [mediaRoot(this.extensionUri)] });
        panel = this.adopt(created, { view, range: DEFAULT_RANGE });
        panel.preload();
        wait(panel);
      }
    });
    const report = await drawn;
    return report ? { key, report, ms: Math.round(performance.now() - t0), model: panel?.model, readyMs: panel?.readyMs } : { key };
  }

  /** The serializer's half: a panel VS Code restored after a reload, with the state its webview saved. */
  restore(webviewPanel: vscode.WebviewPanel, saved: unknown): void {
    const state = parsePanelState((saved as { panel?: unknown } | undefined)?.panel ?? saved) ?? { view: { kind: 'overview' }, range: DEFAULT_RANGE };
    const existing = this.panels.get(panelKey(state.view));
    // Two restored panels of one view: keep the first.
    if (existing) {
      webviewPanel.dispose();
      existing.reveal();
      return;
    }
    this.adopt(webviewPanel, state);
  }

  private adopt(webviewPanel: vscode.WebviewPanel, state: PanelState): DashboardPanel {
    const panel = new DashboardPanel(webviewPanel, state, { extensionUri: this.extensionUri, data: this.data, loader: this.loader, openView: (v) => void this.open(v) });
    this.panels.set(panel.key, panel);
    panel.onDidDispose(() => {
      if (this.panels.get(panel.key) === panel) this.panels.delete(panel.key);
    });
    return panel;
  }

  private refreshVisible(): void {
    for (const p of this.panels.values()) if (p.panel.visible) void p.push();
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.sub.dispose();
    for (const p of [...this.panels.values()]) p.dispose();
    this.panels.clear();
  }
}
