import type { PolicyDocument, Statement } from '../model/policy';
import { PUBLIC_ACCESS_KEYS, SOURCE_KEYS } from './conditions';
import { knownText } from './statementUtil';

// A resource policy means what its holder makes it mean: `Action: '*'` in a bucket policy opens the bucket,
// not a function; `execute-api:Invoke` for everyone is what a public API is. The rules ask these helpers
// which service holds a document and which conditions pin its callers, and stay silent on what they do
// not understand.

const ARN_SERVICE = /^arn:[^:]*:([a-z0-9-]+):/i;

/** The one service prefix a list of texts names (`s3:GetObject` → s3), or undefined when they disagree or none is known. */
function oneService(texts: (string | undefined)[], read: (t: string) => string | undefined): string | undefined {
  const found = new Set(texts.filter((t): t is string => t !== undefined).map(read).filter((s): s is string => !!s && s !== '*'));
  return found.size === 1 ? [...found][0] : undefined;
}

/**
 * The service whose resource holds the document: declared by the extractor (`AWS::S3::BucketPolicy` → s3),
 * else read from the statement — one service among its actions (`sqs:SendMessage`), else among its resource
 * ARNs. Undefined when it cannot be told (`Action: '*'` on `Resource: '*'` of an unknown holder).
 */
export function holderService(doc: PolicyDocument, st: Statement): string | undefined {
  if (doc.service) return doc.service;
  const actions = (st.actions ?? []).map(knownText);
  return (
    oneService(actions, (t) => (t.includes(':') ? t.slice(0, t.indexOf(':')).toLowerCase() : undefined)) ??
    oneService((st.resources ?? []).map(knownText), (t) => ARN_SERVICE.exec(t)?.[1].toLowerCase())
  );
}

/**
 * Conditions that pin a caller on a resource policy of `service`, besides the global ones: KMS encryption
 * context (how AWS documents pinning a service principal on a key: `kms:EncryptionContext:aws:logs:arn`)
 * and the calling account; S3 access-point delegation (`s3:DataAccessPointAccount`, `s3:DataAccessPointArn`:
 * only requests through your access points).
 */
const SERVICE_KEYS: Record<string, readonly string[]> = {
  kms: ['kms:EncryptionContext:*', 'kms:CallerAccount'],
  s3: ['s3:DataAccessPointAccount', 's3:DataAccessPointArn'],
};

/** Keys that keep a service principal from acting for other accounts (the confused-deputy guard) on this kind. */
export function serviceSourceKeys(service: string | undefined): readonly string[] {
  return [...SOURCE_KEYS, ...(service ? (SERVICE_KEYS[service] ?? []) : [])];
}

/** Keys that make a `*` principal non-public on this kind. */
export function publicAccessKeys(service: string | undefined): readonly string[] {
  return [...PUBLIC_ACCESS_KEYS, ...(service ? (SERVICE_KEYS[service] ?? []) : [])];
}

/**
 * A grant to everyone that is the resource's normal public use: invoking an API Gateway REST API
 * (`execute-api:Invoke`), whose callers are then checked by the API's own authorizers, API keys or IAM auth.
 * Any other action (`execute-api:ManageConnections`, `*`) is not.
 */
export function publicByDesign(doc: PolicyDocument, st: Statement): boolean {
  if (holderService(doc, st) !== 'execute-api') return false;
  const actions = (st.actions ?? []).map(knownText);
  return actions.length > 0 && actions.every((a) => a !== undefined && /^execute-api:invoke$/i.test(a));
}
