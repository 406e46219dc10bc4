import type { LambdaPermission } from '../../model/lambdaResources';
import type { SourceRange } from '../../model/sourceRange';
import { HOLE, type Str } from '../../model/value';
import type { ExtractContext } from '../cloudformation/extractContext';
import { resolveScalar } from '../cloudformation/resolveStr';
import { get, scalarString, type TEntry, type TNode } from '../tree/tnode';

/**
 * The `AWS::Lambda::Permission` Serverless compiles for each push event, and whether it pins the source
 * (every one does, with the API, bucket, topic, rule or pool ARN as SourceArn; Alexa skills are pinned by
 * their app id instead). Poll-based events (sqs, stream, kafka, msk, activemq, rabbitmq) use an event source
 * mapping, not a permission.
 */
const EVENT_PERMISSIONS: Record<string, { principal: string; sourceArn: boolean; token?: 'appId' }> = {
  http: { principal: 'apigateway.amazonaws.com', sourceArn: true },
  httpApi: { principal: 'apigateway.amazonaws.com', sourceArn: true },
  websocket: { principal: 'apigateway.amazonaws.com', sourceArn: true },
  alb: { principal: 'elasticloadbalancing.amazonaws.com', sourceArn: true },
  s3: { principal: 's3.amazonaws.com', sourceArn: true },
  sns: { principal: 'sns.amazonaws.com', sourceArn: true },
  schedule: { principal: 'events.amazonaws.com', sourceArn: true },
  eventBridge: { principal: 'events.amazonaws.com', sourceArn: true },
  cloudwatchEvent: { principal: 'events.amazonaws.com', sourceArn: true },
  cloudwatchLog: { principal: 'logs.amazonaws.com', sourceArn: true },
  iot: { principal: 'iot.amazonaws.com', sourceArn: true },
  cognitoUserPool: { principal: 'cognito-idp.amazonaws.com', sourceArn: true },
  alexaSkill: { principal: 'alexa-appkit.amazon.com', sourceArn: false, token: 'appId' },
  alexaSmartHome: { principal: 'alexa-connectedhome.amazon.com', sourceArn: false, token: 'appId' },
};

function str(text: string, range: SourceRange, origin: string): Str {
  return { text, range, origin };
}

/** `GET /users, no authorizer`: what an API event exposes, for messages. */
function apiSummary(type: string, value: TNode): string {
  const route = scalarString(value) ?? [scalarString(get(value, 'method')), scalarString(get(value, 'path')) ?? scalarString(get(value, 'route'))].filter(Boolean).join(' ');
  const authorizer = get(value, 'authorizer');
  const auth =
    type === 'http' && scalarString(get(value, 'private')) === 'true'
      ? 'API key required'
      : !authorizer
        ? 'no authorizer'
        : /^aws_iam$/i.test(scalarString(authorizer) ?? scalarString(get(authorizer, 'type')) ?? '')
          ? 'IAM auth'
          : `authorizer ${scalarString(authorizer) ?? scalarString(get(authorizer, 'name')) ?? scalarString(get(authorizer, 'id')) ?? 'set'}`;
  return [route, auth].filter(Boolean).join(', ');
}

/** One event item (`- http: GET /x`, `- s3: { bucket }`, or a bare `- alexaSkill`) into the permission it compiles to. */
function eventPermission(fnKey: string, item: TNode, ctx: ExtractContext): LambdaPermission | undefined {
  const e: TEntry | undefined = item.kind === 'map' && item.entries.length ? item.entries[0] : undefined;
  const type = e?.key ?? scalarString(item);
  const spec = type ? EVENT_PERMISSIONS[type] : undefined;
  if (!type || !spec) return undefined;
  const at = e?.keyRange ?? item.range;
  const value = e?.value;
  const detail = value && /^(http|httpApi|websocket)$/.test(type) ? ` (${apiSummary(type, value)})` : '';
  const perm: LambdaPermission = {
    owner: fnKey,
    action: str('lambda:InvokeFunction', at, 'Serverless'),
    principal: str(spec.principal, at, 'Serverless'),
    range: item.range,
    propertiesRange: at,
    generatedBy: `Serverless event ${type}${detail} of function ${fnKey}`,
    functionRef: fnKey,
  };
  if (spec.sourceArn) perm.sourceArn = str(HOLE, at, `Serverless ${type} source ARN`);
  if (spec.token && value) {
    const token = resolveScalar(value.kind === 'map' ? get(value, spec.token) : value, ctx.rc)[0];
    if (token && token.text.trim() !== '') perm.eventSourceToken = token;
  }
  return perm;
}

/** `functions.<fn>.events`: the permissions Serverless generates, so exposure (LG015) and unpinned sources (LG007) are judged. */
export function extractSlsEvents(fnKey: string, events: TNode | undefined, ctx: ExtractContext): void {
  for (const item of events?.kind === 'seq' ? events.items : []) {
    const perm = eventPermission(fnKey, item, ctx);
    if (perm) ctx.model.permissions.push(perm);
  }
}
