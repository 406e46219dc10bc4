import * as vscode from 'vscode';
import type { AnalyzeOptions } from '../../core/scan/analyzeText';
import type { Severity } from '../../core/model/severity';

/** The `lambdaGuard.*` settings, validated (a hand-edited settings.json may hold anything). */
export interface LgSettings {
  disabledRules: string[];
  severityOverrides: Record<string, Severity>;
  scanOn: 'type' | 'save';
  typingDelay: number;
  scanWorkspaceOnStartup: boolean;
}

export const SECTION = 'lambdaGuard';
const SEVERITIES = new Set(['error', 'warning', 'info']);

function strings(v: unknown, fallback: string[]): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.trim() !== '') : fallback;
}

function overrides(v: unknown): Record<string, Severity> {
  const out: Record<string, Severity> = {};
  if (v && typeof v === 'object') {
    for (const [k, s] of Object.entries(v as Record<string, unknown>)) {
      if (typeof s === 'string' && SEVERITIES.has(s)) out[k.toUpperCase()] = s as Severity;
    }
  }
  return out;
}

function num(v: unknown, fallback: number, min: number): number {
  return typeof v === 'number' && Number.isFinite(v) && v >= min ? v : fallback;
}

/**
 * Reads the settings. In an untrusted workspace VS Code itself ignores workspace values of the
 * settings listed in `capabilities.untrustedWorkspaces.restrictedConfigurations`.
 */
export function readSettings(scope?: vscode.Uri): LgSettings {
  const c = vscode.workspace.getConfiguration(SECTION, scope);
  return {
    disabledRules: strings(c.get('disabledRules'), []).map((s) => s.toUpperCase()),
    severityOverrides: overrides(c.get('severityOverrides')),
    scanOn: c.get('scanOn') === 'save' ? 'save' : 'type',
    typingDelay: num(c.get('typingDelay'), 300, 0),
    scanWorkspaceOnStartup: c.get('scanWorkspaceOnStartup') !== false,
  };
}

/** Which files are read, the skip list and the size limit are the core scan's, as in the CLI: only rule choices are settings. */
export function analyzeOptions(s: LgSettings): Pick<AnalyzeOptions, 'disabledRules' | 'severityOverrides'> {
  return { disabledRules: s.disabledRules, severityOverrides: s.severityOverrides };
}
