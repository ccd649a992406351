/** A handling unit's share of a call: a department id (or code), or 'street' for the office where it lies. */
export interface UnitScore {
  unit: string;
  confidence: number;
  /** The unit's most likely category for the call. */
  categoryCode: string;
}

/**
 * Department scores from category probabilities: each category goes to the unit the duty list
 * gives it, and a unit's confidence is the sum over its categories. Categories without a unit are
 * left out (they cannot be dispatched from the list). Best first.
 */
export function departmentScores(categories: Map<string, number>, unitOf: (categoryCode: string) => string | null): UnitScore[] {
  const byUnit = new Map<string, UnitScore & { best: number }>();
  for (const [code, p] of categories) {
    const unit = unitOf(code);
    if (!unit || !(p > 0)) continue;
    const u = byUnit.get(unit);
    if (!u) byUnit.set(unit, { unit, confidence: p, categoryCode: code, best: p });
    else {
      u.confidence += p;
      if (p > u.best) Object.assign(u, { best: p, categoryCode: code });
    }
  }
  return [...byUnit.values()].sort((a, b) => b.confidence - a.confidence || a.unit.localeCompare(b.unit)).map(({ unit, confidence, categoryCode }) => ({ unit, confidence, categoryCode }));
}
