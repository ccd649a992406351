import type { DataModule } from '../modules/data/index.ts';
import type { LicensesModule } from '../modules/licenses/index.ts';
import type { RegulationModule } from '../modules/regulation/index.ts';
import type { ServicesModule } from '../modules/services/index.ts';

/**
 * 互联网+监管 reads three other modules: the legal-entity base (名录库, 画像, credit facts), the
 * licences an entity holds, and the catalogue's 行政许可 items (照单监管). (Skeleton: plugged in by
 * the directory, credit and items work.)
 */
export function regulationSources(data: DataModule, licenses: LicensesModule, services: ServicesModule, regulation: RegulationModule): void {
  void data;
  void licenses;
  void services;
  void regulation;
}
