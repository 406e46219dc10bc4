import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { loadTemplate } from '../iac/cloudformation/loadTemplate';
import { readCdkOut } from '../iac/cdkOut/readCdkOut';
import { DEFAULT_MAX_FILE_SIZE } from '../scan/analyzeOptions';
import { assemblyReader } from '../scan/cdkOutStep';
import { relativeFile } from '../scan/scanPaths';
import { walkFiles } from '../scan/walkFiles';
import { createSourceIndex, functionResources, samconfigStackNames, type SourceIndex, type SourceResource } from './sourceIndex';

const TEMPLATE_FILE = /\.(ya?ml|json|template)$/i;
const MAX_TEMPLATE_BYTES = 2 * 1024 * 1024;

/**
 * The function resources of the templates under `root` (same discovery and skip list as `scan`), each with
 * the stack names it may be deployed as: `stack_name` in a samconfig.toml beside it, and its folder's name.
 * CDK apps are linked through their synthesised templates in `cdk.out` (the stack names of its manifest);
 * their TypeScript is not parsed here.
 */
export async function buildSourceIndex(root: string, cwd: string, signal?: AbortSignal): Promise<SourceIndex> {
  const cdkOutDirs: string[] = [];
  const files = (await walkFiles([root], cwd, () => undefined, cdkOutDirs)).filter((f) => TEMPLATE_FILE.test(f));
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
  // Cloud-assembly reads stay inside the real path of the root (as `scan` reads them).
  const realRoot = cdkOutDirs.length ? await fs.realpath(root).catch(() => path.resolve(root)) : root;
  for (const dir of cdkOutDirs) {
    if (signal?.aborted) break;
    for (const r of synthesisedFunctions(dir, realRoot, cwd)) resources.push(r);
  }
  return createSourceIndex(resources);
}

/** The function resources of a cloud assembly's stacks, each deployable under its manifest's stack name only. */
function synthesisedFunctions(dir: string, realRoot: string, cwd: string): SourceResource[] {
  const read = assemblyReader(realRoot, DEFAULT_MAX_FILE_SIZE);
  const out: SourceResource[] = [];
  // A cloud assembly that cannot be read links nothing; `scan` is where its errors are reported.
  for (const t of readCdkOut(dir, { readFile: read }).index.templates) {
    const text = read(t.templateFile);
    if (typeof text !== 'string' || !text.includes('AWS::Lambda::Function')) continue;
    const model = loadTemplate(text, relativeFile(cwd, t.templateFile)).model;
    if (model) for (const r of functionResources(model, [t.stackName])) out.push(r);
  }
  return out;
}
