import type { DepartmentNames } from '../org/index.ts';
import type { Placement } from '../cityops/index.ts';
import type { Categories } from './categories.ts';
import type { Classifier } from './classifier.ts';
import type { Suggestion } from './schema.ts';

/**
 * Top-3 suggestions for a case: category from the text, handling unit from the responsibility
 * list at the case's place (a department, or the office of the street the point lies in).
 */
export class Suggester {
  constructor(
    private readonly categories: Categories,
    private readonly classifier: Classifier,
    private readonly names: DepartmentNames,
  ) {}

  async suggest(text: string, regionCode: string, place: Placement | null): Promise<Suggestion[]> {
    const where = place?.streetCode ?? regionCode;
    const scored = await this.classifier.classify(text, where, 3);
    const out = await Promise.all(scored.map(async (s) => ({ s, cat: await this.categories.get(s.categoryCode), unit: await this.unitFor(s.categoryCode, where, place) })));
    const names = await this.names.of(out.map((o) => o.unit.departmentId).filter((x): x is string => !!x));
    return out.map(({ s, cat, unit }) => ({
      categoryCode: s.categoryCode,
      categoryName: cat?.name ?? s.categoryCode,
      categoryNameEn: cat?.nameEn ?? null,
      departmentId: unit.departmentId,
      departmentName: unit.departmentId ? names.get(unit.departmentId) || null : null,
      level: unit.level,
      confidence: s.confidence,
      basis: s.basis,
    }));
  }

  /** Who handles a category at a place by the responsibility list. */
  async unitFor(categoryCode: string, where: string, place: Placement | null): Promise<{ departmentId: string | null; level: string | null }> {
    const duty = await this.categories.dutyFor(categoryCode, where);
    if (!duty) return { departmentId: null, level: null };
    if (duty.level === 'street') return { departmentId: place?.departmentId ?? null, level: 'street' };
    return { departmentId: duty.departmentId, level: 'department' };
  }
}
