/**
 * Messages between the extension host and the dashboard webview, and the data they carry. Plain types
 * only (no vscode, no DOM): both bundles import this file. Every string that came from AWS (names, tags,
 * ARNs, event fields, peer names) is data, rendered by the webview as text, never as HTML.
 */

export type DashboardSeverity = 'error' | 'warning' | 'info';

/** A time range the user picked; `custom` carries its bounds (epoch ms). */
export type RangeChoice = { kind: '1h' | '24h' | '7d' | '30d' } | { kind: 'custom'; start: number; end: number };

/** One chart: a metric over time, with the learned band where there is one. Times are epoch seconds. */
export interface ChartSeries {
  id: 'invocations' | 'errors' | 'throttles' | 'duration';
  title: string;
  /** Unit for axis labels and tooltips: `count`, `ms`. */
  unit: 'count' | 'ms';
  timestamps: number[];
  /** One or more lines (Duration has p50 and p99), same length as `timestamps`; null = no data point. */
  lines: { label: string; values: (number | null)[] }[];
  /** The learned expected band (low/high per timestamp), when a baseline exists. */
  band?: { low: (number | null)[]; high: (number | null)[] };
  /** Seconds per point (the metric's period), for tooltips and tables. */
  period?: number;
}

export interface AlertRow {
  id: string;
  ruleId: string;
  severity: DashboardSeverity;
  /** Epoch seconds. */
  time: number;
  functionName: string;
  message: string;
  /** Evidence as label/value pairs, already flattened to text. */
  evidence: { label: string; value: string }[];
  region?: string;
  /** The function's ARN when the snapshot has it: the link to its tree node and dashboard. */
  arn?: string;
  /** Every function of a shared network interface the alert may be about. */
  sharedWith?: string[];
}

export interface PeerRow {
  peer: string;
  /** What the address is: `RDS (orders-db)`, `internet`, `NAT gateway` … */
  label: string;
  port: number;
  service?: string;
  protocol: string;
  direction: string;
  bytes: number;
  packets: number;
  accepted: number;
  rejected: number;
  /** Epoch seconds. */
  first: number;
  last: number;
  /** Not in the group's learned set (an LG102 candidate). */
  isNew: boolean;
}

export interface ChangeRow {
  /** Epoch seconds. */
  time: number;
  /** `code updated`, `permission added` … */
  what: string;
  who: string;
  sourceIp?: string;
  eventName: string;
  /** What the change set (new code SHA, the permission's principal …), flattened to text. */
  details?: string;
}

export interface FindingRow {
  ruleId: string;
  severity: DashboardSeverity;
  message: string;
  suppressed: boolean;
}

export interface FunctionDashboard {
  kind: 'function';
  functionName: string;
  region: string;
  arn: string;
  /** Other functions sharing its network interfaces: peers belong to the group. */
  sharedWith: string[];
  /** Epoch ms. */
  range: { start: number; end: number; choice: RangeChoice };
  charts: ChartSeries[];
  alerts: AlertRow[];
  peers: PeerRow[];
  changes: ChangeRow[];
  findings: FindingRow[];
  /** Why something is empty or partial (no flow logs, still learning, a failed read). */
  notes: string[];
  /** Epoch ms: when the model was built (for "updated … ago"). */
  generatedAt?: number;
}

export interface OverviewRow {
  functionName: string;
  region: string;
  arn: string;
  alerts: number;
  worstAlert?: DashboardSeverity;
  errors: number;
  warnings: number;
  invocations: number;
  /** Invocations per bucket over the range, for a sparkline. */
  spark: number[];
}

export interface OverviewDashboard {
  kind: 'overview';
  account: string;
  /** Epoch ms. */
  range: { start: number; end: number; choice: RangeChoice };
  /** Ranked: open alerts first (by worst severity and count), then risky findings. */
  rows: OverviewRow[];
  alerts: AlertRow[];
  notes: string[];
  /** Epoch ms: when the model was built. */
  generatedAt?: number;
}

export type DashboardModel = FunctionDashboard | OverviewDashboard;

/** What a panel shows, kept by VS Code across reloads (webview state and the serializer). */
export interface PanelState {
  view: { kind: 'overview' } | { kind: 'function'; arn: string };
  range: RangeChoice;
}

// ---- messages ----

/** Webview → host. Requests carry an id; the host answers with a `response` of the same id. */
export type WebviewMessage =
  | { type: 'ready'; state?: PanelState }
  | { type: 'request'; id: number; method: 'load'; params: PanelState }
  | { type: 'request'; id: number; method: 'savePng'; params: { dataUrl: string; suggestedName: string } }
  | { type: 'request'; id: number; method: 'saveCsv'; params: { csv: string; suggestedName: string } }
  | { type: 'command'; name: 'openFunction'; arn: string }
  | { type: 'command'; name: 'revealInTree'; arn: string }
  | { type: 'command'; name: 'openRuleDoc'; ruleId: string }
  | { type: 'command'; name: 'refresh' }
  | { type: 'command'; name: 'openOverview' }
  /** After a model is on screen: what was drawn, read back from the DOM (tests and the open-time budget use it). */
  | { type: 'rendered'; report: RenderReport };

/** What the webview drew for one model. */
export interface RenderReport {
  view: 'function' | 'overview';
  /** The ARN of a function view; `overview` otherwise. */
  key: string;
  /** Chart canvases on screen and the data points they hold. */
  charts: number;
  points: number;
  alertRows: number;
  /** The view's heading as the page shows it (its text content): a function name stays text. */
  heading: string;
  /** Elements the page never creates itself (img, svg, iframe, object, embed, foreign scripts): 0. */
  foreign: number;
  /** Milliseconds from the model's arrival to its rendering. */
  ms: number;
}

/** Host → webview. */
export type HostMessage =
  | { type: 'response'; id: number; ok: true; result: DashboardModel | { saved: string | null } }
  | { type: 'response'; id: number; ok: false; error: string }
  | { type: 'model'; model: DashboardModel }
  | { type: 'theme'; kind: 'light' | 'dark' | 'high-contrast' | 'high-contrast-light' }
  | { type: 'loading'; message: string }
  /** The view cannot be shown (no account open, the function is gone); plain words for the user. */
  | { type: 'error'; message: string };

export function isWebviewMessage(m: unknown): m is WebviewMessage {
  if (!m || typeof m !== 'object') return false;
  const t = (m as { type?: unknown }).type;
  return t === 'ready' || t === 'request' || t === 'command' || t === 'rendered';
}

export function isHostMessage(m: unknown): m is HostMessage {
  if (!m || typeof m !== 'object') return false;
  const t = (m as { type?: unknown }).type;
  return t === 'response' || t === 'model' || t === 'theme' || t === 'loading' || t === 'error';
}
