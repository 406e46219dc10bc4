import type { CollectError } from '../../core/inventory/accountModel';

type AwsModule = typeof import('../../core/inventory/aws/loadAws');
let mod: AwsModule | undefined;

/**
 * The AWS SDK and collectors, loaded on first use (dist/awsCollectors.js): activation does not pay for
 * the SDK, and a workspace that never opens an account never loads it.
 */
export function loadAws(): AwsModule {
  // The SDK's Node 22 notice is for whoever upgrades the SDK, not for the user of the editor.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  mod ??= require('../../core/inventory/aws/loadAws') as AwsModule;
  return mod;
}

/** Any failure of a whole collection as a message for the user (never a stack trace). */
export function describeFailure(e: unknown, profile?: string, endpoint?: string): CollectError {
  const err = (e as { error?: CollectError })?.error;
  if (err && typeof err.message === 'string') return err;
  if (mod) return mod.describeAwsError(e, { service: 'aws', operation: 'collect', profile, endpoint });
  return { service: 'lambda-guard', operation: 'collect', kind: 'other', message: e instanceof Error ? e.message : String(e) };
}
