import { sql } from 'kysely';
import type { Executor } from '../../../kernel/db/index.ts';
import type { TaskKind, TaskSummary } from '../ports.ts';
import { dayOf } from './store.ts';
import { tasksDb } from './tables.ts';

/** Who inspected each object last time (the inspectors of its latest recorded result), for 回避. */
export async function lastInspectors(ex: Executor, creditCodes: string[]): Promise<Map<string, string[]>> {
  if (!creditCodes.length) return new Map();
  const rows = await tasksDb(ex)
    .selectFrom('regulation_task')
    .select(['credit_code', 'inspector_ids'])
    .distinctOn('credit_code')
    .where('credit_code', 'in', [...new Set(creditCodes)])
    .where('recorded_at', 'is not', null)
    .orderBy('credit_code')
    .orderBy('recorded_at', 'desc')
    .execute();
  return new Map(rows.map((r) => [r.credit_code, r.inspector_ids]));
}

/** An entity's tasks, newest first (its profile). */
export async function ofEntity(ex: Executor, creditCode: string): Promise<TaskSummary[]> {
  const rows = await tasksDb(ex).selectFrom('regulation_task').selectAll().where('credit_code', '=', creditCode).orderBy('created_at', 'desc').limit(200).execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as TaskKind,
    state: r.state,
    creditCode: r.credit_code,
    conclusion: r.conclusion,
    inspectedOn: r.inspected_on ? dayOf(r.inspected_on) : null,
    publishedAt: r.published_at ? new Date(r.published_at).toISOString() : null,
    inspectorIds: r.inspector_ids,
  }));
}

/** 行政处罚 of an entity, newest first. */
export async function penaltiesOf(ex: Executor, creditCode: string) {
  const rows = await tasksDb(ex)
    .selectFrom('regulation_penalty')
    .select(['id', 'decided_on', 'decision_no', 'kind', 'amount_fen', 'department_id'])
    .where('credit_code', '=', creditCode)
    .orderBy('decided_on', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    decidedOn: dayOf(r.decided_on),
    decisionNo: r.decision_no,
    kind: r.kind,
    amountYuan: r.amount_fen === null ? null : Number(r.amount_fen) / 100,
    departmentId: r.department_id,
  }));
}

/** Open tasks per inspector (审管联动 gives a verification to the least busy). */
export async function openCounts(ex: Executor, inspectorIds: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>(inspectorIds.map((i) => [i, 0]));
  if (!inspectorIds.length) return out;
  const rows = (
    await sql<{ id: string; n: number }>`
      SELECT i AS id, count(*)::int AS n FROM regulation_task, unnest(inspector_ids) AS i
      WHERE state = 'open' AND inspector_ids && ${inspectorIds}::text[] AND i = ANY(${inspectorIds}::text[])
      GROUP BY i`.execute(ex)
  ).rows;
  for (const r of rows) out.set(r.id, Number(r.n));
  return out;
}

/** Credit codes with a result recorded in a region's year (China time). */
export async function inspectedCodes(ex: Executor, regionCode: string, year: number): Promise<string[]> {
  const rows = await tasksDb(ex)
    .selectFrom('regulation_task')
    .select('credit_code')
    .distinct()
    .where('region_code', 'like', `${regionCode}%`)
    .where('recorded_at', '>=', new Date(`${year}-01-01T00:00:00+08:00`))
    .where('recorded_at', '<', new Date(`${year + 1}-01-01T00:00:00+08:00`))
    .execute();
  return rows.map((r) => r.credit_code);
}
