import { sql } from 'kysely';
import type { Kernel } from '../../kernel/index.ts';
import { assertAllowed, type Policy, type Principal } from '../../kernel/policy/index.ts';

/** 一网统管 on the command screen: devices, open alarms now and alarms raised since the given time. */
export interface CityScreenFigures {
  devices: number;
  openAlarms: number;
  alarmsSince: number;
}

export async function cityScreenFigures(k: Kernel, policy: Policy, who: Principal, since: Date): Promise<CityScreenFigures> {
  const region = k.config.regionCode;
  assertAllowed(policy, who, 'cityops.view', { regionCode: region });
  const r = await sql<{ devices: number }>`SELECT count(*)::int AS devices FROM cityops_device WHERE region_code LIKE ${`${region}%`} AND active`.execute(k.db);
  const a = await sql<{ open: number; since: number }>`
    SELECT (count(*) FILTER (WHERE cleared_at IS NULL))::int AS open, (count(*) FILTER (WHERE opened_at >= ${since}))::int AS since
      FROM cityops_alarm WHERE region_code LIKE ${`${region}%`} AND (cleared_at IS NULL OR opened_at >= ${since})`.execute(k.db);
  return { devices: r.rows[0].devices, openAlarms: a.rows[0].open, alarmsSince: a.rows[0].since };
}
