import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { AccountSource } from '../core/inventory/accountSource';
import { demoAccountSource } from '../core/inventory/snapshot/demoAccount';
import { snapshotFromJson, SnapshotError } from '../core/inventory/snapshot/snapshotFile';
import { snapshotSource } from '../core/inventory/snapshot/snapshotSource';
import type { CliIo } from './cliCommand';
import { flagValue, type FlagSpec, type ParsedFlags } from './parseFlags';
import { UsageError } from './usageError';

/** The options that choose an account, shared by `audit`, `snapshot` and `monitor`. */
export const ACCOUNT_OPTIONS: Record<string, FlagSpec> = {
  '--profile': { value: true },
  '--region': { value: true, repeat: true },
  '--endpoint': { value: true },
  '--snapshot': { value: true },
  '--demo': {},
};

export const ACCOUNT_HELP = `Account (one of):
      --profile NAME     an AWS profile of ~/.aws/config (default: the standard credential chain:
                         environment, AWS_PROFILE, SSO, credential_process, instance role)
      --region REGION    a region to read (repeatable, comma lists too); "all" for every enabled
                         region; default: the profile's region, then AWS_REGION
      --endpoint URL     a custom endpoint for every AWS service (LocalStack, moto)
      --snapshot FILE    a snapshot written by \`lambda-guard snapshot\` (offline)
      --demo             the embedded demo account (offline, no AWS needed)`;

/** Picks the account source the flags name; loads the AWS SDK only when AWS is asked for. */
export async function accountSourceFrom(p: ParsedFlags, io: CliIo): Promise<AccountSource> {
  const demo = p.values.has('--demo');
  const snapshot = flagValue(p, '--snapshot');
  const aws = ['--profile', '--region', '--endpoint'].filter((f) => p.values.has(f));
  if (demo && snapshot) throw new UsageError('--demo and --snapshot are exclusive');
  if ((demo || snapshot) && aws.length) throw new UsageError(`${demo ? '--demo' : '--snapshot'} reads no AWS account: ${aws.join(', ')} cannot be used with it`);
  if (demo) return demoAccountSource();
  if (snapshot) return snapshotSource(await readSnapshot(snapshot, io), `snapshot ${snapshot}`);
  const regions = p.values.get('--region');
  quietSdkNodeWarning();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createAwsSource } = require('../core/inventory/aws/loadAws') as typeof import('../core/inventory/aws/loadAws');
  return createAwsSource({
    profile: flagValue(p, '--profile'),
    regions: regions?.includes('all') ? 'all' : regions,
    endpoint: flagValue(p, '--endpoint'),
  });
}

/** A snapshot file; a missing or damaged one is a usage error naming it. */
export async function readSnapshot(file: string, io: CliIo) {
  let text: string;
  try {
    text = await fs.readFile(path.resolve(io.cwd, file), 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  try {
    const s = snapshotFromJson(text, file);
    s.source = { ...s.source, kind: 'snapshot', file };
    return s;
  } catch (e) {
    if (e instanceof SnapshotError) throw new UsageError(e.message);
    throw e;
  }
}

/**
 * The AWS SDK warns on every run that its 2027 releases will need Node 22. That is for whoever upgrades
 * the SDK, not for someone running an audit: keep it out of the report's stderr (the SDK's own switch).
 */
function quietSdkNodeWarning(): void {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
}
