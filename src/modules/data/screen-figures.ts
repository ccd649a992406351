import { sql } from 'kysely';
import { cstDate } from '../../kernel/calendar/index.ts';
import type { Kernel } from '../../kernel/index.ts';
import { assertAllowed, type Policy, type Principal } from '../../kernel/policy/index.ts';

/** 数据共享 on the command screen: gateway calls per day (from the usage records) and late requests. */
export interface DataScreenFigures {
  today: { calls: number; refused: number };
  perDay: { day: string; calls: number }[];
  overdueRequests: number;
}

/** One grouped query over the usage records and one count of sharing requests past their deadline. */
export async function dataScreenFigures(k: Kernel, policy: Policy, who: Principal, days: number): Promise<DataScreenFigures> {
  const region = who.regionCode || k.config.regionCode;
  assertAllowed(policy, who, 'data.stats', { regionCode: region });
  const now = k.clock.now();
  const today = cstDate(now);
  const since = new Date(Date.parse(`${today}T00:00:00+08:00`) - (days - 1) * 86_400_000);
  const perDay = await sql<{ day: string; calls: number; refused: number }>`
    SELECT to_char(at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS day, count(*)::int AS calls, (count(*) FILTER (WHERE outcome <> 'ok'))::int AS refused
      FROM data_usage WHERE region_code LIKE ${`${region}%`} AND at >= ${since}
     GROUP BY 1 ORDER BY 1`.execute(k.db);
  const late = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM data_request
     WHERE region_code LIKE ${`${region}%`} AND state IN ('submitted', 'bureau_review') AND due_at < ${now}`.execute(k.db);
  const t = perDay.rows.find((r) => r.day === today);
  return { today: { calls: t?.calls ?? 0, refused: t?.refused ?? 0 }, perDay: perDay.rows.map((r) => ({ day: r.day, calls: r.calls })), overdueRequests: late.rows[0].n };
}
