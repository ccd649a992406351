import { sql, type Selectable } from 'kysely';
import { cstDate } from '../../../kernel/calendar/index.ts';
import type { Executor } from '../../../kernel/db/index.ts';
import type { Principal } from '../../../kernel/policy/index.ts';
import { availableActions } from '../../../kernel/workflow/index.ts';
import type { OfficeContext } from '../area.ts';
import type { ArchivableRecord, TodoItem } from '../ports.ts';
import type { IncomingDetail, IncomingItem } from './schema.ts';
import type { IncomingService } from './service.ts';
import { INCOMING_LOG, linkOf, unitOf, type IncomingRow } from './steps.ts';
import { incomingDb, type OfficeIncomingActionTable } from './tables.ts';
import { UNDERTAKING } from './workflow.ts';

const NO_UNIT = '00000000-0000-0000-0000-000000000000';
const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

/** What waits for whom, by state: the action asked of them, in both languages. */
const ASKED: Record<string, [string, string]> = {
  received: ['签收', 'Sign for'],
  signed: ['登记', 'Register'],
  registered: ['初审', 'Review'],
  reviewed: ['拟办', 'Suggest'],
  suggested: ['批办', 'Instruct'],
  instructed: ['承办', 'Take up'],
  handling: ['办结', 'Complete'],
};

/** The reads of 收文: inboxes, the 办理单, the 待办 source and the archive source. */
export class IncomingViews {
  constructor(
    private readonly ctx: OfficeContext,
    private readonly service: IncomingService,
  ) {}

  item(r: IncomingRow, now = this.ctx.k.clock.now()): IncomingItem {
    return {
      id: r.id,
      number: r.number,
      title: r.title,
      docNumber: r.doc_number,
      senderName: r.sender_name,
      docType: r.doc_type,
      urgency: r.urgency,
      secrecy: r.secrecy,
      source: r.source,
      recipientKind: r.recipient_kind,
      state: r.state,
      departmentId: r.department_id,
      leadDepartmentId: r.lead_department_id,
      dueAt: iso(r.due_at),
      overdue: UNDERTAKING.includes(r.state) && !!r.due_at && new Date(r.due_at).getTime() < now.getTime(),
      receivedAt: iso(r.received_at)!,
    };
  }

  /** A unit's inbox, what it leads or helps with, or what was circulated to the caller; newest first. */
  async list(who: Principal, q: { box?: 'unit' | 'undertaking' | 'reading'; state?: string; after?: string; limit?: number }): Promise<{ items: IncomingItem[]; next: string | null }> {
    const limit = q.limit ?? 50;
    const dept = who.departmentId ?? NO_UNIT;
    let query = incomingDb(this.ctx.k.db).selectFrom('office_incoming as i').selectAll('i');
    if (q.box === 'reading') query = query.where('i.id', 'in', (eb) => eb.selectFrom('office_incoming_reader').select('incoming_id').where('account_id', '=', who.accountId));
    else if (q.box === 'undertaking') query = query.where((eb) => eb.or([eb('i.lead_department_id', '=', dept), sql<boolean>`${dept}::uuid = ANY(i.helper_department_ids)`]));
    else query = query.where('i.department_id', '=', dept);
    if (q.state) query = query.where('i.state', '=', q.state);
    if (q.after) query = query.where('i.id', '<', q.after);
    const rows = await query
      .orderBy('i.id', 'desc')
      .limit(limit + 1)
      .execute();
    const now = this.ctx.k.clock.now();
    return { items: rows.slice(0, limit).map((r) => this.item(r, now)), next: rows.length > limit ? rows[limit - 1].id : null };
  }

  /** The 办理单: the entry, its steps, its units with their input, and who read it when. */
  async detail(who: Principal, id: string): Promise<IncomingDetail> {
    const r = await this.service.visible(who, id);
    const ex = this.ctx.k.db;
    const steps = (await INCOMING_LOG.history(ex, r.id)) as Selectable<OfficeIncomingActionTable>[];
    const readers = await incomingDb(ex).selectFrom('office_incoming_reader').selectAll().where('incoming_id', '=', r.id).orderBy('sent_at').orderBy('name').execute();
    const unitIds = [r.department_id, ...(r.lead_department_id ? [r.lead_department_id] : []), ...r.helper_department_ids, ...steps.map((s) => s.department_id).filter((d): d is string => !!d)];
    const names = await this.ctx.org.departmentNames([...new Set(unitIds)]);
    const inputOf = (d: string) => steps.find((s) => s.action === 'assist' && s.department_id === d);
    const undertaken = steps.find((s) => s.action === 'undertake');
    const units = [
      ...(r.lead_department_id
        ? [{ id: r.lead_department_id, name: names.get(r.lead_department_id)?.name ?? '', role: 'lead' as const, input: undertaken?.opinion ?? null, inputAt: iso(undertaken?.at ?? null) }]
        : []),
      ...r.helper_department_ids.map((d) => ({ id: d, name: names.get(d)?.name ?? '', role: 'helper' as const, input: inputOf(d)?.opinion ?? null, inputAt: iso(inputOf(d)?.at ?? null) })),
    ];
    return {
      ...this.item(r),
      version: r.version,
      departmentName: names.get(r.department_id)?.name ?? '',
      fileId: r.file_id,
      suggestion: r.suggestion,
      instruction: r.instruction,
      summary: r.summary,
      reply: r.reply,
      repliedAt: iso(r.replied_at),
      supervisionTaskId: r.supervision_task_id,
      units,
      steps: steps.map((s) => ({
        at: iso(s.at)!,
        action: s.action,
        fromState: s.from_state,
        toState: s.to_state,
        actorName: s.actor_name,
        departmentId: s.department_id,
        departmentName: s.department_id ? (names.get(s.department_id)?.name ?? null) : null,
        opinion: s.opinion,
        dueAt: iso(s.due_at),
      })),
      readers: readers.map((x) => ({ accountId: x.account_id, name: x.name, departmentId: x.department_id, sentAt: iso(x.sent_at)!, readAt: iso(x.read_at) })),
      actions: await this.actionsFor(who, r, steps, readers),
    };
  }

  /** What the caller may do now, so the page offers only those buttons (the service still decides). */
  private async actionsFor(who: Principal, r: IncomingRow, steps: { action: string; department_id: string | null }[], readers: { account_id: string; read_at: Date | null }[]): Promise<string[]> {
    const def = await this.service.workflows.get(r.workflow_version);
    const actor = { kind: 'staff' as const, roles: who.roles, departmentId: who.departmentId };
    const out = availableActions(def, r.state, actor, unitOf(r)).map((a) => a.code);
    const clerk = who.roles.includes('office_clerk');
    const d = who.departmentId;
    if (clerk && d && (d === r.department_id || d === r.lead_department_id) && r.state !== 'returned') out.push('circulate');
    if (readers.some((x) => x.account_id === who.accountId && !x.read_at)) out.push('read');
    if (clerk && d && r.helper_department_ids.includes(d) && UNDERTAKING.includes(r.state) && !steps.some((s) => s.action === 'assist' && s.department_id === d)) out.push('assist');
    const supervises = this.ctx.policy.can(who, 'office.supervise', { regionCode: r.region_code });
    if (UNDERTAKING.includes(r.state) && ((clerk && d === r.department_id) || supervises)) out.push('remind');
    if (clerk && d === r.department_id && r.state === 'completed' && !r.replied_at) out.push('reply');
    return out;
  }

  /** 待办: what waits for this person (批办 awaits a leader's signature). */
  async todos(who: Principal, ex: Executor): Promise<TodoItem[]> {
    const d = who.departmentId;
    const out: TodoItem[] = [];
    const now = this.ctx.k.clock.now();
    const push = (r: IncomingRow, zh: string, en: string, signature = false, since: Date = r.updated_at) => {
      const light = r.due_at ? (new Date(r.due_at).getTime() < now.getTime() ? 'red' : new Date(r.due_at).getTime() - now.getTime() < 3 * 86_400_000 ? 'yellow' : 'green') : null;
      out.push({ kind: 'incoming', id: r.id, title: r.title, actionZh: zh, actionEn: en, state: r.state, dueAt: iso(r.due_at), light, signature, link: linkOf(r.id), since: iso(since)! });
    };
    const db = incomingDb(ex);
    if (d && who.roles.includes('office_clerk')) {
      const own = await db.selectFrom('office_incoming').selectAll().where('department_id', '=', d).where('state', 'in', ['received', 'signed', 'registered', 'reviewed']).limit(200).execute();
      for (const r of own) push(r, ...ASKED[r.state]);
      const leading = await db.selectFrom('office_incoming').selectAll().where('lead_department_id', '=', d).where('state', 'in', UNDERTAKING).limit(200).execute();
      for (const r of leading) push(r, ...ASKED[r.state]);
      const helping = await db
        .selectFrom('office_incoming as i')
        .selectAll('i')
        .where(sql<boolean>`${d}::uuid = ANY(i.helper_department_ids)`)
        .where('i.state', 'in', UNDERTAKING)
        .where(({ not, exists, selectFrom }) =>
          not(exists(selectFrom('office_incoming_action as a').select('a.id').whereRef('a.incoming_id', '=', 'i.id').where('a.action', '=', 'assist').where('a.department_id', '=', d))),
        )
        .limit(200)
        .execute();
      for (const r of helping) push(r, '协办', 'Give input');
    }
    if (d && who.roles.includes('leader')) {
      const asked = await db.selectFrom('office_incoming').selectAll().where('department_id', '=', d).where('state', '=', 'suggested').limit(200).execute();
      for (const r of asked) push(r, '批办', 'Instruct', true);
    }
    const reading = await db
      .selectFrom('office_incoming as i')
      .innerJoin('office_incoming_reader as x', 'x.incoming_id', 'i.id')
      .selectAll('i')
      .select('x.sent_at')
      .where('x.account_id', '=', who.accountId)
      .where('x.read_at', 'is', null)
      .limit(200)
      .execute();
    for (const r of reading) push({ ...r, due_at: null }, '阅知', 'Read', false, r.sent_at);
    return out;
  }

  /** A completed 收文 as an archive source answers for it (电子档案); null while it is not completed. */
  async archivable(id: string): Promise<ArchivableRecord | null> {
    if (!/^[0-9a-f-]{36}$/.test(id)) return null;
    const ex = this.ctx.k.db;
    const r = await incomingDb(ex).selectFrom('office_incoming').selectAll().where('id', '=', id).executeTakeFirst();
    if (!r || r.state !== 'completed') return null;
    const steps = (await INCOMING_LOG.history(ex, r.id)) as Selectable<OfficeIncomingActionTable>[];
    const names = await this.ctx.org.departmentNames([r.department_id]);
    const files = r.file_id ? [{ fileId: r.file_id, name: `${r.doc_number ?? r.number}.pdf`, role: 'content' as const }] : [];
    return {
      kind: 'incoming',
      id: r.id,
      regionCode: r.region_code,
      departmentId: r.department_id,
      responsible: names.get(r.department_id)?.name ?? '',
      title: r.title,
      reference: r.doc_number ?? r.number,
      date: cstDate(new Date(r.received_at)),
      secrecy: r.secrecy,
      files,
      actionLog: steps.map((s) => ({ at: iso(s.at)!, action: s.action, actor: s.actor_name, unit: s.department_id, opinion: s.opinion })),
      metadata: {
        number: r.number,
        senderName: r.sender_name,
        docType: r.doc_type,
        urgency: r.urgency,
        instruction: r.instruction,
        summary: r.summary,
        leadDepartmentId: r.lead_department_id,
        helperDepartmentIds: r.helper_department_ids,
        dueAt: iso(r.due_at),
        completedAt: iso(r.completed_at),
        reply: r.reply,
      },
    };
  }
}
