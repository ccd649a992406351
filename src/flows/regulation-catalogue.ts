import type { RegulationModule } from '../modules/regulation/index.ts';
import type { ServicesModule } from '../modules/services/index.ts';

/** 照单监管 reads the catalogue's 行政许可 items. (Skeleton: written by the items work.) */
export function regulationCatalogue(services: ServicesModule, regulation: RegulationModule): void {
  void services;
  void regulation;
}
