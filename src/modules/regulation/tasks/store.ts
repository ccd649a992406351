import type { Selectable } from 'kysely';
import type { Executor } from '../../../kernel/db/index.ts';
import { Errors } from '../../../kernel/http/errors.ts';
import { tasksDb, type Correction, type RegulationTaskTable } from './tables.ts';

export type TaskRow = Omit<Selectable<RegulationTaskTable>, 'correction'> & { correction: Correction | null };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string) => UUID.test(s);

export function readTask(r: Selectable<RegulationTaskTable>): TaskRow {
  const c = typeof r.correction === 'string' ? (JSON.parse(r.correction) as Correction) : (r.correction as Correction | null);
  return { ...r, due_on: dayOf(r.due_on), inspected_on: r.inspected_on ? dayOf(r.inspected_on) : null, correction: c ?? null };
}

/** A `date` column as 'YYYY-MM-DD', whichever way the driver hands it over. */
export function dayOf(v: unknown): string {
  if (v instanceof Date) return new Date(v.getTime() - v.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
  return String(v).slice(0, 10);
}

export async function taskRow(ex: Executor, id: string, forUpdate = false): Promise<TaskRow> {
  if (!isUuid(id)) throw Errors.notFound('inspection task');
  let q = tasksDb(ex).selectFrom('regulation_task').selectAll().where('id', '=', id);
  if (forUpdate) q = q.forUpdate();
  const r = await q.executeTakeFirst();
  if (!r) throw Errors.notFound('inspection task');
  return readTask(r);
}

/** Noon, China time, of a day: a safe moment to count working days from. */
export const noonOf = (day: string) => new Date(`${day}T12:00:00+08:00`);
