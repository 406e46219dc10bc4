/** Profiles of the shared config files (~/.aws/config, ~/.aws/credentials; AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE honoured). */
import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';

/** Sections of ~/.aws/config that are not profiles (the loader keys them `sso-session.NAME`, `services.NAME`). */
const NOT_PROFILES = /^(sso-session|services)\./;

/** Every profile name in either file, sorted; empty when the files are missing or unreadable. */
export async function listProfiles(): Promise<string[]> {
  try {
    const { configFile, credentialsFile } = await loadSharedConfigFiles({ ignoreCache: true });
    return [...new Set([...Object.keys(configFile), ...Object.keys(credentialsFile)])].filter((n) => !NOT_PROFILES.test(n)).sort();
  } catch {
    return [];
  }
}

/** `region` of the profile (`default` when unset) in ~/.aws/config, else ~/.aws/credentials; undefined when unset or unreadable. */
export async function profileRegion(profile: string | undefined): Promise<string | undefined> {
  try {
    const { configFile, credentialsFile } = await loadSharedConfigFiles({ ignoreCache: true });
    const name = profile ?? 'default';
    return configFile[name]?.region ?? credentialsFile[name]?.region;
  } catch {
    return undefined;
  }
}
