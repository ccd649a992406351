import type { DataModule } from '../modules/data/index.ts';
import type { RegulationModule } from '../modules/regulation/index.ts';

/**
 * The 检查对象名录库, 画像 and credit facts read the legal-entity base (法人基础库) with the public
 * credit register joined, through the data module's read-only pages (no ID numbers cross).
 */
export function regulationEntities(data: DataModule, regulation: RegulationModule): void {
  regulation.useEntities({
    page: (regionCode, after, limit) => data.entities.page(regionCode, after, limit),
    one: (creditCode) => data.entities.one(creditCode),
  });
}
