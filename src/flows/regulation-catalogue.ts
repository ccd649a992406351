import type { RegulationModule } from '../modules/regulation/index.ts';
import type { ServicesModule } from '../modules/services/index.ts';

/**
 * 照单监管 reads the catalogue's 行政许可 items: the regulation module checks that every one has its
 * 监管事项 and that a 监管事项 follows only items that exist. Read-only; the catalogue stays the
 * services module's.
 */
export function regulationCatalogue(services: ServicesModule, regulation: RegulationModule): void {
  regulation.useCatalogue({ licensingItems: (regionCode) => services.licensingItems(regionCode) });
}
