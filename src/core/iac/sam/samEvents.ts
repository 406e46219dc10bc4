import type { LambdaPermission } from '../../model/lambdaResources';
import type { SourceRange } from '../../model/sourceRange';
import type { Str } from '../../model/value';
import { HOLE } from '../../model/value';
import type { ExtractContext } from '../cloudformation/extractContext';
import { resolveScalar } from '../cloudformation/resolveStr';
import { get, scalarString, type TEntry, type TNode } from '../tree/tnode';

/**
 * The `AWS::Lambda::Permission` SAM generates for each push event source, with the restriction it sets.
 * `sourceArn`/`sourceAccount` say whether SAM adds them (per the SAM specification); `principal` is the
 * invoking service. Poll-based sources (SQS, Kinesis, DynamoDB, MSK, MQ …) use an event source mapping,
 * not a permission, so they are absent.
 */
const EVENT_PERMISSIONS: Record<string, { principal: string; sourceArn: boolean; sourceAccount: boolean }> = {
  S3: { principal: 's3.amazonaws.com', sourceArn: false, sourceAccount: true },
  SNS: { principal: 'sns.amazonaws.com', sourceArn: true, sourceAccount: false },
  Api: { principal: 'apigateway.amazonaws.com', sourceArn: true, sourceAccount: false },
  HttpApi: { principal: 'apigateway.amazonaws.com', sourceArn: true, sourceAccount: false },
  Schedule: { principal: 'events.amazonaws.com', sourceArn: true, sourceAccount: false },
  CloudWatchEvent: { principal: 'events.amazonaws.com', sourceArn: true, sourceAccount: false },
  EventBridgeRule: { principal: 'events.amazonaws.com', sourceArn: true, sourceAccount: false },
  CloudWatchLogs: { principal: 'logs.amazonaws.com', sourceArn: true, sourceAccount: false },
  IoTRule: { principal: 'iot.amazonaws.com', sourceArn: true, sourceAccount: true },
  Cognito: { principal: 'cognito-idp.amazonaws.com', sourceArn: true, sourceAccount: false },
  AlexaSkill: { principal: 'alexa-appkit.amazon.com', sourceArn: false, sourceAccount: false },
};

function str(text: string, range: SourceRange, origin: string): Str {
  return { text, range, origin };
}

export function extractSamEvents(fnId: string, events: TNode | undefined, ctx: ExtractContext): void {
  if (!events || events.kind !== 'map') return;
  for (const ev of events.entries) addEventPermission(fnId, ev, ctx);
}

function addEventPermission(fnId: string, ev: TEntry, ctx: ExtractContext): void {
  const type = scalarString(get(ev.value, 'Type'));
  const spec = type ? EVENT_PERMISSIONS[type] : undefined;
  if (!type || !spec) return;
  const props = get(ev.value, 'Properties');
  // The generated permission has no source of its own: its findings sit on the event's name, which the
  // message quotes (the body may start with Properties or Type, so its first line says less).
  const at = ev.keyRange;
  const perm: LambdaPermission = {
    owner: fnId,
    action: str('lambda:InvokeFunction', at, 'SAM'),
    principal: str(spec.principal, at, 'SAM'),
    range: ev.range,
    propertiesRange: ev.keyRange,
    generatedBy: `SAM event "${ev.key}" (${type}) of function ${fnId}`,
    functionRef: fnId,
  };
  if (spec.sourceArn) perm.sourceArn = str(HOLE, at, `SAM ${type} source ARN`);
  if (spec.sourceAccount) perm.sourceAccount = str(HOLE, at, 'SAM AWS::AccountId');
  if (type === 'AlexaSkill') {
    const skill = resolveScalar(get(props, 'SkillId'), ctx.rc)[0];
    if (skill) perm.eventSourceToken = skill;
  }
  ctx.model.permissions.push(perm);
}
