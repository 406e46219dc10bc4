import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { pathSegments } from './pathKey';

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

/**
 * Lists the candidate files under the given paths (and collects `cdk.out` folders in `cdkOutDirs`). A path named explicitly is always taken, even
 * inside a skipped folder; folders found while walking are skipped per SKIPPED_DIRS.
 */
export async function walkFiles(paths: string[], cwd: string, onError: (file: string, message: string) => void, cdkOutDirs: string[] = []): Promise<string[]> {
  const out: string[] = [];
  const seen = new Set<string>();
  const visit = async (abs: string, explicit: boolean): Promise<void> => {
    let st;
    try {
      st = await fs.stat(abs);
    } catch (e) {
      onError(abs, `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      return;
    }
    if (st.isDirectory()) {
      if (!explicit && SKIPPED_DIRS.has(path.basename(abs))) {
        // Synthesised CDK templates are not scanned as files; they are mapped back to the TypeScript.
        if (path.basename(abs) === 'cdk.out') cdkOutDirs.push(abs);
        return;
      }
      let names: string[];
      try {
        names = (await fs.readdir(abs)).sort();
      } catch (e) {
        onError(abs, `cannot list folder: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
        return;
      }
      for (const n of names) await visit(path.join(abs, n), false);
    } else if (st.isFile() && (explicit || isCandidateFile(abs)) && !seen.has(abs)) {
      seen.add(abs);
      out.push(abs);
    }
  };
  for (const p of paths) await visit(path.resolve(cwd, p), true);
  return out;
}
