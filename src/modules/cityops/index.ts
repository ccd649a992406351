import type { Kernel } from '../../kernel/index.ts';
import { Grids } from './grids.ts';
import { cityopsMigrations } from './migrations/index.ts';
import { cityopsRoutes } from './routes.ts';
import { Telemetry } from './telemetry.ts';
import { listenMqtt } from './mqtt.ts';
import type { Policy } from '../../kernel/policy/index.ts';

export { cityopsMigrations } from './migrations/index.ts';
export type { Grids, GridInput, Placement, Area } from './grids.ts';
export { ALARM_RAISED, DEVICE_KINDS, type DeviceInput, type RuleInput } from './telemetry.ts';
export { TELEMETRY_TOPIC, ERROR_TOPIC } from './mqtt.ts';

/** 一网统管 city operations: grids, and the devices whose readings raise alarms that become cases. */
export function createCityopsModule(k: Kernel, policy: Policy) {
  const grids = new Grids(k);
  const telemetry = new Telemetry(k, policy, grids);
  return {
    grids,
    telemetry,
    migrations: cityopsMigrations,
    routes: cityopsRoutes(grids, telemetry),
    /** Subscribes to the broker's telemetry topic; returns how to stop. */
    listenMqtt: (url: string) => listenMqtt(url, telemetry, k.log),
  };
}
export type CityopsModule = ReturnType<typeof createCityopsModule>;
