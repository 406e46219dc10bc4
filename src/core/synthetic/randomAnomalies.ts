import type { AnomalyKind, AnomalyLabel } from './anomalyLabel';
import { injectChange, injectNewPeer, injectPortScan, injectSpike, injectUnusualCall, type NewPeerKind } from './injectAnomalies';
import type { Rng } from './prng';
import type { FunctionProfile } from './syntheticProfiles';
import type { SyntheticWorld } from './syntheticWorld';

export const ANOMALY_KINDS: readonly AnomalyKind[] = ['spike', 'new-peer', 'unusual-call', 'change', 'port-scan'];

export interface RandomAnomalyOptions {
  /** Anomalies start in [start + 30 min, end − 3 h]. */
  window: { start: Date; end: Date };
  /** How many of each kind (fewer when not enough functions qualify). */
  perKind: number;
  kinds?: readonly AnomalyKind[];
}

function shuffled<T>(items: readonly T[], rng: Rng): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** The function's quietest hour inside [from, to], if it has a marked night: a daytime level there is a spike. */
function nightSlot(p: FunctionProfile, from: number, to: number): number | undefined {
  if (p.kind !== 'api' || p.nightRatio > 0.15) return undefined;
  const trough = (p.peakHour + 12) % 24;
  for (let t = Math.ceil(from / 3600) * 3600; t <= to; t += 3600) if (Math.floor(t / 3600) % 24 === trough) return t;
  return undefined;
}

/**
 * Injects `perKind` anomalies of each kind, each on a different function (port scans on different
 * function groups too, so that one alert cannot stand for two), at random times in the window. Half
 * of the spikes on functions with a marked night are daytime levels at night; the rest are storms of
 * 4–15× the usual rate. Returns the labels (also kept in `w.labels`).
 */
export function injectRandomAnomalies(w: SyntheticWorld, opts: RandomAnomalyOptions): AnomalyLabel[] {
  const rng = w.injectRng;
  const from = Math.floor(opts.window.start.getTime() / 1000) + 1800;
  const to = Math.floor(opts.window.end.getTime() / 1000) - 3 * 3600;
  if (to <= from) throw new Error('the window is too short to inject anomalies (it needs more than 3.5 hours)');
  const at = (): number => Math.floor(rng.int(from, to) / 60) * 60;
  const labels: AnomalyLabel[] = [];
  for (const kind of opts.kinds ?? ANOMALY_KINDS) {
    const usedGroups = new Set<number>();
    const candidates = shuffled(w.profiles, rng).filter((p) => (kind === 'new-peer' || kind === 'port-scan' ? p.groupIndex !== undefined : true));
    let made = 0;
    for (const p of candidates) {
      if (made >= opts.perKind) break;
      if (kind === 'port-scan') {
        if (usedGroups.has(p.groupIndex!)) continue;
        usedGroups.add(p.groupIndex!);
      }
      if (kind === 'spike') {
        const night = rng.chance(0.5) ? nightSlot(p, from, to) : undefined;
        labels.push(
          night !== undefined
            ? injectSpike(w, p.name, night + rng.int(0, 20) * 60, { perMinute: p.peakPerMinute * rng.float(0.5, 1), minutes: rng.int(30, 120) })
            : injectSpike(w, p.name, at()),
        );
      } else if (kind === 'new-peer') labels.push(injectNewPeer(w, p.name, at(), rng.pick<NewPeerKind>(['internal', 'internet-port', 'internet-https'])));
      else if (kind === 'unusual-call') labels.push(injectUnusualCall(w, p.name, at()));
      else if (kind === 'change') labels.push(injectChange(w, p.name, at()));
      else labels.push(injectPortScan(w, p.name, at()));
      made++;
    }
  }
  return labels;
}
