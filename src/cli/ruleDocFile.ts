import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { ruleDocPath } from '../core/model/rule';

/**
 * The rule's page on disk: `docs/rules/<id>.md` of the package the CLI runs from (dist/cli.js sits one
 * folder below the package root; the sources two). Undefined when the page is not there.
 */
export function ruleDocFile(id: string, here = __dirname): string | undefined {
  for (const root of [path.resolve(here, '..'), path.resolve(here, '..', '..')]) {
    const file = path.join(root, ruleDocPath(id));
    if (existsSync(file)) return file;
  }
  return undefined;
}
