import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { loadTemplate } from '../iac/cloudformation/loadTemplate';
import { relativeFile } from '../scan/scanPaths';
import { walkFiles } from '../scan/walkFiles';
import { createSourceIndex, functionResources, samconfigStackNames, type SourceIndex, type SourceResource } from './sourceIndex';

const TEMPLATE_FILE = /\.(ya?ml|json|template)$/i;
const MAX_TEMPLATE_BYTES = 2 * 1024 * 1024;

/**
 * The function resources of the templates under `root` (same discovery and skip list as `scan`; CDK
 * TypeScript is not parsed here), each with the stack names it may be deployed as: `stack_name` in a
 * samconfig.toml beside it, and its folder's name.
 */
export async function buildSourceIndex(root: string, cwd: string, signal?: AbortSignal): Promise<SourceIndex> {
  const files = (await walkFiles([root], cwd, () => undefined)).filter((f) => TEMPLATE_FILE.test(f));
  const stackNamesByDir = new Map<string, string[]>();
  const resources: SourceResource[] = [];
  for (const abs of files) {
    if (signal?.aborted) break;
    try {
      if ((await fs.stat(abs)).size > MAX_TEMPLATE_BYTES) continue;
      const text = await fs.readFile(abs, 'utf8');
      if (!/AWS::(Serverless|Lambda)::Function/.test(text)) continue;
      const model = loadTemplate(text, relativeFile(cwd, abs)).model;
      if (!model) continue;
      const dir = path.dirname(abs);
      let names = stackNamesByDir.get(dir);
      if (!names) {
        const fromConfig = await fs.readFile(path.join(dir, 'samconfig.toml'), 'utf8').then(samconfigStackNames, () => []);
        names = [...fromConfig, path.basename(dir)];
        stackNamesByDir.set(dir, names);
      }
      for (const r of functionResources(model, names)) resources.push(r);
    } catch {
      // An unreadable template links nothing; `scan` is where its error is reported.
    }
  }
  return createSourceIndex(resources);
}
