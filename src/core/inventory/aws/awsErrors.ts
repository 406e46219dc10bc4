/**
 * One failed AWS call → a `CollectError` a person can act on: what failed, why, and the fix. Never a
 * stack trace, never a credential (access keys, signatures and session tokens are redacted).
 */
import type { CollectError, CollectErrorKind } from '../accountModel';
import { iamActionFor, WriteOperationRefusedError } from './readOnly';

export interface AwsErrorContext {
  service: string;
  operation: string;
  region?: string;
  resource?: string;
  /** The profile in use, named in credential fixes. */
  profile?: string;
  /** The custom endpoint in use, named in network errors. */
  endpoint?: string;
}

interface ErrorFacts {
  name: string;
  message: string;
  status?: number;
  code?: string;
  throttling: boolean;
}

const DENIED = new Set(['AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation', 'UnauthorizedAccess', 'AuthorizationError', 'Forbidden']);
const THROTTLED = new Set(['Throttling', 'ThrottlingException', 'ThrottledException', 'TooManyRequestsException', 'RequestLimitExceeded', 'SlowDown', 'RequestThrottled', 'RequestThrottledException']);
const BAD_KEYS = new Set(['InvalidClientTokenId', 'UnrecognizedClientException', 'InvalidAccessKeyId', 'AuthFailure', 'SignatureDoesNotMatch', 'IncompleteSignature', 'InvalidSignatureException', 'MissingAuthenticationToken']);
const EXPIRED = new Set(['ExpiredToken', 'ExpiredTokenException', 'TokenRefreshRequired', 'RequestExpired']);
const NOT_FOUND = new Set(['ResourceNotFoundException', 'NoSuchEntity', 'NoSuchEntityException', 'NotFoundException', 'NoSuchKey', 'NoSuchBucket']);
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'ECONNABORTED', 'CERT_HAS_EXPIRED', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE']);
const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'ESOCKETTIMEDOUT', 'TimeoutError', 'RequestTimeout', 'RequestTimeoutException']);

function factsOf(e: unknown): ErrorFacts {
  const o = (typeof e === 'object' && e !== null ? e : {}) as Record<string, unknown>;
  const meta = (o.$metadata ?? {}) as { httpStatusCode?: number };
  const retryable = (o.$retryable ?? {}) as { throttling?: boolean };
  const name = typeof o.name === 'string' ? o.name : typeof o.Code === 'string' ? o.Code : 'Error';
  const message = typeof o.message === 'string' ? o.message : typeof e === 'string' ? e : '';
  const code = typeof o.code === 'string' ? o.code : typeof (o.cause as { code?: unknown })?.code === 'string' ? (o.cause as { code: string }).code : undefined;
  return { name, message, status: meta.httpStatusCode, code, throttling: retryable.throttling === true };
}

/** Access keys, signatures, session tokens and credential scopes never reach a message. */
export function redactSecrets(text: string): string {
  return text
    .replace(/\b(AKIA|ASIA|AROA|AIDA)[A-Z0-9]{12,}\b/g, '$1…')
    .replace(/(Credential|Signature|X-Amz-Security-Token|X-Amz-Credential|X-Amz-Signature|SecretAccessKey|SessionToken)=[^\s,&"]+/gi, '$1=…')
    .replace(/("?(?:secretAccessKey|sessionToken|aws_secret_access_key|aws_session_token)"?\s*[:=]\s*)"?[^\s,"}]+"?/gi, '$1…');
}

/** The first line of an AWS message, without secrets, shortened. */
function brief(message: string): string {
  const line = redactSecrets(message.split('\n')[0].trim());
  return line.length > 300 ? `${line.slice(0, 297)}…` : line;
}

function where(ctx: AwsErrorContext): string {
  const parts = [`${ctx.service}:${ctx.operation}`];
  if (ctx.resource) parts.push(`for ${ctx.resource}`);
  if (ctx.region) parts.push(`in ${ctx.region}`);
  return parts.join(' ');
}

/** A CLI command with the profile in use: `aws sso login --profile dev`. */
function withProfile(command: string, ctx: AwsErrorContext): string {
  return ctx.profile ? `${command} --profile ${ctx.profile}` : command;
}

function kindOf(f: ErrorFacts): CollectErrorKind {
  if (f.name === 'AbortError') return 'cancelled';
  if (f.name === 'CredentialsProviderError' || f.name === 'TokenProviderError' || BAD_KEYS.has(f.name) || EXPIRED.has(f.name)) return 'credentials';
  if (DENIED.has(f.name) || (f.status === 403 && !BAD_KEYS.has(f.name))) return 'denied';
  if (THROTTLED.has(f.name) || f.throttling || f.status === 429) return 'throttled';
  // Before the timeout test: the SDK names a reset connection `TimeoutError` (to retry it) but keeps its code.
  if ((f.code && NETWORK_CODES.has(f.code)) || f.name === 'NetworkingError' || /socket hang up|getaddrinfo|connect ECONNREFUSED/i.test(f.message)) return 'network';
  if (TIMEOUT_CODES.has(f.name) || (f.code && TIMEOUT_CODES.has(f.code))) return 'timeout';
  if (NOT_FOUND.has(f.name) || f.status === 404) return 'notFound';
  return 'other';
}

function credentialsMessage(f: ErrorFacts, ctx: AwsErrorContext): string {
  const profile = ctx.profile ?? 'default';
  if (/sso/i.test(f.message) || /sso/i.test(f.name)) {
    return `The AWS SSO session for profile ${profile} has expired or was never started: run \`${withProfile('aws sso login', ctx)}\`, then refresh.`;
  }
  if (EXPIRED.has(f.name) || /expired/i.test(f.message)) {
    return `The AWS credentials of profile ${profile} have expired (${f.name}): renew them (\`${withProfile('aws sso login', ctx)}\` or your credential process), then refresh.`;
  }
  if (BAD_KEYS.has(f.name)) {
    return `AWS rejected the credentials of profile ${profile} (${f.name}): the access key is unknown, disabled or wrong. Check them with \`${withProfile('aws sts get-caller-identity', ctx)}\`.`;
  }
  if (/mfa/i.test(f.message)) return `Profile ${profile} assumes a role that needs an MFA code, and none was given: ${brief(f.message)}`;
  if (ctx.profile) return `No AWS credentials for profile ${profile}: ${brief(f.message)}. Check ~/.aws/config and ~/.aws/credentials, or run \`aws configure --profile ${profile}\`.`;
  return 'No AWS credentials found: set AWS_PROFILE (or choose a profile) or run `aws configure`.';
}

function deniedMessage(f: ErrorFacts, ctx: AwsErrorContext, action: string | undefined): string {
  const explicit = /explicit deny/i.test(f.message) ? ' An explicit deny (a policy, a permissions boundary or an SCP) blocks it.' : '';
  const need = action ? `the identity lacks \`${action}\`` : 'the identity may not make this call';
  return `Access denied for ${where(ctx)}: ${need}.${explicit} Add it to the identity's policy (docs/iam-policy.json lists every action Lambda Guard needs); everything else was still read.`;
}

function networkMessage(f: ErrorFacts, ctx: AwsErrorContext): string {
  const target = ctx.endpoint ? `the endpoint ${ctx.endpoint}` : `the AWS ${ctx.service} endpoint${ctx.region ? ` in ${ctx.region}` : ''}`;
  const fix = ctx.endpoint ? 'check the endpoint setting and that the emulator is running' : 'check the network, proxy and region';
  return `Cannot reach ${target} for ${where(ctx)} (${f.code ?? f.name}): ${fix}.`;
}

/** Reads the action out of `… is not authorized to perform: lambda:GetPolicy on resource …`. */
function actionInMessage(message: string): string | undefined {
  return /perform:\s*([a-z0-9-]+:[A-Za-z0-9*]+)/.exec(message)?.[1];
}

export function describeAwsError(e: unknown, ctx: AwsErrorContext): CollectError {
  const base = { service: ctx.service, operation: ctx.operation, region: ctx.region, resource: ctx.resource };
  if (e instanceof WriteOperationRefusedError) return { ...base, kind: 'other', message: e.message };
  const f = factsOf(e);
  const kind = kindOf(f);
  switch (kind) {
    case 'cancelled':
      return { ...base, kind, message: `Cancelled: ${where(ctx)} was not finished.` };
    case 'credentials':
      return { ...base, kind, message: credentialsMessage(f, ctx) };
    case 'denied': {
      const action = actionInMessage(f.message) ?? iamActionFor(ctx.service, ctx.operation) ?? undefined;
      return { ...base, kind, message: deniedMessage(f, ctx, action), missingPermission: action };
    }
    case 'throttled':
      return { ...base, kind, message: `AWS kept throttling ${where(ctx)} (${f.name}) after the retries: refresh later, or audit fewer regions at once.` };
    case 'timeout':
      return { ...base, kind, message: `${where(ctx)} timed out${ctx.endpoint ? ` at ${ctx.endpoint}` : ''}: the endpoint did not answer in time. Check the network, or raise the request timeout.` };
    case 'network':
      return { ...base, kind, message: networkMessage(f, ctx) };
    case 'notFound':
      return { ...base, kind, message: `${where(ctx)}: not found (${f.name}). It may have been deleted while it was being read.` };
    default: {
      const status = f.status ? `HTTP ${f.status} ` : '';
      const text = brief(f.message);
      return { ...base, kind, message: `${where(ctx)} failed: ${status}${f.name}${text ? `: ${text}` : ''}` };
    }
  }
}
