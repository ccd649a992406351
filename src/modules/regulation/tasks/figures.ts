import { sql } from 'kysely';
import { cstDate } from '../../../kernel/calendar/index.ts';
import type { Executor } from '../../../kernel/db/index.ts';
import type { TaskFigures, TaskKind } from '../ports.ts';
import { TASK_KINDS } from './create.ts';

type N = number | string | null;
const n = (v: N) => Number(v ?? 0);

/**
 * 监管效能 of a region (GB/T 2260 prefix) and year, in SQL: tasks made that year (by kind, open,
 * past due), results recorded that year (problems, 立案查处, published after the deadline, and tasks
 * whose publication deadline passed with no result), penalties decided that year, 告知承诺
 * verifications on time or late, and per month. Years are China-time years.
 */
export async function taskFigures(ex: Executor, now: Date, regionCode: string, year: number): Promise<TaskFigures> {
  const from = `${year}-01-01T00:00:00+08:00`;
  const to = `${year + 1}-01-01T00:00:00+08:00`;
  const region = `${regionCode}%`;
  const today = cstDate(now);
  const t = (
    await sql<Record<string, N>>`
      SELECT
        count(*) AS total,
        count(*) FILTER (WHERE kind = 'random') AS random,
        count(*) FILTER (WHERE kind = 'commitment') AS commitment,
        count(*) FILTER (WHERE kind = 'clue') AS clue,
        count(*) FILTER (WHERE kind = 'key') AS key,
        count(*) FILTER (WHERE state = 'open') AS open,
        count(*) FILTER (WHERE state = 'open' AND due_on < ${today}::date) AS overdue,
        count(*) FILTER (WHERE state = 'open' AND publish_by < ${now}) AS unpublished,
        count(*) FILTER (WHERE kind = 'commitment' AND state = 'done' AND inspected_on <= due_on) AS c_on_time,
        count(*) FILTER (WHERE kind = 'commitment' AND state = 'done' AND inspected_on > due_on) AS c_late,
        count(*) FILTER (WHERE kind = 'commitment' AND state = 'open' AND due_on >= ${today}::date) AS c_open,
        count(*) FILTER (WHERE kind = 'commitment' AND state = 'open' AND due_on < ${today}::date) AS c_overdue
      FROM regulation_task WHERE region_code LIKE ${region} AND created_at >= ${from}::timestamptz AND created_at < ${to}::timestamptz`.execute(ex)
  ).rows[0];
  const r = (
    await sql<Record<string, N>>`
      SELECT
        count(*) AS recorded,
        count(DISTINCT credit_code) AS objects,
        count(*) FILTER (WHERE problem) AS problems,
        count(*) FILTER (WHERE conclusion = 'case_filed') AS filed,
        count(*) FILTER (WHERE published_at > publish_by) AS late
      FROM regulation_task WHERE region_code LIKE ${region} AND recorded_at >= ${from}::timestamptz AND recorded_at < ${to}::timestamptz`.execute(ex)
  ).rows[0];
  const p = (
    await sql<Record<string, N>>`
      SELECT count(*) AS count, coalesce(sum(amount_fen), 0) AS fen FROM regulation_penalty
      WHERE region_code LIKE ${region} AND decided_on >= ${`${year}-01-01`}::date AND decided_on < ${`${year + 1}-01-01`}::date`.execute(ex)
  ).rows[0];
  const months = (
    await sql<{ month: N; created: N; recorded: N }>`
      SELECT m AS month,
        (SELECT count(*) FROM regulation_task WHERE region_code LIKE ${region} AND created_at >= make_timestamptz(${year}::int, m, 1, 0, 0, 0, 'Asia/Shanghai') AND created_at < make_timestamptz(${year}::int, m, 1, 0, 0, 0, 'Asia/Shanghai') + interval '1 month') AS created,
        (SELECT count(*) FROM regulation_task WHERE region_code LIKE ${region} AND recorded_at >= make_timestamptz(${year}::int, m, 1, 0, 0, 0, 'Asia/Shanghai') AND recorded_at < make_timestamptz(${year}::int, m, 1, 0, 0, 0, 'Asia/Shanghai') + interval '1 month') AS recorded
      FROM generate_series(1, 12) AS m ORDER BY m`.execute(ex)
  ).rows;
  const byKind = Object.fromEntries(TASK_KINDS.map((k) => [k, n(t[k])])) as Record<TaskKind, number>;
  return {
    inspectedObjects: n(r.objects),
    tasks: { total: n(t.total), byKind, open: n(t.open), overdue: n(t.overdue) },
    results: { recorded: n(r.recorded), problemsFound: n(r.problems), filedForPenalty: n(r.filed), publishedLate: n(r.late), unpublishedPastDeadline: n(t.unpublished) },
    penalties: { count: n(p.count), amountYuan: n(p.fen) / 100 },
    commitments: { onTime: n(t.c_on_time), late: n(t.c_late), open: n(t.c_open), overdue: n(t.c_overdue) },
    months: months.map((m) => ({ month: n(m.month), created: n(m.created), recorded: n(m.recorded) })),
  };
}
