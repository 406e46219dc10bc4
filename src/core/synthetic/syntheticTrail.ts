import type { TrailEvent } from '../inventory/telemetryModel';
import type { Rng } from './prng';
import { rateAt, type FunctionProfile } from './syntheticProfiles';

export interface TrailContext {
  accountId: string;
  region: string;
}

function roleName(roleArn: string): string {
  return roleArn.slice(roleArn.lastIndexOf('/') + 1);
}

/** A role's unique id (`AROA…`): stable for the role, derived from its ARN. */
function roleId(roleArn: string): string {
  let h = 2166136261;
  for (let i = 0; i < roleArn.length; i++) h = Math.imul(h ^ roleArn.charCodeAt(i), 16777619) >>> 0;
  return `AROA${h.toString(16).toUpperCase().padStart(8, '0')}${(h ^ 0x5bd1e995).toString(16).toUpperCase().padStart(8, '0')}`;
}

const dayPrefix = new Map<number, string>();
const two = (n: number): string => (n < 10 ? `0${n}` : `${n}`);

/** `2026-03-02T14:05:09Z` (CloudTrail's form); the date part cached per day, as tens of thousands are made. */
function stamp(t: number): string {
  const day = Math.floor(t / 86400);
  let prefix = dayPrefix.get(day);
  if (prefix === undefined) {
    prefix = new Date(day * 86400000).toISOString().slice(0, 11);
    dayPrefix.set(day, prefix);
  }
  const s = t - day * 86400;
  return `${prefix}${two(Math.floor(s / 3600))}:${two(Math.floor(s / 60) % 60)}:${two(Math.floor(s) % 60)}Z`;
}

interface SessionIdentity {
  userIdentity: TrailEvent['userIdentity'];
  sourceIps: string[];
}

// The identity of a function's own session never changes; built once per profile (tens of thousands of events use it).
const ownSessions = new WeakMap<FunctionProfile, SessionIdentity>();

function sessionIdentity(ctx: TrailContext, p: FunctionProfile, session: string): TrailEvent['userIdentity'] {
  return {
    type: 'AssumedRole',
    arn: `arn:aws:sts::${ctx.accountId}:assumed-role/${roleName(p.roleArn)}/${session}`,
    principalId: `${roleId(p.roleArn)}:${session}`,
    accountId: ctx.accountId,
    sessionIssuerArn: p.roleArn,
  };
}

function ownSession(ctx: TrailContext, p: FunctionProfile, rng: Rng): SessionIdentity {
  let id = ownSessions.get(p);
  if (!id) {
    id = { userIdentity: sessionIdentity(ctx, p, p.name), sourceIps: Array.from({ length: 4 }, () => `3.${rng.int(80, 95)}.${rng.int(0, 255)}.${rng.int(1, 254)}`) };
    ownSessions.set(p, id);
  }
  return id;
}

const SDK_AGENT = 'aws-sdk-nodejs/3.600.0 linux/v20.12.2 exec-env/AWS_Lambda_nodejs20.x';

/** A call made with the function's execution role: by its code (session = function name) or by the Lambda service (`awslambda_…`). */
export function roleSessionEvent(
  ctx: TrailContext,
  p: FunctionProfile,
  eventSource: string,
  eventName: string,
  time: number,
  rng: Rng,
  opts: { readOnly?: boolean; errorCode?: string; serviceSession?: boolean } = {},
): TrailEvent {
  const own = opts.serviceSession ? undefined : ownSession(ctx, p, rng);
  const e: TrailEvent = {
    eventId: rng.uuid(),
    time: stamp(time),
    eventSource,
    eventName,
    region: ctx.region,
    userIdentity: own ? own.userIdentity : sessionIdentity(ctx, p, `awslambda_${rng.int(100, 999)}_${stamp(time).replace(/\D/g, '')}`),
    sourceIp: own ? rng.pick(own.sourceIps) : 'lambda.amazonaws.com',
    userAgent: own ? SDK_AGENT : 'lambda.amazonaws.com',
  };
  if (opts.readOnly !== undefined) e.readOnly = opts.readOnly;
  if (opts.errorCode) e.errorCode = opts.errorCode;
  return e;
}

/** The role-session calls of one function for [start, end): its stable calls, more when it is busy; ENI upkeep by the Lambda service for VPC functions. */
export function generateRoleCalls(ctx: TrailContext, p: FunctionProfile, start: number, end: number, rng: Rng): TrailEvent[] {
  const out: TrailEvent[] = [];
  for (let hour = start; hour + 3600 <= end; hour += 3600) {
    const activity = p.kind === 'scheduled' ? 1 : Math.min(1, Math.max(0.2, rateAt(p, hour + 1800, start) / p.peakPerMinute));
    for (const c of p.calls) {
      const n = rng.poisson(c.perHour * activity);
      for (let i = 0; i < n; i++) out.push(roleSessionEvent(ctx, p, c.eventSource, c.eventName, hour + rng.int(0, 3599), rng, { readOnly: c.readOnly }));
    }
    if (p.groupIndex !== undefined && rng.chance(0.05)) {
      out.push(roleSessionEvent(ctx, p, 'ec2.amazonaws.com', 'DescribeNetworkInterfaces', hour + rng.int(0, 3599), rng, { readOnly: true, serviceSession: true }));
    }
  }
  return out;
}

export type DeployIdentity = 'ci' | 'admin' | 'stranger';

/** Who changes functions: the usual pipeline, the usual administrator, or someone never seen before. */
export function identityOf(ctx: TrailContext, who: DeployIdentity, rng: Rng): Pick<TrailEvent, 'userIdentity' | 'sourceIp' | 'userAgent'> {
  if (who === 'ci') {
    const session = `GitHubActions-${rng.int(1000000, 9999999)}`;
    return {
      userIdentity: {
        type: 'AssumedRole',
        arn: `arn:aws:sts::${ctx.accountId}:assumed-role/github-deploy/${session}`,
        principalId: `AROA${rng.hex(16).toUpperCase()}:${session}`,
        accountId: ctx.accountId,
        sessionIssuerArn: `arn:aws:iam::${ctx.accountId}:role/github-deploy`,
      },
      sourceIp: `140.82.${rng.int(112, 127)}.${rng.int(1, 254)}`,
      userAgent: 'aws-sam-cli/1.120.0',
    };
  }
  const user = who === 'admin' ? 'alice' : rng.pick(['temp-contractor', 'backup-svc', 'mallory']);
  return {
    userIdentity: { type: 'IAMUser', arn: `arn:aws:iam::${ctx.accountId}:user/${user}`, principalId: `AIDA${rng.hex(16).toUpperCase()}`, accountId: ctx.accountId },
    sourceIp: who === 'admin' ? '203.0.113.20' : `${rng.pick([45, 185, 91])}.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`,
    userAgent: who === 'admin' ? 'aws-cli/2.17.0' : 'Boto3/1.34.0 Python/3.12.0',
  };
}

/** A Lambda control-plane call by `who` about a function (referenced by name or ARN, as `functionName`). */
export function lambdaEvent(
  ctx: TrailContext,
  eventName: string,
  functionRef: string,
  time: number,
  who: DeployIdentity,
  rng: Rng,
  extra: { requestParameters?: Record<string, unknown>; responseElements?: Record<string, unknown>; readOnly?: boolean } = {},
): TrailEvent {
  const e: TrailEvent = {
    eventId: rng.uuid(),
    time: stamp(time),
    eventSource: 'lambda.amazonaws.com',
    eventName,
    region: ctx.region,
    ...identityOf(ctx, who, rng),
    readOnly: extra.readOnly ?? false,
    requestParameters: { functionName: functionRef, ...extra.requestParameters },
  };
  if (extra.responseElements) e.responseElements = extra.responseElements;
  return e;
}

export function codeSha(rng: Rng): string {
  return Buffer.from(rng.hex(64), 'hex').toString('base64');
}

/** Benign deploys before `until` (about 1.5 per function per two weeks, by the pipeline or the administrator) and console reads. */
export function generateDeploys(ctx: TrailContext, profiles: FunctionProfile[], start: number, until: number, rng: Rng): TrailEvent[] {
  const out: TrailEvent[] = [];
  if (until <= start) return out;
  const span = until - start;
  for (const p of profiles) {
    const n = rng.poisson((1.5 * span) / (14 * 86400));
    for (let i = 0; i < n; i++) {
      const t = start + rng.int(0, span - 1);
      const who: DeployIdentity = rng.chance(0.8) ? 'ci' : 'admin';
      out.push(lambdaEvent(ctx, 'UpdateFunctionCode20150331v2', p.name, t, who, rng, { responseElements: { functionName: p.name, codeSha256: codeSha(rng) } }));
      if (rng.chance(0.3)) out.push(lambdaEvent(ctx, 'UpdateFunctionConfiguration20150331v2', p.name, t + 30, who, rng, { requestParameters: { timeout: rng.pick([15, 30, 60]) } }));
    }
    if (rng.chance(0.5)) out.push(lambdaEvent(ctx, 'GetFunction20150331v2', p.name, start + rng.int(0, span - 1), 'admin', rng, { readOnly: true }));
  }
  return out;
}
