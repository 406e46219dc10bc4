import type { PolicyDocument, Statement } from '../../model/policy';
import { entry, get, scalarString, type TEntry, type TNode } from '../tree/tnode';
import type { ExtractContext, ResourceExtractor } from './extractContext';
import { readPolicyDocument, readStatement } from './readStatement';

/**
 * Resource policies: the bucket, queue, topic, key, secret, event bus, API or layer a function works with,
 * by the property that holds the document and the service whose resource it is. Their principals are what
 * LG010 (and LG003, LG006, LG007, LG012) judge, each by what the policy means on that kind of resource;
 * identity-policy rules do not apply to them.
 */
const DOCUMENT_PROPERTY: Record<string, { property: string; what: string; service: string }> = {
  'AWS::S3::BucketPolicy': { property: 'PolicyDocument', what: 'bucket policy', service: 's3' },
  'AWS::S3::AccessPoint': { property: 'Policy', what: 'access point policy', service: 's3' },
  'AWS::SQS::QueuePolicy': { property: 'PolicyDocument', what: 'queue policy', service: 'sqs' },
  'AWS::SQS::QueueInlinePolicy': { property: 'PolicyDocument', what: 'queue policy', service: 'sqs' },
  'AWS::SNS::TopicPolicy': { property: 'PolicyDocument', what: 'topic policy', service: 'sns' },
  'AWS::SNS::TopicInlinePolicy': { property: 'PolicyDocument', what: 'topic policy', service: 'sns' },
  'AWS::KMS::Key': { property: 'KeyPolicy', what: 'key policy', service: 'kms' },
  'AWS::SecretsManager::ResourcePolicy': { property: 'ResourcePolicy', what: 'secret resource policy', service: 'secretsmanager' },
  'AWS::Events::EventBus': { property: 'Policy', what: 'event bus policy', service: 'events' },
  'AWS::ApiGateway::RestApi': { property: 'Policy', what: 'REST API resource policy', service: 'execute-api' },
};

export const RESOURCE_POLICY_TYPES: readonly string[] = Object.keys(DOCUMENT_PROPERTY);

export function resourcePolicyExtractor(type: string): ResourceExtractor {
  const { property, what, service } = DOCUMENT_PROPERTY[type];
  return (id, _r, props, ctx: ExtractContext) => {
    const docs = readPolicyDocument(get(props, property), ctx.rc, { kind: 'resource', owner: id, origin: `${what} ${id}` }, ctx.parseString);
    for (const d of docs) Object.assign(d, { service, resourceType: type });
    ctx.model.policies.push(...docs);
  };
}

/** A resource-policy document made of statements read one by one (kinds that carry no `Statement` list). */
export function pushStatements(ctx: ExtractContext, meta: Pick<PolicyDocument, 'owner' | 'origin' | 'service' | 'resourceType' | 'range'>, statements: Statement[]): void {
  if (statements.length) ctx.model.policies.push({ kind: 'resource', ...meta, statements });
}

function syntheticEntry(key: string, value: TNode): TEntry {
  return { key, keyRange: value.range, value, range: value.range };
}

/** A map node built from other nodes: the statement the legacy properties describe, every part keeping its range. */
export function syntheticMap(range: TNode['range'], entries: [string, TNode | undefined][]): TNode {
  return { kind: 'map', range, entries: entries.filter((e): e is [string, TNode] => e[1] !== undefined).map(([k, v]) => syntheticEntry(k, v)) };
}

function allow(at: TNode): TNode {
  return { kind: 'scalar', value: 'Allow', range: at.range };
}

/**
 * `AWS::Events::EventBusPolicy`: a `Statement` (one statement object), or the legacy `Action` / `Principal`
 * (an account id or `*`) / `Condition: { Type, Key, Value }` properties, read as the statement they make.
 */
export function extractEventBusPolicy(id: string, r: TNode, props: TNode | undefined, ctx: ExtractContext): void {
  const meta = { owner: id, origin: `event bus policy ${id}`, service: 'events', resourceType: 'AWS::Events::EventBusPolicy', range: r.range };
  const statement = get(props, 'Statement');
  if (statement) {
    const items = statement.kind === 'seq' ? statement.items : [statement];
    pushStatements(ctx, meta, items.flatMap((n) => readStatement(n, ctx.rc)));
    return;
  }
  const principal = entry(props, 'Principal');
  if (!principal) return;
  const cond = get(props, 'Condition');
  const type = scalarString(get(cond, 'Type'));
  const key = scalarString(get(cond, 'Key'));
  const value = get(cond, 'Value');
  const condition = type && key && value ? syntheticMap(cond!.range, [[type, syntheticMap(cond!.range, [[key, value]])]]) : undefined;
  const node = syntheticMap(r.range, [['Effect', allow(principal.value)], ['Action', get(props, 'Action')], ['Principal', principal.value], ['Condition', condition]]);
  pushStatements(ctx, meta, readStatement(node, ctx.rc));
}
