import type { Kernel } from '../../kernel/index.ts';
import { Grids } from './grids.ts';
import { cityopsMigrations } from './migrations/index.ts';
import { cityopsRoutes } from './routes.ts';

export { cityopsMigrations } from './migrations/index.ts';
export type { Grids, GridInput, Placement, Area } from './grids.ts';

/** 一网统管 city operations: grids now; devices, telemetry and map layers build on them. */
export function createCityopsModule(k: Kernel) {
  const grids = new Grids(k);
  return { grids, migrations: cityopsMigrations, routes: cityopsRoutes(grids) };
}
export type CityopsModule = ReturnType<typeof createCityopsModule>;
