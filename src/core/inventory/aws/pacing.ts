/**
 * Lambda's published control-plane rate limits, per region: GetFunction 100 requests/s, GetPolicy 15/s,
 * every other control-plane call 15/s combined (aws-facts.md §3). IAM publishes none, but GetPolicyVersion
 * is often throttled, so the fallback reads of AWS managed policies are paced gently too. Telemetry:
 * CloudTrail LookupEvents 2/s, CloudWatch Logs FilterLogEvents and DescribeLogStreams 5/s each (aws-facts.md
 * §4; the CloudWatch Logs quotas). Throttling that still happens is retried by the SDK's adaptive retry mode.
 */
import { TokenBucket } from './rateLimit';

const BUCKETS: Record<string, { rate: number; key: (operation: string) => string | undefined }> = {
  lambda: { rate: 15, key: (op) => (op === 'GetFunction' ? 'GetFunction' : op === 'GetPolicy' ? 'GetPolicy' : 'control') },
  iam: { rate: 10, key: (op) => (op === 'GetPolicy' || op === 'GetPolicyVersion' ? 'policies' : undefined) },
  cloudtrail: { rate: 2, key: (op) => (op === 'LookupEvents' ? 'LookupEvents' : undefined) },
  // 5 transactions/s per account and region each (FilterLogEvents' is a hard limit).
  logs: { rate: 5, key: (op) => (op === 'FilterLogEvents' || op === 'DescribeLogStreams' ? op : undefined) },
};
const RATE_OVERRIDES: Record<string, number> = { 'lambda:GetFunction': 100 };

/** One token bucket per (service, region, bucket); `none` paces nothing. */
export class Pacer {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(private readonly mode: 'aws' | 'none' = 'aws') {}

  /** Waits for the operation's turn; resolves at once for operations without a published limit. */
  async take(service: string, operation: string, region: string, signal?: AbortSignal): Promise<void> {
    if (this.mode === 'none') return;
    const spec = BUCKETS[service];
    const bucket = spec?.key(operation);
    if (!spec || !bucket) return;
    const id = `${service}:${region}:${bucket}`;
    let b = this.buckets.get(id);
    if (!b) {
      b = new TokenBucket(RATE_OVERRIDES[`${service}:${bucket}`] ?? spec.rate);
      this.buckets.set(id, b);
    }
    await b.take(signal);
  }
}
