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

function candidatesById(sources: CdkSources): Map<string, Candidate[]> {
  const out = new Map<string, Candidate[]>();
  for (const model of sources.models) {
    for (const res of model.resources) {
      const list = out.get(res.logicalId) ?? [];
      list.push({ model, res });
      out.set(res.logicalId, list);
    }
  }
  return out;
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
function byLogicalId(logicalId: string, ids: Map<string, Candidate[]>): Candidate | undefined {
  const rest0 = logicalId.replace(/[0-9A-F]{8}$/, '');
  const keys = [...ids.keys()].map((k) => [sanitize(k), k] as const).filter(([s]) => s).sort((a, b) => b[0].length - a[0].length);
  let rest = rest0;
  let found: Candidate | undefined;
  for (let guard = 0; guard < 20 && rest; guard++) {
    const hit = keys.find(([s]) => rest.startsWith(s));
    if (!hit) break;
    found = ids.get(hit[1])![0];
    rest = rest.slice(hit[0].length);
  }
  return found;
}

/**
 * Finds the TypeScript line of a synthesised resource: the creation trace when recorded (the exact
 * call, even inside a custom construct), else the construct path, else the logical id's spelling.
 */
export function locateCdkResource(r: CdkOutResource, index: CdkOutIndex, sources: CdkSources): CdkOrigin | undefined {
  const ids = candidatesById(sources);
  const frame = r.trace ? userFrame(r.trace, index.appRoot, sources.fileExists) : undefined;
  const viaPath = r.path ? byPath(r.path, ids, frame?.file) : undefined;
  const viaId = !r.path ? byLogicalId(r.logicalId, ids) : undefined;
  if (frame) {
    const model = sources.models.find((m) => samePath(path.resolve(m.file), frame.file));
    const here = model?.resources.find((x) => x.range.startLine === frame.line);
    const range = here?.keyRange ?? { startLine: frame.line, startColumn: frame.column, endLine: frame.line, endColumn: frame.column + 1 };
    return { file: model?.file ?? frame.file, range, constructId: viaPath?.res.logicalId ?? here?.logicalId ?? viaId?.res.logicalId, via: 'trace' };
  }
  const c = viaPath ?? viaId;
  return c ? { file: c.model.file, range: c.res.keyRange, constructId: c.res.logicalId, via: viaPath ? 'path' : 'logicalId' } : undefined;
}
