import type { ScanError, ScanNotice } from '../../model/finding';
import { emptyModel, type TemplateModel } from '../../model/templateModel';
import { commentsToSuppressions, findSuppressionComments } from '../../suppress/commentSuppressions';
import { metadataSuppressions } from '../../suppress/metadataSuppressions';
import { nodeStartsByLine } from '../../suppress/nodeStarts';
import { extractServerlessApi } from '../sam/samApiPolicy';
import { extractServerlessFunction } from '../sam/extractServerlessFunction';
import { parseJson } from '../tree/parseJson';
import { parseYamlChunked } from '../tree/chunkedYaml';
import { parseYaml, type ParsedTree } from '../tree/parseYaml';
import { entry, get, scalarString, type TNode } from '../tree/tnode';
import { looksLikeTemplate, templateFormat } from './detectTemplate';
import { parseEmbeddedJson, parseEmbeddedSubJson } from './embeddedJson';
import type { ExtractContext, ResourceExtractor } from './extractContext';
import { extractAlarm } from './extractAlarm';
import { extractPolicy, extractRole, extractUserOrGroup } from './extractIam';
import { extractFunction, extractPermission, extractUrl } from './extractLambda';
import { extractEventBusPolicy, RESOURCE_POLICY_TYPES, resourcePolicyExtractor } from './extractResourcePolicy';
import { contextFor } from './resolveContext';

const EXTRACTORS: Record<string, ResourceExtractor> = {
  'AWS::IAM::Role': extractRole,
  'AWS::IAM::User': extractUserOrGroup('user'),
  'AWS::IAM::Group': extractUserOrGroup('group'),
  'AWS::IAM::Policy': extractPolicy,
  'AWS::IAM::ManagedPolicy': extractPolicy,
  'AWS::Lambda::Permission': extractPermission,
  'AWS::Lambda::Url': extractUrl,
  'AWS::Lambda::Function': extractFunction,
  'AWS::Serverless::Function': extractServerlessFunction,
  'AWS::Serverless::Api': extractServerlessApi,
  'AWS::CloudWatch::Alarm': extractAlarm,
  'AWS::Events::EventBusPolicy': extractEventBusPolicy,
  ...Object.fromEntries(RESOURCE_POLICY_TYPES.map((t) => [t, resourcePolicyExtractor(t)])),
};

/**
 * Every resource of a `Resources` map into the model: its id, type and Metadata suppressions, and what its
 * extractor reads. Also used for the `resources.Resources` of a Serverless Framework file.
 */
export function extractResources(resources: TNode | undefined, ctx: ExtractContext, errors: ScanError[]): void {
  for (const e of resources?.kind === 'map' ? resources.entries : []) {
    const type = scalarString(get(e.value, 'Type')) ?? '';
    ctx.model.resources.push({ logicalId: e.key, type, range: e.range, keyRange: e.keyRange });
    // Loops, not push(...x): a resource with 200,000 ignore entries must not overflow the call stack.
    for (const s of metadataSuppressions(e.key, e.value)) ctx.model.suppressions.push(s);
    const extract = EXTRACTORS[type];
    if (!extract) continue;
    try {
      extract(e.key, e.value, entry(e.value, 'Properties')?.value, ctx);
    } catch (err) {
      // One odd resource must not cost the rest of the file its findings.
      errors.push({ file: ctx.model.file, line: e.keyRange.startLine, message: `could not analyse ${e.key}: ${(err as Error).message}` });
    }
  }
}

export interface LoadResult {
  model?: TemplateModel;
  errors: ScanError[];
  /** Parts analysed in a bounded way (see ResolveContext.bounded). */
  notices?: ScanNotice[];
  /** True when the file is not a template (a workflow, a manifest …) and was skipped silently. */
  skipped: boolean;
}

export function isJsonFile(file: string, text: string): boolean {
  return /\.json$/i.test(file) || (!/\.ya?ml$/i.test(file) && /^\s*\{/.test(text));
}

/**
 * Loads a CloudFormation or SAM template (YAML or JSON) into the model the rules read. `incremental`
 * re-uses the parse of unchanged resources from earlier calls (the editor path).
 */
export function loadTemplate(text: string, file: string, opts: { incremental?: boolean } = {}): LoadResult {
  const yaml = opts.incremental ? parseYamlChunked : parseYaml;
  const parsed: ParsedTree = isJsonFile(file, text) ? parseJson(text, file) : yaml(text, file);
  if (parsed.errors.length > 0 || !parsed.root) {
    return looksLikeTemplate(text) ? { errors: parsed.errors.length ? parsed.errors : [{ file, line: 1, message: 'empty template' }], skipped: false } : { errors: [], skipped: true };
  }
  const format = templateFormat(parsed.root);
  if (!format) return { errors: [], skipped: true };
  const model = emptyModel(file, format);
  let lines: string[] | undefined;
  const sourceLines = (): string[] => (lines ??= text.split('\n'));
  const ctx: ExtractContext = {
    rc: contextFor(parsed.root),
    model,
    parseString: (n: TNode) => (n.kind === 'fn' ? parseEmbeddedSubJson(n, sourceLines(), file) : parseEmbeddedJson(n, sourceLines(), file)),
    functionGlobals: get(get(parsed.root, 'Globals'), 'Function'),
  };
  const errors: ScanError[] = [];
  extractResources(get(parsed.root, 'Resources'), ctx, errors);
  const comments = findSuppressionComments(text);
  if (comments.length) for (const s of commentsToSuppressions(comments, sourceLines(), nodeStartsByLine(parsed.root))) model.suppressions.push(s);
  const notices = (ctx.rc.bounded ?? []).map((b) => ({ file, line: b.range.startLine, message: b.message }));
  return { model, errors, notices: notices.length ? notices : undefined, skipped: false };
}
