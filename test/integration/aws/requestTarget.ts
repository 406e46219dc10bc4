/**
 * Which AWS operation an HTTP request is, read from the wire alone: service and region from the SigV4
 * credential scope, the operation from `X-Amz-Target` (JSON protocols), `Action=` (query protocol),
 * Lambda's REST paths or S3's path-style ones. Used by the fault proxy to record and to aim faults.
 */
import type { IncomingHttpHeaders } from 'node:http';

export interface RequestTarget {
  /** IAM prefix: `lambda`, `iam`, `ec2`, `cloudwatch`, `sts`, … */
  service: string;
  operation: string;
  region: string;
  protocol: 'rest-json' | 'json' | 'query' | 'rest-xml';
}

/** SigV4 signing names that differ from the IAM prefix. */
const SIGNING_NAME: Record<string, string> = { monitoring: 'cloudwatch' };

const LAMBDA_ROUTES: [string, RegExp, string][] = [
  ['GET', /^\/2015-03-31\/functions\/?$/, 'ListFunctions'],
  ['POST', /^\/2015-03-31\/functions\/?$/, 'CreateFunction'],
  ['GET', /^\/2015-03-31\/functions\/[^/]+\/policy\/?$/, 'GetPolicy'],
  ['POST', /^\/2015-03-31\/functions\/[^/]+\/policy\/?$/, 'AddPermission'],
  ['DELETE', /^\/2015-03-31\/functions\/[^/]+\/policy\/[^/]+$/, 'RemovePermission'],
  ['GET', /^\/2015-03-31\/functions\/[^/]+\/configuration\/?$/, 'GetFunctionConfiguration'],
  ['PUT', /^\/2015-03-31\/functions\/[^/]+\/code\/?$/, 'UpdateFunctionCode'],
  ['PUT', /^\/2015-03-31\/functions\/[^/]+\/configuration\/?$/, 'UpdateFunctionConfiguration'],
  ['POST', /^\/2015-03-31\/functions\/[^/]+\/invocations\/?$/, 'Invoke'],
  ['GET', /^\/2015-03-31\/functions\/[^/]+\/?$/, 'GetFunction'],
  ['DELETE', /^\/2015-03-31\/functions\/[^/]+\/?$/, 'DeleteFunction'],
  ['GET', /^\/2021-10-31\/functions\/[^/]+\/url\/?$/, 'GetFunctionUrlConfig'],
  ['POST', /^\/2021-10-31\/functions\/[^/]+\/url\/?$/, 'CreateFunctionUrlConfig'],
  ['PUT', /^\/2021-10-31\/functions\/[^/]+\/url\/?$/, 'UpdateFunctionUrlConfig'],
  ['GET', /^\/2015-03-31\/event-source-mappings\/?$/, 'ListEventSourceMappings'],
  ['POST', /^\/2015-03-31\/event-source-mappings\/?$/, 'CreateEventSourceMapping'],
  ['GET', /^\/2017-03-31\/tags\/.+$/, 'ListTags'],
];

export function lambdaOperation(method: string, path: string): string {
  const p = path.split('?')[0];
  for (const [m, re, op] of LAMBDA_ROUTES) if (m === method && re.test(p)) return op;
  return `${method} ${p}`;
}

/** S3 with path-style addressing (a custom endpoint): `/bucket?list-type=2` lists, `/bucket/key` is an object. */
export function s3Operation(method: string, path: string): string {
  const [p, q = ''] = path.split('?');
  const params = new URLSearchParams(q);
  const xId = params.get('x-id');
  if (xId) return xId;
  const isObject = p.split('/').filter(Boolean).length > 1;
  const ops: Record<string, [string, string]> = { GET: ['GetObject', params.get('list-type') === '2' ? 'ListObjectsV2' : 'ListObjects'], PUT: ['PutObject', 'CreateBucket'], HEAD: ['HeadObject', 'HeadBucket'], DELETE: ['DeleteObject', 'DeleteBucket'] };
  const pair = ops[method];
  return pair ? pair[isObject ? 0 : 1] : `${method} ${p}`;
}

export function requestTarget(method: string, path: string, headers: IncomingHttpHeaders, body: string): RequestTarget {
  const scope = /Credential=[^/]+\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request/.exec(String(headers.authorization ?? ''));
  const region = scope?.[1] ?? '?';
  const service = SIGNING_NAME[scope?.[2] ?? ''] ?? scope?.[2] ?? '?';
  const target = headers['x-amz-target'];
  if (typeof target === 'string') return { service, region, operation: target.slice(target.lastIndexOf('.') + 1), protocol: 'json' };
  if (service === 'lambda') return { service, region, operation: lambdaOperation(method, path), protocol: 'rest-json' };
  if (service === 's3') return { service, region, operation: s3Operation(method, path), protocol: 'rest-xml' };
  const action = new URLSearchParams(body).get('Action') ?? new URLSearchParams(path.split('?')[1] ?? '').get('Action') ?? `${method} ${path}`;
  return { service, region, operation: action, protocol: 'query' };
}
