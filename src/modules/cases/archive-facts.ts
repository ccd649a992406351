import type { Executor } from '../../kernel/db/index.ts';
import { casesDb } from './tables.ts';

/** What the e-archive needs of a closed case: its request and answer, photos, action log. Read-only; no caller identity. */
export interface CaseArchiveFacts {
  id: string;
  number: string;
  regionCode: string;
  title: string;
  content: string;
  kind: string;
  channel: string;
  state: string;
  confidential: boolean;
  handlingDepartmentId: string | null;
  registeredAt: string;
  closedAt: string | null;
  photoIds: string[];
  log: { at: string; action: string; actor: string; departmentId: string | null; opinion: string | null; attachments: string[] }[];
}

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

export async function caseArchiveFacts(ex: Executor, id: string): Promise<CaseArchiveFacts | null> {
  if (!/^[0-9a-f-]{36}$/.test(id)) return null;
  const c = await casesDb(ex).selectFrom('cases_case').selectAll().where('id', '=', id).executeTakeFirst();
  if (!c) return null;
  const steps = await casesDb(ex)
    .selectFrom('cases_action')
    .select(['at', 'action', 'actor_name', 'department_id', 'opinion', 'attachments'])
    .where('case_id', '=', id)
    .orderBy('at')
    .orderBy('id')
    .execute();
  return {
    id: c.id,
    number: c.number,
    regionCode: c.region_code,
    title: c.title,
    content: c.content,
    kind: c.kind,
    channel: c.channel,
    state: c.state,
    confidential: c.confidential,
    handlingDepartmentId: c.handling_department_id,
    registeredAt: iso(c.created_at)!,
    closedAt: iso(c.closed_at),
    photoIds: c.photo_ids,
    log: steps.map((s) => ({ at: iso(s.at)!, action: s.action, actor: s.actor_name, departmentId: s.department_id, opinion: s.opinion, attachments: s.attachments })),
  };
}
