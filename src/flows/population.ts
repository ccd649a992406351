import type { DataModule } from '../modules/data/index.ts';
import type { IdentityModule } from '../modules/identity/index.ts';

/**
 * 一数一源: real-name checks read population facts from their one source, the data backbone's
 * 人口基础库. Identity may not import the data module, so it declares the question
 * (PopulationRegister) and this flow plugs the backbone in (docs/population.md).
 */
export function population(identity: IdentityModule, data: DataModule): void {
  identity.usePopulation(data.population);
}
