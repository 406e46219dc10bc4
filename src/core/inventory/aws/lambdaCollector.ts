/**
 * Functions of one region: ListFunctions page by page (each page reported at once, so views can show it),
 * then per function GetFunction (tags, code SHA, last modified), GetPolicy and GetFunctionUrlConfig, in a
 * small pool paced to Lambda's rate limits; event source mappings in one paged read for the whole region.
 */
import {
  GetFunctionCommand,
  GetFunctionUrlConfigCommand,
  GetPolicyCommand,
  paginateListEventSourceMappings,
  paginateListFunctions,
  type LambdaClient,
} from '@aws-sdk/client-lambda';
import type { EventSourceMapping, LiveFunction } from '../accountModel';
import { NOT_FOUND, type Calls } from './calls';
import type { AwsClients } from './clients';
import { isoTime, mapEventSourceMapping, mapFunction, mapFunctionUrl, unqualifiedArn } from './lambdaMapping';
import { awsShapedLambdaPolicy } from './lambdaPolicyShape';
import { parsePolicyJson } from './policyDocument';
import { Semaphore } from './rateLimit';

/** ListFunctions' largest page. */
const PAGE_SIZE = 50;
/** Functions whose details are read at once in a region (the rate limits, not this, set the pace). */
const DETAIL_CONCURRENCY = 10;

export type FunctionsReporter = (functions: LiveFunction[], stage: 'listed' | 'detailed') => void;

async function readMappings(lambda: LambdaClient, region: string, calls: Calls): Promise<Map<string, EventSourceMapping[]>> {
  const byFunction = new Map<string, EventSourceMapping[]>();
  await calls.run({ service: 'lambda', operation: 'ListEventSourceMappings', region }, async (abortSignal) => {
    for await (const page of paginateListEventSourceMappings({ client: lambda, pageSize: 100 }, {}, { abortSignal })) {
      for (const m of page.EventSourceMappings ?? []) {
        const key = unqualifiedArn(m.FunctionArn ?? '');
        byFunction.set(key, [...(byFunction.get(key) ?? []), mapEventSourceMapping(m)]);
      }
    }
  });
  return byFunction;
}

async function readDetails(lambda: LambdaClient, fn: LiveFunction, calls: Calls): Promise<void> {
  const site = { service: 'lambda', region: fn.region, resource: fn.name };
  const FunctionName = fn.name;
  await Promise.all([
    calls.run({ ...site, operation: 'GetFunction' }, (s) => lambda.send(new GetFunctionCommand({ FunctionName }), { abortSignal: s })).then((r) => {
      if (!r) return;
      fn.tags = { ...(r.Tags ?? {}) };
      fn.codeSha256 = r.Configuration?.CodeSha256 ?? fn.codeSha256;
      fn.lastModified = isoTime(r.Configuration?.LastModified) ?? fn.lastModified;
    }),
    calls.runAllowingNotFound({ ...site, operation: 'GetPolicy' }, (s) => lambda.send(new GetPolicyCommand({ FunctionName }), { abortSignal: s })).then((r) => {
      if (!r || r === NOT_FOUND || !r.Policy) return;
      const parsed = parsePolicyJson(r.Policy);
      if (parsed.ok) fn.resourcePolicy = awsShapedLambdaPolicy(parsed.document, fn.arn);
      else calls.record({ ...site, operation: 'GetPolicy', kind: 'other', message: `The resource policy of ${fn.name} could not be read: ${parsed.reason}.` });
    }),
    calls.runAllowingNotFound({ ...site, operation: 'GetFunctionUrlConfig' }, (s) => lambda.send(new GetFunctionUrlConfigCommand({ FunctionName }), { abortSignal: s })).then((r) => {
      if (r && r !== NOT_FOUND) fn.url = mapFunctionUrl(r);
    }),
  ]);
}

/** Reads the region's functions into `out` (so a cancelled collection keeps what it had). */
export async function collectFunctions(clients: AwsClients, region: string, calls: Calls, out: LiveFunction[], report: FunctionsReporter): Promise<void> {
  const lambda = clients.get('lambda', region);
  const pool = new Semaphore(DETAIL_CONCURRENCY);
  const mappings = readMappings(lambda, region, calls);
  mappings.catch(() => undefined); // awaited below; only a cancellation rejects it
  const pending: Promise<void>[] = [];
  let failure: unknown;
  const track = (p: Promise<void>): void => {
    pending.push(p.catch((e: unknown) => void (failure ??= e)));
  };
  track(
    calls
      .run({ service: 'lambda', operation: 'ListFunctions', region }, async (abortSignal) => {
        for await (const page of paginateListFunctions({ client: lambda, pageSize: PAGE_SIZE }, {}, { abortSignal })) {
          const fns = (page.Functions ?? []).map((c) => mapFunction(c, region));
          out.push(...fns);
          report(
            fns.map((f) => ({ ...f })),
            'listed',
          );
          const details = Promise.all(fns.map((f) => pool.run(() => readDetails(lambda, f, calls))));
          track(
            Promise.all([details, mappings]).then(([, byFunction]) => {
              for (const f of fns) f.eventSourceMappings = byFunction.get(f.arn) ?? [];
              report(fns, 'detailed');
            }),
          );
        }
      })
      .then(() => undefined),
  );
  // `pending` grows while pages arrive: wait until it stops growing.
  for (let seen = 0; seen < pending.length; ) {
    const batch = pending.slice(seen);
    seen = pending.length;
    await Promise.all(batch);
  }
  if (failure) throw failure;
}
