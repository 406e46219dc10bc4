import { get } from '../tree/tnode';
import type { ExtractContext, ResourceExtractor } from './extractContext';
import { readPolicyDocument } from './readStatement';

/**
 * Resource policies that sit next to Lambda functions in templates (the queue, topic, bucket, key or
 * secret a function works with), by the property that holds the document. Their principals are what
 * LG010 (and LG003, LG006, LG007, LG012) judge; identity-policy rules do not apply to them.
 * API Gateway `Policy` is left out: a public API is the norm, and its `execute-api:Invoke` for `*`
 * would be noise.
 */
const DOCUMENT_PROPERTY: Record<string, { property: string; what: string }> = {
  'AWS::S3::BucketPolicy': { property: 'PolicyDocument', what: 'bucket policy' },
  'AWS::SQS::QueuePolicy': { property: 'PolicyDocument', what: 'queue policy' },
  'AWS::SNS::TopicPolicy': { property: 'PolicyDocument', what: 'topic policy' },
  'AWS::KMS::Key': { property: 'KeyPolicy', what: 'key policy' },
  'AWS::SecretsManager::ResourcePolicy': { property: 'ResourcePolicy', what: 'secret resource policy' },
};

export const RESOURCE_POLICY_TYPES: readonly string[] = Object.keys(DOCUMENT_PROPERTY);

export function resourcePolicyExtractor(type: string): ResourceExtractor {
  const { property, what } = DOCUMENT_PROPERTY[type];
  return (id, _r, props, ctx: ExtractContext) => {
    const docs = readPolicyDocument(get(props, property), ctx.rc, { kind: 'resource', owner: id, origin: `${what} ${id}` }, ctx.parseString);
    ctx.model.policies.push(...docs);
  };
}
