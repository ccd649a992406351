import type { DataModule } from '../modules/data/index.ts';
import type { RegulationModule } from '../modules/regulation/index.ts';

/** The 检查对象名录库, 画像 and credit facts read the legal-entity base. (Skeleton: written by the directory work.) */
export function regulationEntities(data: DataModule, regulation: RegulationModule): void {
  void data;
  void regulation;
}
