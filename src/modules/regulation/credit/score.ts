import type { CreditClass, IndicatorFacts } from '../ports.ts';
import type { CreditSettings, Indicator } from './settings.ts';
import type { StoredReason } from './tables.ts';

export interface Scored {
  class: CreditClass;
  score: number;
  reasons: StoredReason[];
}

/** The points one indicator gives for the facts, and how many units counted (for the reason's words). */
function pointsOf(ind: Indicator, facts: IndicatorFacts): { points: number; units: number } {
  const v = (facts as Record<string, unknown>)[ind.fact];
  switch (ind.mode) {
    case 'flag':
      return v === true ? { points: ind.points, units: 1 } : { points: 0, units: 0 };
    case 'below':
      return typeof v === 'number' && v < ind.threshold! ? { points: ind.points, units: 1 } : { points: 0, units: 0 };
    case 'atLeast':
      return typeof v === 'number' && v >= ind.threshold! ? { points: ind.points, units: 1 } : { points: 0, units: 0 };
    case 'each': {
      const n = typeof v === 'number' && v > 0 ? Math.floor(v) : 0;
      const raw = ind.points * n;
      const points = ind.cap ? Math.sign(raw) * Math.min(Math.abs(raw), ind.cap) : raw;
      return { points, units: n };
    }
  }
}

/** The class for a score under the region's thresholds. */
export function classOf(score: number, t: CreditSettings['thresholds']): CreditClass {
  return score >= t.A ? 'A' : score >= t.B ? 'B' : score >= t.C ? 'C' : 'D';
}

/**
 * Scores one entity: the base plus every indicator's points, kept within 0–100, and the class the
 * score falls in. Each indicator that moved the score is a reason, in the words the region gave it.
 */
export function scoreOf(facts: IndicatorFacts, s: CreditSettings): Scored {
  let score = s.base;
  const reasons: StoredReason[] = [];
  for (const ind of s.indicators) {
    const { points, units } = pointsOf(ind, facts);
    if (points === 0) continue;
    score += points;
    const times = ind.mode === 'each' && units > 1;
    reasons.push({ indicator: ind.key, zh: times ? `${ind.zh}（${units}次）` : ind.zh, en: times ? `${ind.en} (×${units})` : ind.en, points });
  }
  score = Math.max(0, Math.min(100, Math.round(score)));
  return { class: classOf(score, s.thresholds), score, reasons };
}

/** Facts from several sources of one entity: counts add up, a flag set by any source holds. */
export function mergeFacts(into: IndicatorFacts, more: IndicatorFacts): IndicatorFacts {
  const out = into as Record<string, unknown>;
  for (const [k, v] of Object.entries(more)) {
    if (v === undefined || v === null) continue;
    const had = out[k];
    if (typeof v === 'boolean') out[k] = had === true || v;
    else if (typeof v === 'number' && (k === 'ageYears' || k === 'registeredCapital')) out[k] = v;
    else if (typeof v === 'number') out[k] = (typeof had === 'number' ? had : 0) + v;
  }
  return into;
}
