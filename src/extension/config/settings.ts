import * as vscode from 'vscode';
import type { AnalyzeOptions } from '../../core/scan/analyzeText';
import type { Severity } from '../../core/model/severity';

/** The `lambdaGuard.*` settings, validated (a hand-edited settings.json may hold anything). */
export interface LgSettings {
  disabledRules: string[];
  severityOverrides: Record<string, Severity>;
  include: string[];
  exclude: string[];
  scanOn: 'type' | 'save';
  typingDelay: number;
  maxFileSizeKiB: number;
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
    include: strings(c.get('include'), ['**/*.{yaml,yml,json,template}', '**/*.ts']),
    exclude: strings(c.get('exclude'), ['**/node_modules/**']),
    scanOn: c.get('scanOn') === 'save' ? 'save' : 'type',
    typingDelay: num(c.get('typingDelay'), 300, 0),
    maxFileSizeKiB: num(c.get('maxFileSize'), 2048, 1),
    scanWorkspaceOnStartup: c.get('scanWorkspaceOnStartup') !== false,
  };
}

export function analyzeOptions(s: LgSettings): AnalyzeOptions {
  return { disabledRules: s.disabledRules, severityOverrides: s.severityOverrides, maxFileSize: s.maxFileSizeKiB * 1024 };
}

/** Expands one level of `{a,b}` groups: VS Code globs do not nest braces, and findFiles takes one pattern. */
export function expandBraces(pattern: string): string[] {
  const m = /\{([^{}]*)\}/.exec(pattern);
  if (!m) return [pattern];
  return m[1].split(',').flatMap((alt) => expandBraces(pattern.slice(0, m.index) + alt + pattern.slice(m.index + m[0].length)));
}

/** One findFiles exclude pattern for a list of globs. */
export function excludeGlob(patterns: string[]): string | undefined {
  const flat = patterns.flatMap(expandBraces);
  if (flat.length === 0) return undefined;
  return flat.length === 1 ? flat[0] : `{${flat.join(',')}}`;
}
