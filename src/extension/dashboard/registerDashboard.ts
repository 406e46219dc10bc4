import * as vscode from 'vscode';
import type { LiveFunction } from '../../core/inventory/accountModel';
import { DashboardCodeLens } from './dashboardCodeLens';
import type { DashboardData } from './dashboardData';
import { DASHBOARD_VIEW_TYPE, DashboardPanels, type DashboardOpened } from './dashboardPanels';

export const OPEN_DASHBOARD = 'lambdaGuard.openDashboard';
export const OPEN_OVERVIEW = 'lambdaGuard.openOverview';

const TEMPLATES: vscode.DocumentSelector = ['yaml', 'json', 'typescript'].map((language) => ({ language, scheme: 'file' }));

/**
 * The function an `openDashboard` argument names: a Functions-tree node (`{ fn }`), an alert or summary
 * (`{ arn }`), an ARN, or a function name (the first region that has it). Undefined: ask.
 */
function functionOfArg(arg: unknown, functions: readonly LiveFunction[]): LiveFunction | undefined {
  const o = arg as { fn?: { arn?: unknown }; arn?: unknown } | undefined;
  const text = typeof arg === 'string' ? arg : typeof o?.fn?.arn === 'string' ? o.fn.arn : typeof o?.arn === 'string' ? o.arn : undefined;
  if (text === undefined) return undefined;
  return functions.find((f) => f.arn === text) ?? functions.find((f) => f.name === text);
}

async function pickFunction(functions: readonly LiveFunction[]): Promise<LiveFunction | undefined> {
  const items = [...functions]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.region < b.region ? -1 : 1))
    .map((fn) => ({ label: fn.name, description: fn.region, detail: fn.arn, fn }));
  // Stays open when focus moves (an account still loading redraws the views): Escape closes it.
  const pick = await vscode.window.showQuickPick(items, { title: 'Lambda Guard: open the dashboard of a function', matchOnDescription: true, matchOnDetail: true, ignoreFocusOut: true });
  return pick?.fn;
}

function noAccount(): undefined {
  void vscode.window.showInformationMessage('Lambda Guard: open an account first (Audit AWS Account, Open Snapshot or Open Demo Account).', 'Open Demo Account').then((pick) => {
    if (pick) void vscode.commands.executeCommand('lambdaGuard.openDemoAccount');
  });
  return undefined;
}

/**
 * Everything of the dashboard, registered once by the composition root: the panels, their serializer
 * (panels come back after a reload), the two commands and the CodeLens on linked template resources.
 * Both commands resolve when the webview has drawn the view (tests and the open-time benchmark use it).
 */
export function registerDashboard(context: vscode.ExtensionContext, data: DashboardData): void {
  const panels = new DashboardPanels(context.extensionUri, data);
  context.subscriptions.push(
    panels,
    vscode.window.registerWebviewPanelSerializer(DASHBOARD_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel, state) => panels.restore(panel, state),
    }),
    vscode.commands.registerCommand(OPEN_DASHBOARD, async (arg?: unknown): Promise<DashboardOpened | undefined> => {
      const snapshot = data.snapshot();
      if (!snapshot) return noAccount();
      const fn = functionOfArg(arg, snapshot.functions) ?? (arg === undefined ? await pickFunction(snapshot.functions) : undefined);
      if (!fn) {
        if (arg !== undefined) void vscode.window.showWarningMessage(`Lambda Guard: ${String(typeof arg === 'string' ? arg : 'that function')} is not in the open account.`);
        return undefined;
      }
      return panels.open({ kind: 'function', arn: fn.arn });
    }),
    vscode.commands.registerCommand(OPEN_OVERVIEW, (): Promise<DashboardOpened> | undefined => (data.snapshot() ? panels.open({ kind: 'overview' }) : noAccount())),
    vscode.languages.registerCodeLensProvider(TEMPLATES, new DashboardCodeLens(data)),
  );
}
