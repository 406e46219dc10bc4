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
  /** The file's text; undefined when it does not exist; `{ error }` when it exists but was not read (too large, a FIFO …). */
  readFile(absPath: string): string | undefined | { error: string };
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
  if (typeof text !== 'string') {
    errors.push({ file, message: text.error });
    return undefined;
  }
  try {
    const v: unknown = JSON.parse(text);
    if (v && typeof v === 'object') return v as Record<string, unknown>;
  } catch (e) {
    errors.push({ file, line: 1, message: `not valid JSON: ${(e as Error).message}` });
  }
  return undefined;
}

const strings = (v: unknown): string[] | undefined => (Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : undefined);
const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const stringOr = (v: unknown, fallback: string): string => (typeof v === 'string' ? v : fallback);

/**
 * `rel` (a manifest's `templateFile` or `directoryName`) under `dir`, or undefined when it leaves `dir`:
 * a manifest from an untrusted tree must not make the scan read `../../.aws/credentials` or `/etc/…`.
 */
function under(dir: string, rel: string): string | undefined {
  const p = path.resolve(dir, rel);
  return p.startsWith(dir.endsWith(path.sep) ? dir : dir + path.sep) ? p : undefined;
}

/** Resources of one stack from manifest metadata (`aws:cdk:logicalId` + traces) and the template's own Metadata. */
function readStack(io: CdkOutIo, dir: string, id: string, a: Artifact, errors: ScanError[]): CdkOutTemplate | undefined {
  const props = isObject(a.properties) ? a.properties : {};
  const templateFile = under(dir, stringOr(props.templateFile, `${id}.template.json`));
  const stackName = stringOr(props.stackName, id);
  if (!templateFile) {
    errors.push({ file: path.join(dir, 'manifest.json'), message: `the templateFile of stack ${id} points outside the cloud assembly: not read` });
    return undefined;
  }
  const resources = new Map<string, CdkOutResource>();
  const get = (logicalId: string): CdkOutResource => {
    let r = resources.get(logicalId);
    if (!r) resources.set(logicalId, (r = { logicalId }));
    return r;
  };
  for (const [p, entries] of Object.entries(isObject(a.metadata) ? a.metadata : {})) {
    if (!Array.isArray(entries)) continue;
    const list = entries.filter(isObject) as MetadataEntry[];
    const logical = list.find((e) => e.type === 'aws:cdk:logicalId' && typeof e.data === 'string');
    if (!logical) continue;
    const r = get(logical.data as string);
    r.path = p.replace(/^\//, '');
    r.trace = strings(list.find((e) => e.type === 'aws:cdk:creationStack')?.data) ?? strings(logical.trace) ?? r.trace;
  }
  const template = parse(io, templateFile, errors);
  if (!template) return resources.size ? { stackName, templateFile, resources } : undefined;
  const res = template.Resources;
  for (const [logicalId, body] of Object.entries(isObject(res) ? res : {})) {
    const b = isObject(body) ? body : {};
    const r = get(logicalId);
    if (typeof b.Type === 'string') r.type = b.Type;
    const md = isObject(b.Metadata) ? b.Metadata : {};
    if (typeof md['aws:cdk:path'] === 'string') r.path ??= md['aws:cdk:path'];
    r.trace ??= strings(md['aws:cdk:creationStack']);
  }
  return { stackName, templateFile, resources };
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
    const artifacts = isObject(manifest?.artifacts) ? (manifest.artifacts as Record<string, unknown>) : {};
    for (const [id, raw] of Object.entries(artifacts)) {
      if (!isObject(raw)) continue;
      const a = raw as Artifact;
      if (a.type === 'aws:cloudformation:stack') {
        const t = readStack(io, d, id, a, errors);
        if (t) index.templates.push(t);
      } else if (a.type === 'cdk:cloud-assembly' && isObject(a.properties) && typeof a.properties.directoryName === 'string' && depth < 3) {
        const nested = under(abs, path.join(path.relative(abs, d), a.properties.directoryName));
        if (nested) visit(nested, depth + 1);
        else errors.push({ file: path.join(d, 'manifest.json'), message: `the directoryName of assembly ${id} points outside the cloud assembly: not read` });
      }
    }
  };
  visit(abs, 0);
  return { index, errors };
}
