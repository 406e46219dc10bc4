import { countBand, robustSigma, type BandRule, type CountBand } from './countBand';
import { neighbourSlots, SLOT_COUNT } from './seasonalSlots';
import { histogramStats, mergeAll, type ValueHistogram } from './valueHistogram';

/** Fewer samples than this in a slot and it borrows from its neighbours, then from its day type. */
export const MIN_SLOT_SAMPLES = 10;

export interface SlotBand extends CountBand {
  /** How the slot's statistics were formed, for the evidence. */
  source: 'slot' | 'neighbours' | 'shrunk';
}

interface Level {
  median: number;
  sigma: number;
  n: number;
}

function levelOf(h: ValueHistogram): Level {
  const s = histogramStats(h);
  return { median: s.median, sigma: robustSigma(s), n: s.n };
}

/**
 * The band of every slot of one scale. A slot with enough samples stands alone; otherwise it pools the
 * hour either side (traffic changes little from one hour to the next); if that is still thin, its
 * level is shrunk towards the level of its whole day type (weekday or weekend), weighted by how many
 * samples it has: `w = n / (n + MIN_SLOT_SAMPLES)`. Thin slots thus get a wide, cautious band rather
 * than a noisy one.
 */
export function slotBands(slots: ValueHistogram[], rule: BandRule): SlotBand[] {
  const dayTypeLevel = [0, 24].map((base) => levelOf(mergeAll(slots.slice(base, base + 24))));
  const overall = levelOf(mergeAll(slots));
  const bands: SlotBand[] = [];
  for (let slot = 0; slot < SLOT_COUNT; slot++) {
    const own = levelOf(slots[slot]);
    if (own.n >= MIN_SLOT_SAMPLES) {
      bands.push({ ...countBand(own.median, own.sigma, own.n, rule), source: 'slot' });
      continue;
    }
    const pooled = levelOf(mergeAll(neighbourSlots(slot).map((s) => slots[s])));
    if (pooled.n >= MIN_SLOT_SAMPLES) {
      bands.push({ ...countBand(pooled.median, pooled.sigma, pooled.n, rule), source: 'neighbours' });
      continue;
    }
    const dayType = dayTypeLevel[slot >= 24 ? 1 : 0];
    const prior = dayType.n > 0 ? dayType : overall;
    const w = pooled.n / (pooled.n + MIN_SLOT_SAMPLES);
    const median = w * pooled.median + (1 - w) * prior.median;
    const sigma = Math.max(w * pooled.sigma + (1 - w) * prior.sigma, 1);
    bands.push({ ...countBand(median, sigma, pooled.n, rule), source: 'shrunk' });
  }
  return bands;
}
