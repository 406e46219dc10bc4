import type { ScanError } from '../../model/finding';
import type { Statement } from '../../model/policy';
import { emptyModel, type TemplateModel } from '../../model/templateModel';
import { HOLE } from '../../model/value';
import { commentsToSuppressions, findSuppressionComments } from '../../suppress/commentSuppressions';
import { nodeStartsByLine } from '../../suppress/nodeStarts';
import { parseEmbeddedJson, parseEmbeddedSubJson } from '../cloudformation/embeddedJson';
import type { ExtractContext } from '../cloudformation/extractContext';
import { pushStatements } from '../cloudformation/extractResourcePolicy';
import { extractEnv } from '../cloudformation/extractLambda';
import { extractResources, isJsonFile, type LoadResult } from '../cloudformation/loadTemplate';
import type { ResolveContext } from '../cloudformation/resolveContext';
import { readStatement } from '../cloudformation/readStatement';
import { parseJson } from '../tree/parseJson';
import { limitMessage, parseYaml } from '../tree/parseYaml';
import { entry, get, scalarString, type TEntry, type TNode } from '../tree/tnode';
import { isServerlessConfig, looksLikeServerless, normalizedName } from './detectServerless';
import { extractSlsFunction } from './slsFunctions';
import { extractProviderRole, PROVIDER, SHARED_ROLE } from './slsIam';
import { nameHoles, resolveTree } from './slsTree';
import { SlsResolver } from './slsVariables';

/** Entries of a map, or of every map of a list (Serverless merges `functions` and `resources` given as lists). */
function mergedEntries(n: TNode | undefined): TEntry[] {
  if (!n) return [];
  return n.kind === 'map' ? n.entries : n.kind === 'seq' ? n.items.flatMap((i) => (i.kind === 'map' ? i.entries : [])) : [];
}

function mergedMap(entries: TEntry[], range: TNode['range']): TNode {
  return { kind: 'map', entries, range };
}

/** Logical ids Serverless generates, so `!Ref HelloLambdaFunction` in `resources` is known (and maps back to `hello`). */
function generatedIds(functions: TEntry[]): Map<string, string | undefined> {
  const ids = new Map<string, string | undefined>([[SHARED_ROLE, undefined], ['ApiGatewayRestApi', undefined], ['HttpApi', undefined], ['ServerlessDeploymentBucket', undefined]]);
  for (const f of functions) {
    ids.set(`${normalizedName(f.key)}LambdaFunction`, f.key);
    ids.set(`${normalizedName(f.key)}IamRoleLambdaExecution`, undefined);
  }
  return ids;
}

/** References to `HelloLambdaFunction` become references to the function `hello`, as the model names it. */
function remapFunctionRefs(model: TemplateModel, ids: Map<string, string | undefined>): void {
  const map = (ref: string | undefined): string | undefined => (ref !== undefined && ids.get(ref) !== undefined ? ids.get(ref) : ref);
  for (const p of model.permissions) p.functionRef = map(p.functionRef);
  for (const u of model.functionUrls) u.functionRef = map(u.functionRef);
  for (const a of model.alarms) for (const m of a.metrics) for (const d of m.dimensions) d.functionRef = map(d.functionRef);
}

/** `provider.apiGateway.resourcePolicy`: the REST API's resource policy, as a list of statements. */
function apiResourcePolicy(provider: TNode | undefined, ctx: ExtractContext): void {
  const rp = entry(get(provider, 'apiGateway'), 'resourcePolicy');
  if (!rp) return;
  const items = rp.value.kind === 'seq' ? rp.value.items : [rp.value];
  const statements: Statement[] = items.flatMap((n) => readStatement(n, ctx.rc));
  pushStatements(ctx, { owner: 'ApiGatewayRestApi', origin: 'provider.apiGateway.resourcePolicy', service: 'execute-api', resourceType: 'AWS::ApiGateway::RestApi', range: rp.range }, statements);
}

/**
 * Loads a Serverless Framework service (`serverless.yml` / `.yaml` / `.json`, v1–v4) into the model the
 * rules read: the provider's shared role (statements, managed policies), per-function roles, each
 * function's environment, URL and events, the API's resource policy, and `resources.Resources` as
 * CloudFormation — with Serverless variables resolved where the file decides them.
 */
export function loadServerless(text: string, file: string, opts: { readSibling?: (p: string) => string | undefined } = {}): LoadResult {
  const parsed = isJsonFile(file, text) ? parseJson(text, file) : parseYaml(text, file);
  if (parsed.errors.length > 0 || !parsed.root) {
    return looksLikeServerless(text) ? { errors: parsed.errors.length ? parsed.errors : [{ file, line: 1, message: 'empty Serverless Framework file' }], skipped: false } : { errors: [], skipped: true };
  }
  if (!isServerlessConfig(parsed.root)) return { errors: [], skipped: true };
  const resolver = new SlsResolver(parsed.root, file, opts.readSibling);
  let resolved: ReturnType<typeof resolveTree>;
  try {
    resolved = resolveTree(parsed.root, resolver);
  } catch (e) {
    return { errors: [{ file, line: 1, message: limitMessage(e) }], skipped: false };
  }
  const { root, holeNames } = resolved;
  const model = emptyModel(file, 'serverless');
  const resources = get(root, 'resources');
  const cfn = mergedEntries(resources).filter((e) => e.key === 'Resources').flatMap((e) => mergedEntries(e.value));
  const functions = mergedEntries(get(root, 'functions')).filter((f) => f.value.kind === 'map');
  const ids = generatedIds(functions);
  const keys = (k: string): string[] => mergedEntries(resources).filter((e) => e.key === k).flatMap((e) => mergedEntries(e.value).map((x) => x.key));
  const rc: ResolveContext = {
    parameters: new Set(keys('Parameters')),
    resources: new Set([...cfn.map((e) => e.key), ...ids.keys()]),
    mappings: mergedEntries(resources).find((e) => e.key === 'Mappings')?.value,
  };
  let lines: string[] | undefined;
  const sourceLines = (): string[] => (lines ??= text.split('\n'));
  const ctx: ExtractContext = {
    rc,
    model,
    parseString: (n: TNode) => (n.kind === 'fn' ? parseEmbeddedSubJson(n, sourceLines(), file) : parseEmbeddedJson(n, sourceLines(), file)),
  };
  const errors: ScanError[] = [];
  extractResources(mergedMap(cfn, root.range), ctx, errors);
  const providerEntry = entry(root, 'provider');
  const { customRole } = extractProviderRole(providerEntry, ctx);
  apiResourcePolicy(providerEntry?.value, ctx);
  const serviceNode = get(root, 'service');
  const service = scalarString(serviceNode) ?? scalarString(get(serviceNode, 'name'));
  const defaults = {
    service: service && !service.includes(HOLE) ? service : undefined,
    stage: resolver.stage(),
    customRole,
    sharedRole: model.resources.some((r) => r.logicalId === SHARED_ROLE),
  };
  // provider.environment is written once and reaches every function: its values are judged once, as `provider`'s.
  const providerEnv = get(providerEntry?.value, 'environment');
  if (providerEnv) extractEnv(PROVIDER, [providerEnv], ctx);
  for (const f of functions) {
    try {
      extractSlsFunction(f, defaults, ctx);
    } catch (err) {
      errors.push({ file, line: f.keyRange.startLine, message: `could not analyse function ${f.key}: ${(err as Error).message}` });
    }
  }
  remapFunctionRefs(model, ids);
  nameHoles(model, holeNames);
  const comments = findSuppressionComments(text);
  if (comments.length) for (const s of commentsToSuppressions(comments, sourceLines(), nodeStartsByLine(parsed.root))) model.suppressions.push(s);
  const notices = (rc.bounded ?? []).map((b) => ({ file, line: b.range.startLine, message: b.message }));
  return { model, errors, notices: notices.length ? notices : undefined, skipped: false };
}
