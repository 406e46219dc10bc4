/**
 * Which regions a collection reads: an explicit list, every region enabled for the account (EC2
 * DescribeRegions), or the profile's default — its `region` in the shared config files, then
 * AWS_REGION / AWS_DEFAULT_REGION.
 */
import { DescribeRegionsCommand } from '@aws-sdk/client-ec2';
import type { AwsClients } from './clients';
import { profileRegion } from './profiles';

const REGION_NAME = /^[a-z]{2}(-[a-z]+)+-\d+$/;

export async function defaultRegion(profile: string | undefined): Promise<string | undefined> {
  return (await profileRegion(profile)) ?? (process.env.AWS_REGION || undefined) ?? (process.env.AWS_DEFAULT_REGION || undefined);
}

/** Regions enabled for the account (opt-in regions only when opted in), sorted. */
export async function enabledRegions(clients: AwsClients, fromRegion: string, signal?: AbortSignal): Promise<string[]> {
  const out = await clients.get('ec2', fromRegion).send(new DescribeRegionsCommand({}), { abortSignal: signal });
  return (out.Regions ?? [])
    .map((r) => r.RegionName ?? '')
    .filter(Boolean)
    .sort();
}

/** Names that are not region names, e.g. a typo such as `us-east1`. */
export function invalidRegionNames(regions: readonly string[]): string[] {
  return regions.filter((r) => !REGION_NAME.test(r));
}
