import * as path from 'node:path';
import { samePath } from '../../scan/pathKey';
import type { SourceRange } from '../../model/sourceRange';
import type { ResourceInfo, TemplateModel } from '../../model/templateModel';
import type { CdkOutIndex, CdkOutResource } from './readCdkOut';

/** The CDK TypeScript side: the app's analysed source files, and a way to test trace paths. */
export interface CdkSources {
  models: TemplateModel[];
  fileExists(absPath: string): boolean;
}

/** Where a synthesised resource is written in the TypeScript app. */
export interface CdkOrigin {
  file: string;
  range: SourceRange;
  /** The construct id found on the way (the deepest known id of the construct path). */
  constructId?: string;
  via: 'trace' | 'path' | 'logicalId';
}

const TS = /\.(ts|tsx|mts|cts)$/;
const FRAME = /\(?(?:file:\/\/)?((?:[A-Za-z]:)?[^():]+?):(\d+):(\d+)\)?\s*$/;

/** The first creation-stack frame in the app's own TypeScript (not the CDK, not node internals). */
export function userFrame(trace: string[], appRoot: string, fileExists: (p: string) => boolean): { file: string; line: number; column: number } | undefined {
  for (const raw of trace) {
    const m = FRAME.exec(raw.trim());
    if (!m || /[\\/]node_modules[\\/]/.test(m[1]) || !TS.test(m[1])) continue;
    const file = resolveTracePath(m[1], appRoot, fileExists);
    if (file) return { file, line: Number(m[2]), column: Number(m[3]) };
  }
  return undefined;
}

/** Traces hold paths of the machine that ran `cdk synth`: try the path, then its suffixes under the app. */
export function resolveTracePath(p: string, appRoot: string, fileExists: (p: string) => boolean): string | undefined {
  if (path.isAbsolute(p) && fileExists(p)) return p;
  const parts = p.split(/[\\/]/).filter(Boolean);
  for (let i = 0; i < parts.length; i++) {
    const candidate = path.join(appRoot, ...parts.slice(i));
    if (fileExists(candidate)) return candidate;
  }
  return undefined;
}

interface Candidate {
  model: TemplateModel;
  res: ResourceInfo;
}

interface SourceIndex {
  ids: Map<string, Candidate[]>;
  /** Sanitised id → the first id with that spelling, and the lengths of the sanitised ids, longest first (byLogicalId). */
  spellings: Map<string, string>;
  lengths: number[];
  /** Per model, the first resource starting on each line. */
  byLine: Map<TemplateModel, Map<number, ResourceInfo>>;
}

// Built once per `sources` (one cdk.out step), not once per finding: a template with 100,000 findings
// must not rebuild the index 100,000 times.
const indexes = new WeakMap<CdkSources, SourceIndex>();

function indexOf(sources: CdkSources): SourceIndex {
  let index = indexes.get(sources);
  if (index) return index;
  const ids = new Map<string, Candidate[]>();
  const byLine = new Map<TemplateModel, Map<number, ResourceInfo>>();
  for (const model of sources.models) {
    const lines = new Map<number, ResourceInfo>();
    byLine.set(model, lines);
    for (const res of model.resources) {
      const list = ids.get(res.logicalId) ?? [];
      list.push({ model, res });
      ids.set(res.logicalId, list);
      if (!lines.has(res.range.startLine)) lines.set(res.range.startLine, res);
    }
  }
  const spellings = new Map<string, string>();
  for (const k of ids.keys()) {
    const s = sanitize(k);
    if (s && !spellings.has(s)) spellings.set(s, k);
  }
  const lengths = [...new Set([...spellings.keys()].map((s) => s.length))].sort((a, b) => b - a);
  index = { ids, spellings, lengths, byLine };
  indexes.set(sources, index);
  return index;
}

const GENERIC = new Set(['Resource', 'Default']);

/** The deepest segment of `Stack/Api/Handler/ServiceRole/Resource` that names a construct in the sources. */
function byPath(p: string, ids: Map<string, Candidate[]>, preferFile?: string): Candidate | undefined {
  const segs = p.split('/').filter((s) => s && !GENERIC.has(s));
  for (let i = segs.length - 1; i >= 1; i--) {
    const list = ids.get(segs[i]);
    if (!list) continue;
    return list.find((c) => preferFile && samePath(path.resolve(c.model.file), preferFile)) ?? list[0];
  }
  return undefined;
}

const sanitize = (s: string): string => s.replace(/[^A-Za-z0-9]/g, '');

/** Without a path, CDK logical ids are the path's ids concatenated plus an 8-hex hash: split them greedily. */
function byLogicalId(logicalId: string, { ids, spellings, lengths }: SourceIndex): Candidate | undefined {
  let rest = logicalId.replace(/[0-9A-F]{8}$/, '');
  let found: Candidate | undefined;
  for (let guard = 0; guard < 20 && rest; guard++) {
    // The longest id that starts the rest (looked up by length: no scan over every id).
    const len = lengths.find((n) => n <= rest.length && spellings.has(rest.slice(0, n)));
    if (len === undefined) break;
    found = ids.get(spellings.get(rest.slice(0, len))!)![0];
    rest = rest.slice(len);
  }
  return found;
}

/**
 * Finds the TypeScript line of a synthesised resource: the creation trace when recorded (the exact
 * call, even inside a custom construct), else the construct path, else the logical id's spelling.
 */
export function locateCdkResource(r: CdkOutResource, index: CdkOutIndex, sources: CdkSources): CdkOrigin | undefined {
  const si = indexOf(sources);
  const ids = si.ids;
  const frame = r.trace ? userFrame(r.trace, index.appRoot, sources.fileExists) : undefined;
  const viaPath = r.path ? byPath(r.path, ids, frame?.file) : undefined;
  const viaId = !r.path ? byLogicalId(r.logicalId, si) : undefined;
  if (frame) {
    const model = sources.models.find((m) => samePath(path.resolve(m.file), frame.file));
    const here = model ? si.byLine.get(model)?.get(frame.line) : undefined;
    const range = here?.keyRange ?? { startLine: frame.line, startColumn: frame.column, endLine: frame.line, endColumn: frame.column + 1 };
    return { file: model?.file ?? frame.file, range, constructId: viaPath?.res.logicalId ?? here?.logicalId ?? viaId?.res.logicalId, via: 'trace' };
  }
  const c = viaPath ?? viaId;
  return c ? { file: c.model.file, range: c.res.keyRange, constructId: c.res.logicalId, via: viaPath ? 'path' : 'logicalId' } : undefined;
}
