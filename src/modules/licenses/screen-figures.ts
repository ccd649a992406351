import { sql } from 'kysely';
import { cstDate } from '../../kernel/calendar/index.ts';
import type { Kernel } from '../../kernel/index.ts';
import { assertAllowed, type Policy, type Principal } from '../../kernel/policy/index.ts';

/** 电子证照 on the command screen: issued today, valid in total, and issued per day. */
export interface LicenceScreenFigures {
  issuedToday: number;
  valid: number;
  total: number;
  perDay: { day: string; issued: number }[];
}

/** One grouped query over the licence register by its issue date (a calendar day in Beijing time). */
export async function licenceScreenFigures(k: Kernel, policy: Policy, who: Principal, days: number): Promise<LicenceScreenFigures> {
  const region = who.regionCode || k.config.regionCode;
  assertAllowed(policy, who, 'licenses.read', { regionCode: region });
  const today = cstDate(k.clock.now());
  const since = cstDate(new Date(Date.parse(`${today}T00:00:00+08:00`) - (days - 1) * 86_400_000));
  const r = await sql<{ total: number; valid: number }>`
    SELECT count(*)::int AS total, (count(*) FILTER (WHERE status = 'valid'))::int AS valid
      FROM licenses_licence WHERE region_code LIKE ${`${region}%`}`.execute(k.db);
  const perDay = await sql<{ day: string; issued: number }>`
    SELECT issued_on::text AS day, count(*)::int AS issued FROM licenses_licence
     WHERE region_code LIKE ${`${region}%`} AND issued_on >= ${since}
     GROUP BY 1 ORDER BY 1`.execute(k.db);
  return { issuedToday: perDay.rows.find((x) => x.day === today)?.issued ?? 0, valid: r.rows[0].valid, total: r.rows[0].total, perDay: perDay.rows };
}
