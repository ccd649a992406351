import type { Executor } from '../../kernel/db/index.ts';
import type { Catalogue } from './catalogue.ts';
import { servicesDb } from './tables.ts';

/** One step of an application's 办理过程, as the e-archive keeps it. */
export interface ArchiveLogStep {
  at: string;
  action: string;
  actor: string;
  departmentId: string | null;
  opinion: string | null;
}

/** What the e-archive (一网协同 电子档案) needs of a finished application: metadata, result file, action log. Read-only. */
export interface ApplicationArchiveFacts {
  id: string;
  number: string;
  itemCode: string;
  itemName: string;
  regionCode: string;
  departmentId: string;
  state: string;
  outcome: string | null;
  submittedAt: string;
  completedAt: string | null;
  deliveredAt: string | null;
  /** The result or decision document (结果文书 / 决定书) in the file store, if one was issued. */
  resultFileId: string | null;
  log: ArchiveLogStep[];
}

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

export async function applicationArchiveFacts(ex: Executor, catalogue: Catalogue, id: string): Promise<ApplicationArchiveFacts | null> {
  if (!/^[0-9a-f-]{36}$/.test(id)) return null;
  const row = await servicesDb(ex).selectFrom('services_application').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  const v = await catalogue.version(row.item_version_id, ex);
  const steps = await servicesDb(ex)
    .selectFrom('services_action')
    .select(['at', 'action', 'actor_name', 'department_id', 'opinion'])
    .where('application_id', '=', id)
    .orderBy('at')
    .orderBy('id')
    .execute();
  return {
    id: row.id,
    number: row.number,
    itemCode: v.code,
    itemName: v.content.name,
    regionCode: row.region_code,
    departmentId: row.department_id,
    state: row.state,
    outcome: row.outcome,
    submittedAt: iso(row.submitted_at)!,
    completedAt: iso(row.completed_at),
    deliveredAt: iso(row.delivered_at),
    resultFileId: row.result_file_id,
    log: steps.map((s) => ({ at: iso(s.at)!, action: s.action, actor: s.actor_name, departmentId: s.department_id, opinion: s.opinion })),
  };
}
