import { functionKey } from '../activity/functionIndex';
import { round2 } from '../baselines/alertText';
import { spikeRule } from '../baselines/invocationSpikes';
import type { LearnedBaselines } from '../baselines/learnedBaselines';
import { slotOf } from '../baselines/seasonalSlots';
import { slotBands, type SlotBand } from '../baselines/slotBands';

/** How far below the learned median the band's lower edge sits, in robust σ. */
export const BAND_LOW_SIGMAS = 2;

export interface ExpectedBand {
  low: (number | null)[];
  high: (number | null)[];
  /** Seconds per point the band is for (the scale of the learned model it comes from). */
  period: number;
}

/**
 * The learned expected band of a function's invocations at each timestamp (period starts, epoch
 * seconds): the top edge is LG101's threshold for one point at that hour of the day and day type
 * (median + the larger of 5 robust σ, a multiple of the median and a floor — `spikeRule`), the bottom
 * edge the median minus two robust σ, never below zero (both to two decimals). LG101 alerts on rises only; the bottom edge
 * just shows how low the hour usually goes.
 *
 * Undefined when the function has no learned model, or none at the chart's period (a band per 5 minutes
 * says nothing about one-minute points).
 */
export function invocationBand(learned: LearnedBaselines | undefined, region: string, name: string, timestamps: readonly number[], period: number): ExpectedBand | undefined {
  const model = learned?.invocations.get(functionKey(region, name));
  const scale = model?.scales.find((s) => s.seconds === period);
  if (!scale) return undefined;
  const bands: SlotBand[] = slotBands(scale.slots, spikeRule(scale.seconds));
  const low = new Array<number | null>(timestamps.length);
  const high = new Array<number | null>(timestamps.length);
  for (let i = 0; i < timestamps.length; i++) {
    const b = bands[slotOf(timestamps[i])];
    low[i] = round2(Math.max(0, b.median - BAND_LOW_SIGMAS * b.sigma));
    high[i] = round2(b.upper);
  }
  return { low, high, period };
}
