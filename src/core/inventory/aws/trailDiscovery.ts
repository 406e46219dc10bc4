/**
 * Which trails record the regions' events, and where to read them: DescribeTrails in each region (a
 * multi-region trail is listed in every region it covers), each trail once. A region is covered when a
 * trail that delivers to CloudWatch Logs (`CloudWatchLogsLogGroupArn`) is multi-region or lives there; its
 * log group — in the trail's home region, holding every covered region's records — is read once. Regions
 * left over — a region whose DescribeTrails failed among them, unless another region's multi-region trail
 * covers it — are read with LookupEvents.
 */
import { DescribeTrailsCommand, type Trail } from '@aws-sdk/client-cloudtrail';
import type { TrailInfo } from '../telemetryModel';
import type { Calls } from './calls';
import type { AwsClients } from './clients';
import { parseLogGroupArn } from './logGroups';

export interface TrailLogGroup {
  region: string;
  name: string;
  /** The trails that deliver there, for messages. */
  trails: string[];
}

export interface TrailPlan {
  trails: TrailInfo[];
  logGroups: TrailLogGroup[];
  /** Regions no readable trail log group covers: CloudTrail event history (LookupEvents) there. */
  lookupRegions: string[];
}

function mapTrail(t: Trail, region: string): TrailInfo {
  return {
    name: t.Name ?? '',
    region: t.HomeRegion ?? region,
    ...(t.TrailARN ? { arn: t.TrailARN } : {}),
    ...(t.CloudWatchLogsLogGroupArn ? { logGroupArn: t.CloudWatchLogsLogGroupArn } : {}),
    ...(t.IsMultiRegionTrail !== undefined ? { isMultiRegion: t.IsMultiRegionTrail } : {}),
  };
}

export async function planTrails(clients: AwsClients, regions: readonly string[], calls: Calls): Promise<TrailPlan> {
  const trails = new Map<string, TrailInfo>();
  for (const region of regions) {
    const r = await calls.run({ service: 'cloudtrail', operation: 'DescribeTrails', region }, (abortSignal) =>
      clients.get('cloudtrail', region).send(new DescribeTrailsCommand({ includeShadowTrails: true }), { abortSignal }),
    );
    for (const t of r?.trailList ?? []) {
      const info = mapTrail(t, region);
      trails.set(info.arn ?? `${info.region}/${info.name}`, info);
    }
  }
  const list = [...trails.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.region < b.region ? -1 : 1));
  const groups = new Map<string, TrailLogGroup>();
  const covered = new Set<string>();
  for (const t of list) {
    const group = t.logGroupArn ? parseLogGroupArn(t.logGroupArn) : undefined;
    if (!group) continue;
    const key = `${group.region}/${group.name}`;
    const g = groups.get(key) ?? { region: group.region, name: group.name, trails: [] };
    g.trails.push(t.name);
    groups.set(key, g);
    for (const r of regions) if (t.isMultiRegion || t.region === r) covered.add(r);
  }
  const lookupRegions = regions.filter((r) => !covered.has(r));
  return { trails: list, logGroups: [...groups.values()], lookupRegions };
}
