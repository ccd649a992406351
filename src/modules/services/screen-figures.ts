import { sql } from 'kysely';
import { cstDate } from '../../kernel/calendar/index.ts';
import type { Kernel } from '../../kernel/index.ts';
import { assertAllowed, type Policy, type Principal } from '../../kernel/policy/index.ts';

/** 一网通办 on the command screen: today, the last `days` days per day, and what is late now. */
export interface ServiceScreenFigures {
  today: { received: number; online: number };
  /** Applications completed in the period, and those completed within their promised time. */
  completed: number;
  onTime: number;
  /** 好差评 in the period: all, good (3–5, as the statistics page counts them), bad (1–2). */
  evaluations: { count: number; good: number; bad: number };
  /** Open applications past their promised deadline now. */
  overdueOpen: number;
  perDay: { day: string; received: number; online: number }[];
}

/**
 * The command screen's figures in three set-based queries over the region's applications and
 * evaluations, grouped by the day in Beijing time, so the screen agrees with the statistics page.
 */
export async function serviceScreenFigures(k: Kernel, policy: Policy, who: Principal, days: number): Promise<ServiceScreenFigures> {
  const region = who.regionCode || k.config.regionCode;
  assertAllowed(policy, who, 'services.stats', { regionCode: region });
  const now = k.clock.now();
  const today = cstDate(now);
  const since = new Date(Date.parse(`${today}T00:00:00+08:00`) - (days - 1) * 86_400_000);
  const like = `${region}%`;
  const perDay = await sql<{ day: string; received: number; online: number }>`
    SELECT to_char(submitted_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS day, count(*)::int AS received,
           (count(*) FILTER (WHERE channel = 'online'))::int AS online
      FROM services_application WHERE region_code LIKE ${like} AND submitted_at >= ${since}
     GROUP BY 1 ORDER BY 1`.execute(k.db);
  const state = await sql<{ completed: number; on_time: number; overdue_open: number }>`
    SELECT (count(*) FILTER (WHERE completed_at >= ${since}))::int AS completed,
           (count(*) FILTER (WHERE completed_at >= ${since} AND NOT overdue AND (due_at IS NULL OR completed_at <= due_at)))::int AS on_time,
           (count(*) FILTER (WHERE open AND completed_at IS NULL AND (overdue OR (paused_at IS NULL AND due_at < ${now}))))::int AS overdue_open
      FROM services_application WHERE region_code LIKE ${like} AND (open OR completed_at >= ${since})`.execute(k.db);
  const ev = await sql<{ count: number; good: number; bad: number }>`
    SELECT count(*)::int AS count, (count(*) FILTER (WHERE level >= 3))::int AS good, (count(*) FILTER (WHERE level <= 2))::int AS bad
      FROM services_evaluation WHERE region_code LIKE ${like} AND at >= ${since}`.execute(k.db);
  const t = perDay.rows.find((r) => r.day === today);
  const s = state.rows[0];
  return {
    today: { received: t?.received ?? 0, online: t?.online ?? 0 },
    completed: s.completed,
    onTime: s.on_time,
    evaluations: ev.rows[0],
    overdueOpen: s.overdue_open,
    perDay: perDay.rows,
  };
}
