import { promises as fs, type Stats } from 'node:fs';
import * as path from 'node:path';
import { pathSegments } from './pathKey';
import { isInside } from './readBounded';

/** Folders that hold generated or third-party files; skipped unless named on the command line. */
export const SKIPPED_DIRS = new Set(['node_modules', '.git', 'cdk.out', '.aws-sam', '.venv', '.venv-moto', '.cache', 'dist', 'out']);

const CANDIDATE = /\.(ya?ml|json|template|ts|mts|cts)$/i;
const NEVER = /(^|\/)(package(-lock)?\.json|tsconfig(\.[\w-]+)?\.json|[^/]+\.d\.ts|\.eslintrc\.json|composer\.json)$/i;

export function isCandidateFile(file: string): boolean {
  const norm = file.replace(/\\/g, '/');
  return CANDIDATE.test(norm) && !NEVER.test(norm);
}

/**
 * True when a folder scan would read this file: a candidate name, and no folder on the way is skipped.
 * `rel` is relative to the scanned folder, with either separator (editors watching files use this).
 */
export function isScannedPath(rel: string): boolean {
  const segs = pathSegments(rel);
  return segs.slice(0, -1).every((s) => !SKIPPED_DIRS.has(s)) && isCandidateFile(rel);
}

/** A file to scan and the real path of the scanned root it was found under (reads it triggers stay inside). */
export interface WalkedFile {
  abs: string;
  root: string;
  named: boolean;
}

export interface WalkHooks {
  onError: (file: string, message: string) => void;
  /** Something named or met that is deliberately not read (a FIFO named explicitly, a link out of the root). */
  onNotice?: (file: string, message: string) => void;
}

export interface WalkResult {
  files: WalkedFile[];
  /** `cdk.out` folders met while walking, with their root. */
  cdkOutDirs: { dir: string; root: string }[];
}

const errno = (e: unknown): string => (e as NodeJS.ErrnoException).code ?? (e as Error).message;

/** The real path of `abs` (links resolved) and what is there, or why it cannot be known. */
async function resolved(abs: string): Promise<{ real: string; st: Stats } | { error: string }> {
  try {
    const real = await fs.realpath(abs);
    return { real, st: await fs.stat(real) };
  } catch (e) {
    return { error: `cannot read: ${errno(e)}` };
  }
}

function kindOf(st: { isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): string {
  if (st.isFIFO()) return 'a FIFO';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

/**
 * Lists the candidate files under the given paths. Hostile trees cannot loop or leak: each folder is
 * walked once (by real path, so a link to `.` or a cycle of links ends there), each file is listed
 * once, only regular files are listed (FIFOs, sockets, devices are skipped, with a notice when named),
 * and a symbolic link met while walking is followed only when its target stays inside the named root.
 * A path named explicitly is always taken, even inside a skipped folder.
 */
export async function walkTree(paths: string[], cwd: string, hooks: WalkHooks): Promise<WalkResult> {
  const result: WalkResult = { files: [], cdkOutDirs: [] };
  const walkedDirs = new Set<string>();
  const listed = new Map<string, WalkedFile>();
  const realCwd = await fs.realpath(cwd).catch(() => path.resolve(cwd));

  const addFile = (abs: string, real: string, root: string, named: boolean): void => {
    const seen = listed.get(real);
    if (seen) {
      // Named again after a folder walk found it: it still gets the notice of a named file.
      seen.named ||= named;
      return;
    }
    const f = { abs, root, named };
    listed.set(real, f);
    result.files.push(f);
  };

  const walkDir = async (abs: string, real: string, root: string): Promise<void> => {
    if (walkedDirs.has(real)) return;
    walkedDirs.add(real);
    let entries;
    try {
      entries = await fs.readdir(abs, { withFileTypes: true });
    } catch (e) {
      hooks.onError(abs, `cannot list folder: ${errno(e)}`);
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const d of entries) {
      const child = path.join(abs, d.name);
      const childReal = path.join(real, d.name);
      if (d.isDirectory()) await visitDir(child, childReal, root);
      else if (d.isFile()) {
        if (isCandidateFile(child)) addFile(child, childReal, root, false);
      } else if (d.isSymbolicLink()) await visitLink(child, root);
      else if (!d.isFIFO() && !d.isSocket() && !d.isCharacterDevice() && !d.isBlockDevice()) await visitUnknown(child, root);
      // FIFOs, sockets and devices in a folder are skipped without a word: they are never templates.
    }
  };

  const visitDir = async (abs: string, real: string, root: string): Promise<void> => {
    if (SKIPPED_DIRS.has(path.basename(abs))) {
      // Synthesised CDK templates are not scanned as files; they are mapped back to the TypeScript.
      if (path.basename(abs) === 'cdk.out' && !walkedDirs.has(real)) {
        walkedDirs.add(real);
        result.cdkOutDirs.push({ dir: abs, root });
      }
      return;
    }
    await walkDir(abs, real, root);
  };

  /** A link met while walking: followed once, and only when it stays inside the root. */
  const visitLink = async (abs: string, root: string): Promise<void> => {
    const target = await resolved(abs);
    if ('error' in target) {
      if (isCandidateFile(abs)) hooks.onError(abs, target.error);
      return;
    }
    const { real, st } = target;
    if (!st.isDirectory() && !(st.isFile() && isCandidateFile(abs))) return;
    if (!isInside(root, real)) {
      hooks.onNotice?.(abs, 'symbolic link to a place outside the scanned folder: not followed');
      return;
    }
    if (st.isDirectory()) await visitDir(abs, real, root);
    else addFile(abs, real, root, false);
  };

  /** File systems that do not report entry types. */
  const visitUnknown = async (abs: string, root: string): Promise<void> => {
    const st = await fs.lstat(abs).catch(() => undefined);
    if (st?.isSymbolicLink()) return visitLink(abs, root);
    const real = await fs.realpath(abs).catch(() => abs);
    if (st?.isDirectory()) await visitDir(abs, real, root);
    else if (st?.isFile() && isCandidateFile(abs)) addFile(abs, real, root, false);
  };

  for (const p of paths) {
    const abs = path.resolve(cwd, p);
    const target = await resolved(abs);
    if ('error' in target) {
      hooks.onError(abs, target.error);
      continue;
    }
    const { real, st } = target;
    if (st.isDirectory()) await walkDir(abs, real, real);
    else if (st.isFile()) {
      // A file named alone may import its neighbours: its root is the working folder when it lies inside.
      addFile(abs, real, isInside(realCwd, real) ? realCwd : path.dirname(real), true);
    } else hooks.onNotice?.(abs, `${kindOf(st)}, not a regular file: not read`);
  }
  return result;
}

/**
 * Lists the candidate files under the given paths (and collects `cdk.out` folders in `cdkOutDirs`); see walkTree.
 */
export async function walkFiles(paths: string[], cwd: string, onError: (file: string, message: string) => void, cdkOutDirs: string[] = []): Promise<string[]> {
  const r = await walkTree(paths, cwd, { onError });
  for (const d of r.cdkOutDirs) cdkOutDirs.push(d.dir);
  return r.files.map((f) => f.abs);
}
