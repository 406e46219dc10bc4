/**
 * CloudTrail names some API calls after the API version they went through: Lambda writes
 * `UpdateFunctionCode20150331v2`, `CreateFunction20150331`, `PutFunctionConcurrency20171031`; CloudFront
 * writes `UpdateDistribution2017_03_25`. The analysis compares calls by their plain name, so the
 * suffix is removed — only when a name remains and it ends in a letter, so that a name which merely
 * ends in digits is left alone.
 */
const VERSION_SUFFIX = /^(.*[A-Za-z])(?:(?:19|20)\d{2}(?:\d{4}|_\d{2}_\d{2}))(?:v\d+)?$/;

export function baseEventName(eventName: string): string {
  const m = VERSION_SUFFIX.exec(eventName);
  return m ? m[1] : eventName;
}

// IAM service prefixes that differ from the first label of the CloudTrail event source.
const PREFIX_BY_SOURCE: Record<string, string> = {
  monitoring: 'cloudwatch',
  email: 'ses',
  'streams.dynamodb': 'dynamodb',
  'api.mediatailor': 'mediatailor',
  'execute-api': 'execute-api',
  'data.iot': 'iot',
};

/** `secretsmanager.amazonaws.com` → `secretsmanager`: the IAM prefix under which the call is authorised. */
export function iamPrefixOfSource(eventSource: string): string {
  const host = eventSource.toLowerCase().replace(/\.amazonaws\.com(\.cn)?$/, '');
  return PREFIX_BY_SOURCE[host] ?? host.split('.')[0];
}

/** `iam:CreateUser`: the IAM action a CloudTrail event corresponds to (suffix stripped). */
export function actionOfEvent(eventSource: string, eventName: string): string {
  return `${iamPrefixOfSource(eventSource)}:${baseEventName(eventName)}`;
}
