import type { Selectable } from 'kysely';
import { Errors } from '../../../kernel/http/errors.ts';
import type { Executor } from '../../../kernel/db/index.ts';
import type { Milestone } from './lights.ts';
import { supervisionDb, type OfficeSupervisionTaskTable } from './tables.ts';

/** A task as stored, with its milestones read. */
export type TaskRow = Omit<Selectable<OfficeSupervisionTaskTable>, 'milestones'> & { milestones: Milestone[] };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function readTask(r: Selectable<OfficeSupervisionTaskTable>): TaskRow {
  const m = typeof r.milestones === 'string' ? JSON.parse(r.milestones) : r.milestones;
  return { ...r, milestones: (m ?? []) as Milestone[] };
}

export async function taskRow(ex: Executor, id: string): Promise<TaskRow> {
  if (!UUID.test(id)) throw Errors.notFound('supervision task');
  const r = await supervisionDb(ex).selectFrom('office_supervision_task').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw Errors.notFound('supervision task');
  return readTask(r);
}
