import * as path from 'node:path';
import type { ScanError } from '../../model/finding';

/** Where one synthesised resource came from. */
export interface CdkOutResource {
  logicalId: string;
  type?: string;
  /** Construct path without the leading slash: `OrdersStack/Api/ServiceRole/Resource`. */
  path?: string;
  /** Creation stack frames, innermost first (`new OrdersStack (/app/lib/orders-stack.ts:30:5)`). */
  trace?: string[];
}

export interface CdkOutTemplate {
  stackName: string;
  /** Absolute path of `<Stack>.template.json`. */
  templateFile: string;
  resources: Map<string, CdkOutResource>;
}

export interface CdkOutIndex {
  /** Absolute path of the cloud assembly (`cdk.out`). */
  dir: string;
  /** The CDK app's directory (where `cdk.out` was written): trace paths are matched below it. */
  appRoot: string;
  templates: CdkOutTemplate[];
}

export interface CdkOutIo {
  readFile(absPath: string): string | undefined;
}

interface MetadataEntry {
  type?: string;
  data?: unknown;
  trace?: string[];
}

interface Artifact {
  type?: string;
  properties?: { templateFile?: string; stackName?: string; directoryName?: string };
  metadata?: Record<string, MetadataEntry[]>;
}

function parse(io: CdkOutIo, file: string, errors: ScanError[]): Record<string, unknown> | undefined {
  const text = io.readFile(file);
  if (text === undefined) return undefined;
  try {
    const v: unknown = JSON.parse(text);
    if (v && typeof v === 'object') return v as Record<string, unknown>;
  } catch (e) {
    errors.push({ file, line: 1, message: `not valid JSON: ${(e as Error).message}` });
  }
  return undefined;
}

const strings = (v: unknown): string[] | undefined => (Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : undefined);

/** Resources of one stack from manifest metadata (`aws:cdk:logicalId` + traces) and the template's own Metadata. */
function readStack(io: CdkOutIo, dir: string, id: string, a: Artifact, errors: ScanError[]): CdkOutTemplate | undefined {
  const templateFile = path.join(dir, a.properties?.templateFile ?? `${id}.template.json`);
  const resources = new Map<string, CdkOutResource>();
  const get = (logicalId: string): CdkOutResource => {
    let r = resources.get(logicalId);
    if (!r) resources.set(logicalId, (r = { logicalId }));
    return r;
  };
  for (const [p, entries] of Object.entries(a.metadata ?? {})) {
    const logical = entries.find((e) => e.type === 'aws:cdk:logicalId' && typeof e.data === 'string');
    if (!logical) continue;
    const r = get(logical.data as string);
    r.path = p.replace(/^\//, '');
    r.trace = strings(entries.find((e) => e.type === 'aws:cdk:creationStack')?.data) ?? logical.trace ?? r.trace;
  }
  const template = parse(io, templateFile, errors);
  if (!template) return resources.size ? { stackName: a.properties?.stackName ?? id, templateFile, resources } : undefined;
  const res = template.Resources;
  for (const [logicalId, body] of Object.entries(res && typeof res === 'object' ? (res as Record<string, unknown>) : {})) {
    const b = (body ?? {}) as { Type?: unknown; Metadata?: Record<string, unknown> };
    const r = get(logicalId);
    if (typeof b.Type === 'string') r.type = b.Type;
    const md = b.Metadata ?? {};
    if (typeof md['aws:cdk:path'] === 'string') r.path ??= md['aws:cdk:path'] as string;
    r.trace ??= strings(md['aws:cdk:creationStack']);
  }
  return { stackName: a.properties?.stackName ?? id, templateFile, resources };
}

/**
 * Reads a cloud assembly: `manifest.json` (stacks, logical ids, creation traces; nested assemblies of
 * stages) and each `*.template.json`'s resource Metadata (`aws:cdk:path`). Never throws.
 */
export function readCdkOut(dir: string, io: CdkOutIo): { index: CdkOutIndex; errors: ScanError[] } {
  const abs = path.resolve(dir);
  const errors: ScanError[] = [];
  const index: CdkOutIndex = { dir: abs, appRoot: path.dirname(abs), templates: [] };
  const visit = (d: string, depth: number): void => {
    const manifest = parse(io, path.join(d, 'manifest.json'), errors);
    const artifacts = (manifest?.artifacts ?? {}) as Record<string, Artifact>;
    for (const [id, a] of Object.entries(artifacts)) {
      if (a.type === 'aws:cloudformation:stack') {
        const t = readStack(io, d, id, a, errors);
        if (t) index.templates.push(t);
      } else if (a.type === 'cdk:cloud-assembly' && a.properties?.directoryName && depth < 3) {
        visit(path.join(d, a.properties.directoryName), depth + 1);
      }
    }
  };
  visit(abs, 0);
  return { index, errors };
}
