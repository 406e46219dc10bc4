/**
 * The regions one collection reads and its home region (where STS, IAM and DescribeRegions are called):
 * the collection's own list, else the connection's (`all` = every enabled region), else the profile's
 * default. No region at all, or a name that is not a region, stops the collection with the fix.
 */
import type { AwsClients } from './clients';
import type { CallEnv } from './calls';
import { describeAwsError } from './awsErrors';
import type { AwsConnection } from './connection';
import { defaultRegion, enabledRegions, invalidRegionNames } from './regions';
import { AwsCollectionError } from './sourceErrors';

export interface RegionChoice {
  regions: string[];
  home: string;
}

function noRegion(profile: string | undefined): AwsCollectionError {
  const where = profile ? `profile ${profile} has no \`region\` in ~/.aws/config` : 'the default profile has no `region` in ~/.aws/config';
  return new AwsCollectionError({
    service: 'lambda-guard',
    operation: 'regions',
    kind: 'other',
    message: `No AWS region to read: ${where}, and AWS_REGION is not set. Choose regions (\`--region us-east-1\`, or Select Regions… in the editor).`,
  });
}

export async function resolveRegions(conn: AwsConnection, requested: string[] | undefined, profile: string | undefined, clients: AwsClients, env: CallEnv): Promise<RegionChoice> {
  const wanted = requested ?? conn.regions;
  if (wanted === 'all') {
    const home = (await defaultRegion(profile)) ?? 'us-east-1';
    try {
      const regions = await enabledRegions(clients, home, env.signal);
      return { regions, home: regions.includes(home) ? home : (regions[0] ?? home) };
    } catch (e) {
      if (env.signal?.aborted) throw e;
      throw new AwsCollectionError(describeAwsError(e, { service: 'ec2', operation: 'DescribeRegions', region: home, profile, endpoint: env.endpoint }));
    }
  }
  if (wanted?.length) {
    const bad = invalidRegionNames(wanted);
    if (bad.length) {
      throw new AwsCollectionError({ service: 'lambda-guard', operation: 'regions', kind: 'other', message: `Not a region name: ${bad.join(', ')} (expected a name such as us-east-1).` });
    }
    const regions = [...new Set(wanted)];
    return { regions, home: regions[0] };
  }
  const home = await defaultRegion(profile);
  if (!home) throw noRegion(profile);
  return { regions: [home], home };
}
