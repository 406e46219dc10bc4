import { createHash } from 'node:crypto';
import type * as Sarif from 'sarif';
import type { Finding, ScanError, ScanNotice } from '../model/finding';
import { jsonChunks, joinChunks, streamedArray, type Chunks } from './chunks';
import { ruleMarkdown } from '../hover/ruleMarkdown';
import type { RuleMeta } from '../model/rule';
import type { Severity } from '../model/severity';
import type { SourceLocation } from '../model/sourceRange';
import { TOOL_NAME } from './jsonReport';
import { sortErrors, sortFindings, type ScanResult } from './scanResult';

const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
/** GitHub code scanning resolves relative URIs against the checkout with this base id. */
export const SRCROOT = '%SRCROOT%';
/** Key of our partial fingerprint; bump the version if the hashed inputs ever change. */
export const FINGERPRINT_KEY = 'lambdaGuardFinding/v1';

const LEVEL: Record<Severity, Sarif.ReportingConfiguration.level> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
};
/** GitHub maps security-severity > 7 to high, > 4 to medium, > 0.1 to low. */
const SECURITY_SEVERITY: Record<Severity, string> = { error: '8.0', warning: '5.0', info: '2.0' };

/** The log with its two unbounded arrays (results, notifications) left as placeholders or filled in. */
function sarifLog(r: ScanResult, results: unknown, notifications: unknown): Sarif.Log {
  const rules = r.rules.map(ruleDescriptor);
  const index = new Map(r.rules.map((m, i) => [m.id, i]));
  // A finding whose rule has no metadata (e.g. a runtime alert) still gets a descriptor, so that
  // every result's ruleIndex is valid.
  for (const f of r.findings) {
    if (!index.has(f.ruleId)) {
      index.set(f.ruleId, rules.length);
      rules.push(bareDescriptor(f.ruleId, f.severity));
    }
  }
  const run: Sarif.Run = {
    tool: {
      driver: {
        name: TOOL_NAME,
        version: r.toolVersion,
        semanticVersion: r.toolVersion,
        rules,
      },
    },
    invocations: [
      {
        executionSuccessful: r.errors.length === 0,
        toolExecutionNotifications: notifications as Sarif.Notification[],
      },
    ],
    columnKind: 'utf16CodeUnits',
    results: results as Sarif.Result[],
    properties: { filesScanned: r.filesScanned },
  };
  return { $schema: SARIF_SCHEMA, version: '2.1.0', runs: [run] };
}

function ruleIndexes(r: ScanResult): Map<string, number> {
  const index = new Map(r.rules.map((m, i) => [m.id, i]));
  let next = r.rules.length;
  for (const f of r.findings) if (!index.has(f.ruleId)) index.set(f.ruleId, next++);
  return index;
}

/** Results in report order, each with its fingerprint; produced one at a time. */
function* resultsOf(r: ScanResult): Generator<Sarif.Result> {
  const index = ruleIndexes(r);
  const seen = new Map<string, number>();
  for (const f of sortFindings(r.findings)) yield result(f, index.get(f.ruleId) ?? -1, fingerprint(f, seen));
}

function* notificationsOf(r: ScanResult): Generator<Sarif.Notification> {
  for (const e of sortErrors(r.errors)) yield notification(e, 'error');
  for (const n of r.notices ?? []) yield notification(n, 'note');
}

/** SARIF 2.1.0 log for GitHub code scanning, VS Code's SARIF viewer and other consumers. */
export function toSarif(r: ScanResult): Sarif.Log {
  return sarifLog(r, [...resultsOf(r)], [...notificationsOf(r)]);
}

/** The log as JSON text, written result by result (see jsonChunks). */
export function sarifChunks(r: ScanResult): Chunks {
  return (function* () {
    yield* jsonChunks(sarifLog(r, streamedArray('results'), streamedArray('notifications')), { results: resultsOf(r), notifications: notificationsOf(r) });
    yield '\n';
  })();
}

export function sarifText(r: ScanResult): string {
  return joinChunks(sarifChunks(r));
}

function ruleDescriptor(m: RuleMeta): Sarif.ReportingDescriptor {
  return {
    id: m.id,
    name: m.name,
    shortDescription: { text: m.title },
    fullDescription: { text: m.description },
    // The help travels inline: a SARIF viewer needs no link that may not resolve (the rule pages ship
    // with the extension and the CLI, not on a web server).
    help: {
      text: `${m.description}\n\nHow to fix: ${m.fixHint}\n\nTo suppress: a comment \`lambda-guard-ignore ${m.id}: <reason>\` above the line, or resource Metadata lambda-guard.ignore [{ id: ${m.id}, reason }].`,
      markdown: ruleMarkdown(m),
    },
    defaultConfiguration: { level: LEVEL[m.defaultSeverity] },
    properties: ruleProperties(m.defaultSeverity),
  };
}

function bareDescriptor(id: string, severity: Severity): Sarif.ReportingDescriptor {
  return {
    id,
    name: id,
    shortDescription: { text: `Lambda Guard ${id}` },
    defaultConfiguration: { level: LEVEL[severity] },
    properties: ruleProperties(severity),
  };
}

function ruleProperties(severity: Severity): Sarif.PropertyBag {
  // `security` makes GitHub treat the rule as a security query and read security-severity.
  return { tags: ['security', 'aws', 'lambda'], precision: 'high', 'security-severity': SECURITY_SEVERITY[severity] };
}

function result(f: Finding, ruleIndex: number, fingerprint: string): Sarif.Result {
  const res: Sarif.Result = {
    ruleId: f.ruleId,
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [resultLocation(f)],
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprint },
  };
  if (f.related?.length) {
    res.relatedLocations = f.related.map((rel, i) => ({
      id: i + 1,
      physicalLocation: physical(rel.location),
      message: { text: rel.message },
    }));
  }
  if (f.suppressed) {
    res.suppressions = [{ kind: 'inSource', justification: f.suppression?.reason ?? '' }];
  }
  const props: Sarif.PropertyBag = {};
  if (f.resource !== undefined) props.resource = f.resource;
  if (f.branch !== undefined) props.branch = f.branch;
  if (Object.keys(props).length) res.properties = props;
  return res;
}

function resultLocation(f: Finding): Sarif.Location {
  const loc: Sarif.Location = {};
  if (f.location) loc.physicalLocation = physical(f.location);
  if (f.target) {
    loc.logicalLocations = [
      { name: f.target.functionName ?? f.target.arn, fullyQualifiedName: f.target.arn, kind: 'resource' },
    ];
  }
  return loc;
}

function physical(l: SourceLocation): Sarif.PhysicalLocation {
  return {
    artifactLocation: artifact(l.file),
    region: {
      startLine: atLeast1(l.startLine),
      startColumn: atLeast1(l.startColumn),
      endLine: Math.max(atLeast1(l.endLine), atLeast1(l.startLine)),
      endColumn: atLeast1(l.endColumn),
    },
  };
}

function notification(e: ScanError | ScanNotice, level: Sarif.Notification.level): Sarif.Notification {
  const n: Sarif.Notification = { level, message: { text: e.message } };
  const artifactLocation = artifact(e.file);
  const column = 'column' in e ? e.column : undefined;
  n.locations = [
    {
      physicalLocation:
        e.line === undefined
          ? { artifactLocation }
          : { artifactLocation, region: errorRegion(e.line, column) },
    },
  ];
  return n;
}

/**
 * Where a file is, as SARIF wants it: a relative path is a URI reference resolved against %SRCROOT%; a
 * path outside the working folder (absolute) is a `file:` URI of its own.
 */
function artifact(file: string): Sarif.ArtifactLocation {
  const uri = toUri(file);
  return /^file:/.test(uri) ? { uri } : { uri, uriBaseId: SRCROOT };
}

/**
 * A URI reference for a report path (always written with `/`): each segment percent-encoded, so `%`,
 * `#`, `?`, spaces, a `:` that would read as a scheme and a backslash (part of a POSIX file name, not a
 * separator) stay part of the name; no leading `./`. Absolute paths become `file:` URIs.
 */
export function toUri(file: string): string {
  const drive = /^([A-Za-z]):\//.exec(file);
  const abs = drive ? file.slice(2) : file.startsWith('/') ? file : undefined;
  const segs = (abs ?? file.replace(/^(\.\/)+/, '')).split('/').map(encodeSegment);
  if (abs === undefined) return segs.join('/');
  return `file://${drive ? `/${drive[1]}:` : ''}${segs.join('/')}`;
}

/** encodeURIComponent, plus the characters it leaves that are not safe everywhere in a path segment. */
function encodeSegment(seg: string): string {
  return encodeURIComponent(seg).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function errorRegion(line: number, column: number | undefined): Sarif.Region {
  return column === undefined ? { startLine: atLeast1(line) } : { startLine: atLeast1(line), startColumn: atLeast1(column) };
}

function atLeast1(n: number): number {
  return Number.isFinite(n) && n >= 1 ? Math.floor(n) : 1;
}

/**
 * Stable across edits that move a finding: hashes the rule, the file (or ARN), the resource and the
 * message, never line numbers. Identical findings get `:2`, `:3`… in source order, as GitHub does for
 * its own line hashes, so they stay distinct alerts (`seen` counts them across one report).
 */
function fingerprint(f: Finding, seen: Map<string, number>): string {
  const where = f.location ? toUri(f.location.file) : (f.target?.arn ?? '');
  const hash = createHash('sha256')
    .update([f.ruleId, where, f.resource ?? '', f.message].join('\u0000'))
    .digest('hex')
    .slice(0, 32);
  const n = (seen.get(hash) ?? 0) + 1;
  seen.set(hash, n);
  return `${hash}:${n}`;
}
