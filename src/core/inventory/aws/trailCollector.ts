/**
 * CloudTrail events for the functions asked for: the trails found (trailDiscovery.ts), the log groups of
 * those that deliver to CloudWatch Logs (trailLogReader.ts — the way that scales), and LookupEvents for
 * the regions none covers (lookupEventsReader.ts). Everything lands in one sink, deduplicated by eventId.
 */
import type { TrailInfo } from '../telemetryModel';
import { lookupTrailEvents } from './lookupEventsReader';
import { settleAll } from './settle';
import { planTrails } from './trailDiscovery';
import type { TrailEventSink } from './trailEventSink';
import { readTrailLogGroup, type TrailReadContext } from './trailLogReader';
import type { TelemetryScope } from './telemetryScope';

export async function collectTrailEvents(ctx: TrailReadContext, scope: TelemetryScope, sink: TrailEventSink, trails: TrailInfo[]): Promise<void> {
  const regions = scope.regions.map((r) => r.region);
  if (!regions.length) return;
  ctx.calls.env.onProgress?.({ kind: 'phase', message: `Finding the CloudTrail trails of ${regions.join(', ')}` });
  const plan = await planTrails(ctx.clients, regions, ctx.calls);
  trails.push(...plan.trails);
  const roles = [...new Set(scope.functions.map((f) => f.role).filter(Boolean))].sort();
  await settleAll([
    ...plan.logGroups.map((g) => readTrailLogGroup(ctx, g, roles, sink)),
    ...plan.lookupRegions.map((region) =>
      lookupTrailEvents(
        ctx.clients,
        region,
        scope.functions.filter((f) => f.region === region),
        ctx,
        sink,
        ctx.calls,
      ),
    ),
  ]);
}
