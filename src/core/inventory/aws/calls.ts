/**
 * Runs one AWS call for a collector: a failure becomes a `CollectError` in the section's list (and a
 * progress event) instead of an exception, so one denied or throttled call never stops the others.
 * Cancellation is the exception: it propagates and ends the collection.
 */
import type { CollectError } from '../accountModel';
import type { CollectProgress } from '../accountSource';
import { describeAwsError } from './awsErrors';
import { abortError } from './rateLimit';

export interface CallSite {
  service: string;
  operation: string;
  region?: string;
  resource?: string;
}

export interface CallEnv {
  signal?: AbortSignal;
  onProgress?: (p: CollectProgress) => void;
  profile?: string;
  endpoint?: string;
}

/** `NOT_FOUND` from `runAllowingNotFound` when AWS answers ResourceNotFound (e.g. a function without a policy). */
export const NOT_FOUND = Symbol('not found');

export class Calls {
  readonly errors: CollectError[] = [];

  constructor(readonly env: CallEnv) {}

  get signal(): AbortSignal | undefined {
    return this.env.signal;
  }

  /** The call's result, or undefined after recording why it failed. */
  async run<T>(site: CallSite, fn: (signal?: AbortSignal) => Promise<T>): Promise<T | undefined> {
    const r = await this.attempt(site, fn, false);
    return r === NOT_FOUND ? undefined : r;
  }

  /** Like `run`, but ResourceNotFound / NoSuchEntity is an answer (`NOT_FOUND`), not an error. */
  runAllowingNotFound<T>(site: CallSite, fn: (signal?: AbortSignal) => Promise<T>): Promise<T | typeof NOT_FOUND | undefined> {
    return this.attempt(site, fn, true);
  }

  /** Records a problem found in a response (e.g. a policy document that does not parse). */
  record(error: CollectError): void {
    this.errors.push(error);
    this.env.onProgress?.({ kind: 'error', error });
  }

  /** Throws if the collection was cancelled. */
  checkCancelled(): void {
    if (this.env.signal?.aborted) throw abortError(this.env.signal);
  }

  private async attempt<T>(site: CallSite, fn: (signal?: AbortSignal) => Promise<T>, notFoundIsAnswer: boolean): Promise<T | typeof NOT_FOUND | undefined> {
    this.checkCancelled();
    try {
      return await fn(this.env.signal);
    } catch (e) {
      if (this.env.signal?.aborted) throw abortError(this.env.signal);
      const error = describeAwsError(e, { ...site, profile: this.env.profile, endpoint: this.env.endpoint });
      if (error.kind === 'cancelled') throw abortError(this.env.signal);
      if (error.kind === 'notFound' && notFoundIsAnswer) return NOT_FOUND;
      this.record(error);
      return undefined;
    }
  }
}
