/** How Lambda Guard connects to an AWS account: what the CLI flags and the extension settings fill in. */
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import type { AwsCall } from './readOnly';
import type { TelemetryTuning } from './telemetryTuning';

export interface AwsConnection {
  /** A profile of the shared config files (~/.aws/config, ~/.aws/credentials); AWS_PROFILE or `default` when unset. */
  profile?: string;
  /** Regions to read: a list, `all` (every region enabled for the account), or the profile's default when unset. */
  regions?: string[] | 'all';
  /** A custom endpoint for every service (LocalStack, moto): the same code path as AWS itself. */
  endpoint?: string;
  /** Credentials to use instead of the profile and the standard chain. */
  credentials?: AwsCredentialIdentityProvider;
  /** Asked for a code when a profile assumes a role that requires MFA (`mfa_serial`). */
  mfaCodeProvider?: (serial: string) => Promise<string>;
  /** Attempts per call, retries of throttling and transient errors included (default 6). */
  maxAttempts?: number;
  /** Milliseconds a single request may take before it fails as a timeout (default 30,000). */
  requestTimeoutMs?: number;
  /** Told about every operation before it is sent (after the read-only check). */
  onCall?: (call: AwsCall) => void;
}

/** Knobs for tests and benchmarks; production uses the defaults. */
export interface AwsSourceOptions {
  /** The compact AWS managed policy file; `false` reads every AWS managed policy from IAM instead. */
  managedPolicyDataset?: string | false;
  /** `aws` (default) paces calls to Lambda's published rate limits; `none` turns the pacing off (benchmarks only). */
  pacing?: 'aws' | 'none';
  /** Waits, limits and thresholds of the telemetry readers (Logs Insights polling, deadline, rows; the FilterLogEvents size limit). */
  telemetry?: TelemetryTuning;
}

/** The profile the standard chain will use. */
export function effectiveProfile(conn: AwsConnection): string | undefined {
  return conn.profile ?? process.env.AWS_PROFILE ?? undefined;
}

export const DEFAULT_MAX_ATTEMPTS = 6;
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
