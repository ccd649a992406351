import { sql } from 'kysely';
import { cstDate } from '../../kernel/calendar/index.ts';
import type { Kernel } from '../../kernel/index.ts';
import { assertAllowed, type Policy, type Principal } from '../../kernel/policy/index.ts';
import type { Categories } from './categories.ts';

/** 12345 on the command screen: today, the period per day, hot categories, heat and what is late. */
export interface CaseScreenFigures {
  today: { received: number; closed: number };
  /** Cases completed in the period, and those completed by their deadline. */
  completed: number;
  onTime: number;
  /** Visited-back cases rated in the period, and those rated satisfied (4–5, as the statistics page counts). */
  rated: number;
  satisfied: number;
  open: number;
  overdueOpen: number;
  supervisedOpen: number;
  perDay: { day: string; received: number }[];
  /** The categories heard most in the last seven days. */
  hot: { categoryCode: string; name: string; nameEn: string | null; count: number }[];
  /** Where the period's cases are: [lat, lon, count], points rounded to ~100 m. */
  heat: [number, number, number][];
}

/**
 * Set-based queries over the region's case rows (the same definitions as 分析研判 in stats.ts), so
 * the screen, the statistics page and the supervision board never disagree.
 */
export async function caseScreenFigures(k: Kernel, policy: Policy, categories: Pick<Categories, 'list'>, who: Principal, days: number): Promise<CaseScreenFigures> {
  const region = k.config.regionCode;
  assertAllowed(policy, who, 'cases.stats', { regionCode: region });
  const now = k.clock.now();
  const today = cstDate(now);
  const dayStart = new Date(`${today}T00:00:00+08:00`);
  const since = new Date(dayStart.getTime() - (days - 1) * 86_400_000);
  const week = new Date(dayStart.getTime() - 6 * 86_400_000);
  const perDay = await sql<{ day: string; received: number }>`
    SELECT to_char(created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS day, count(*)::int AS received
      FROM cases_case WHERE region_code = ${region} AND created_at >= ${since}
     GROUP BY 1 ORDER BY 1`.execute(k.db);
  const period = await sql<{ completed: number; on_time: number; rated: number; satisfied: number; closed_today: number }>`
    SELECT (count(*) FILTER (WHERE replied_at IS NOT NULL OR state = 'closed'))::int AS completed,
           (count(*) FILTER (WHERE (replied_at IS NOT NULL AND replied_at <= due_at) OR (replied_at IS NULL AND state = 'closed' AND closed_at <= due_at)))::int AS on_time,
           (count(*) FILTER (WHERE satisfaction IS NOT NULL))::int AS rated,
           (count(*) FILTER (WHERE satisfaction >= 4))::int AS satisfied,
           (count(*) FILTER (WHERE closed_at >= ${dayStart}))::int AS closed_today
      FROM cases_case WHERE region_code = ${region} AND created_at >= ${since} AND duplicate_of IS NULL`.execute(k.db);
  const open = await sql<{ open: number; overdue: number; supervised: number }>`
    SELECT count(*)::int AS open, (count(*) FILTER (WHERE overdue OR due_at < ${now}))::int AS overdue,
           (count(*) FILTER (WHERE supervision_level > 0))::int AS supervised
      FROM cases_case WHERE region_code = ${region} AND open`.execute(k.db);
  const hot = await sql<{ category_code: string; n: number }>`
    SELECT category_code, count(*)::int AS n FROM cases_case
     WHERE region_code = ${region} AND created_at >= ${week} AND category_code IS NOT NULL
     GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 8`.execute(k.db);
  const heat = await sql<{ lat: number; lon: number; n: number }>`
    SELECT round(lat::numeric, 3)::float8 AS lat, round(lon::numeric, 3)::float8 AS lon, count(*)::int AS n
      FROM cases_case WHERE region_code = ${region} AND created_at >= ${since} AND lat IS NOT NULL
     GROUP BY 1, 2 ORDER BY 3 DESC LIMIT 2000`.execute(k.db);
  const cats = new Map((await categories.list()).map((c) => [c.code, c]));
  const p = period.rows[0];
  const o = open.rows[0];
  return {
    today: { received: perDay.rows.find((r) => r.day === today)?.received ?? 0, closed: p.closed_today },
    completed: p.completed,
    onTime: p.on_time,
    rated: p.rated,
    satisfied: p.satisfied,
    open: o.open,
    overdueOpen: o.overdue,
    supervisedOpen: o.supervised,
    perDay: perDay.rows,
    hot: hot.rows.map((r) => ({ categoryCode: r.category_code, name: cats.get(r.category_code)?.name ?? r.category_code, nameEn: cats.get(r.category_code)?.nameEn ?? null, count: r.n })),
    heat: heat.rows.map((r) => [Number(r.lat), Number(r.lon), Number(r.n)]),
  };
}
