import type { Migration } from '../../kernel/db/index.ts';
import type { App } from '../../kernel/http/app.ts';
import type { Kernel } from '../../kernel/index.ts';
import type { Policy, Principal } from '../../kernel/policy/index.ts';
import { cityopsEvents } from './events.ts';
import { mapTiles } from '../../kernel/config/map.ts';
import { Addresses } from './addresses.ts';
import { Grids } from './grids.ts';
import { Layers } from './layers.ts';
import { cityopsMigrations } from './migrations/index.ts';
import { listenMqtt } from './mqtt.ts';
import { cityopsRoutes } from './routes.ts';
import { Telemetry } from './telemetry.ts';
import { cityScreenFigures, type CityScreenFigures } from './screen-figures.ts';

export { cityopsMigrations } from './migrations/index.ts';
export type { Grids, GridInput, Placement, Area } from './grids.ts';
export type { Layers, LayerInput, LayerKind } from './layers.ts';
export type { Addresses, AddressInput, AddressHit } from './addresses.ts';
export { DEVICE_KINDS, type DeviceInput, type RuleInput } from './telemetry.ts';
export { TELEMETRY_TOPIC, ERROR_TOPIC } from './mqtt.ts';
export * from './events.ts';
export type { CityScreenFigures } from './screen-figures.ts';

/** 一网统管 city operations: what the platform, flows and other modules may use. */
export interface CityopsModule {
  /** Streets and grids: where a point lies, who answers for a street (the cases module places cases by them). */
  grids: Grids;
  /** The offline base map's roads, rivers and points of interest. */
  layers: Layers;
  /** 标准地址库: the region's standard addresses and their search. */
  addresses: Addresses;
  telemetry: Pick<Telemetry, 'register' | 'saveRule'>;
  /** Subscribes to the broker's telemetry topic; returns how to stop. */
  listenMqtt(url: string): { ready: Promise<void>; stop(): Promise<void> };
  /** The command screen's device figures: devices, open alarms, alarms raised since a time (read-only). */
  screenFigures(who: Principal, since: Date): Promise<CityScreenFigures>;
  migrations: Migration[];
  routes: (app: App) => Promise<void>;
}

/** 一网统管 city operations: grids, and the devices whose readings raise alarms that become cases. */
export function createCityopsModule(k: Kernel, policy: Policy): CityopsModule {
  k.events.declareAll(cityopsEvents);
  const grids = new Grids(k);
  const telemetry = new Telemetry(k, policy, grids);
  const layers = new Layers(k);
  const addresses = new Addresses(k, grids);
  return {
    grids,
    layers,
    addresses,
    telemetry,
    migrations: cityopsMigrations,
    routes: cityopsRoutes(grids, telemetry, { layers, addresses, tiles: mapTiles(k.config) }),
    listenMqtt: (url: string) => listenMqtt(url, telemetry, k.log),
    screenFigures: (who, since) => cityScreenFigures(k, policy, who, since),
  };
}
