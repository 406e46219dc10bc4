import type { AccountSnapshot, CollectError, LiveFunction } from './accountModel';
import type { Telemetry } from './telemetryModel';

/** What a collection reports while it runs, so views can show functions as soon as a page arrives. */
export type CollectProgress =
  | { kind: 'phase'; message: string; region?: string }
  | {
      kind: 'functions';
      region: string;
      functions: LiveFunction[];
      /**
       * `listed`: as the list page describes them, before their policy, URL, tags and triggers are read;
       * `detailed`: the same functions again, complete (replace by ARN). Undefined: complete.
       */
      stage?: 'listed' | 'detailed';
    }
  | { kind: 'error'; error: CollectError };

export interface CollectOptions {
  /** Regions to read; undefined means the source's default (the profile's region, or the snapshot's). */
  regions?: string[];
  signal?: AbortSignal;
  onProgress?: (p: CollectProgress) => void;
  /** Drop cached responses and read everything again. */
  refresh?: boolean;
}

export interface TelemetryOptions {
  start: Date;
  end: Date;
  /** Function names to read telemetry for; all when undefined. */
  functions?: string[];
  /** How flow logs and CloudTrail log groups are read: `auto` picks FilterLogEvents or Logs Insights by size. */
  logsEngine?: 'auto' | 'filter' | 'insights';
  signal?: AbortSignal;
  onProgress?: (p: CollectProgress) => void;
}

/** Where a deployed account comes from: AWS over the SDK, a snapshot file, or the embedded demo account. */
export interface AccountSource {
  /** For the user: `profile dev (123456789012)`, `demo account`, `snapshot prod.json`. */
  readonly label: string;
  collect(opts?: CollectOptions): Promise<AccountSnapshot>;
  /** Runtime data for a time range, for the account `snapshot` the source collected. */
  collectTelemetry(snapshot: AccountSnapshot, opts: TelemetryOptions): Promise<Telemetry>;
}
