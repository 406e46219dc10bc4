import type { FunctionUrl } from '../../model/lambdaResources';
import { hasHole, type Str } from '../../model/value';
import type { ExtractContext } from '../cloudformation/extractContext';
import { extractEnv, roleRefOf } from '../cloudformation/extractLambda';
import { resolveScalar } from '../cloudformation/resolveStr';
import { entry, get, scalarString, type TEntry, type TNode } from '../tree/tnode';
import { normalizedName } from './detectServerless';
import { extractSlsEvents } from './slsEvents';
import { extractFunctionRole, SHARED_ROLE } from './slsIam';

/** What every function inherits from the service. */
export interface SlsDefaults {
  service?: string;
  stage: string;
  /** `provider.iam.role` (or `provider.role`) given as a name or ARN. */
  customRole?: TNode;
  /** True when the provider-level role (IamRoleLambdaExecution) is in the model. */
  sharedRole: boolean;
}

/** A `role:` value: a logical id of `resources.Resources` (`MyRole` or `!GetAtt MyRole.Arn`), else an ARN (undefined). */
function roleRef(n: TNode, ctx: ExtractContext): string | undefined {
  const name = scalarString(n);
  if (name !== undefined) return ctx.rc.resources.has(name) ? name : undefined;
  return roleRefOf(n, ctx);
}

/**
 * `url: true` or a map without `authorizer` is a public URL (AuthType NONE); `authorizer: aws_iam` is
 * AWS_IAM. The value sits where the user would change it: the `true`, the authorizer, or the `url` key.
 */
function functionUrl(fnKey: string, e: TEntry, ctx: ExtractContext): FunctionUrl | undefined {
  const v = e.value;
  const at = (text: string, range = e.keyRange): Str => ({ text, range, origin: 'Serverless url' });
  if (v.kind === 'scalar') return v.value === true || v.value === 'true' ? { owner: fnKey, authType: at('NONE', v.range), range: e.range, functionRef: fnKey } : undefined;
  if (v.kind !== 'map') return undefined;
  const auth = get(v, 'authorizer');
  const value = auth ? resolveScalar(auth, ctx.rc)[0] : undefined;
  if (!auth || !value) return { owner: fnKey, authType: at('NONE'), range: e.range, functionRef: fnKey };
  const text = hasHole(value) ? value.text : /^aws_iam$/i.test(value.text.trim()) ? 'AWS_IAM' : 'NONE';
  return { owner: fnKey, authType: { ...value, text }, range: e.range, functionRef: fnKey };
}

/** One entry of `functions`: the function, its role, environment, URL and events. */
export function extractSlsFunction(fnEntry: TEntry, defaults: SlsDefaults, ctx: ExtractContext): void {
  const fnKey = fnEntry.key;
  const fn = fnEntry.value;
  ctx.model.resources.push({ logicalId: fnKey, type: 'AWS::Lambda::Function', range: fnEntry.range, keyRange: fnEntry.keyRange });
  const ownRole = extractFunctionRole(fnKey, fn, ctx);
  const roleNode = get(fn, 'role') ?? defaults.customRole;
  const role = ownRole ?? (roleNode ? roleRef(roleNode, ctx) : defaults.sharedRole ? SHARED_ROLE : undefined);
  const written = resolveScalar(get(fn, 'name'), ctx.rc)[0];
  const name = written && !hasHole(written) ? written.text : defaults.service ? `${defaults.service}-${defaults.stage}-${fnKey}` : undefined;
  ctx.model.functions.push({ owner: fnKey, name, roleRef: role, range: fnEntry.range, logicalId: `${normalizedName(fnKey)}LambdaFunction` });
  const env = get(fn, 'environment');
  if (env) extractEnv(fnKey, [env], ctx);
  const urlEntry = entry(fn, 'url');
  const url = urlEntry && functionUrl(fnKey, urlEntry, ctx);
  if (url) ctx.model.functionUrls.push(url);
  extractSlsEvents(fnKey, get(fn, 'events'), ctx);
}
