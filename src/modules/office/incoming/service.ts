import { sql } from 'kysely';
import { newId as uuidv7 } from '../../../kernel/ids/index.ts';
import { cstDate } from '../../../kernel/calendar/index.ts';
import type { Executor, Tx } from '../../../kernel/db/index.ts';
import type { Actor } from '../../../kernel/audit/index.ts';
import { actorOf, assertAllowed, type Principal } from '../../../kernel/policy/index.ts';
import { SYSTEM_STEP_ACTOR, act, stepActorOf, type RecordKind, type StepActor, type WorkflowVersions } from '../../../kernel/workflow/index.ts';
import { staffAccountIds } from '../../identity/index.ts';
import type { OfficeContext } from '../area.ts';
import { IncomingErrors } from './errors.ts';
import { INCOMING_NOTED, INCOMING_RECEIVED, type DocumentDistributed } from './events.ts';
import type { RegisterInput } from './schema.ts';
import { INCOMING_LOG, incomingKind, linkOf, newWorkflows, unitOf, type IncomingRow, type IncomingStepInput } from './steps.ts';
import { incomingDb } from './tables.ts';
import { tell } from '../tell.ts';
import { UNDERTAKING } from './workflow.ts';

const SYSTEM: Actor = { id: 'system', type: 'system' };
/** A unit is reminded of one overdue 收文 at most once a day by the timer, and by hand at most once an hour. */
const TIMER_GAP_MS = 86_400_000;
const HAND_GAP_MS = 3_600_000;

type Side = 'circulate' | 'read' | 'assist' | 'remind' | 'reply';

/**
 * 收文: entries arrive by themselves from 发文 (one per recipient unit) or are registered by hand,
 * then move through the workflow (workflow.ts, on the kernel's action engine). 传阅, read receipts,
 * 协办 input, 催办 and 答复 are steps beside the states, logged and audited the same way.
 */
export class IncomingService {
  readonly workflows: WorkflowVersions;
  private readonly kind: RecordKind<IncomingRow, IncomingStepInput>;
  constructor(private readonly ctx: OfficeContext) {
    this.workflows = newWorkflows(ctx);
    this.kind = incomingKind(ctx, this.workflows, (who, id) => this.visible(who, id));
  }

  private get k() {
    return this.ctx.k;
  }

  async row(id: string, ex: Executor = this.k.db): Promise<IncomingRow> {
    if (!/^[0-9a-f-]{36}$/.test(id)) throw IncomingErrors.notFound();
    const r = await incomingDb(ex).selectFrom('office_incoming').selectAll().where('id', '=', id).executeTakeFirst();
    if (!r) throw IncomingErrors.notFound();
    return r;
  }

  /** Whether the caller is concerned: its unit received, leads or helps, it was circulated to them, or it supervises the region. */
  async concerns(who: Principal, r: IncomingRow): Promise<boolean> {
    if (!this.ctx.policy.can(who, 'office.use', { regionCode: r.region_code })) return false;
    const d = who.departmentId;
    if (d && (d === r.department_id || d === r.lead_department_id || r.helper_department_ids.includes(d))) return true;
    if (this.ctx.policy.can(who, 'office.supervise', { regionCode: r.region_code })) return true;
    const reader = await incomingDb(this.k.db).selectFrom('office_incoming_reader').select('account_id').where('incoming_id', '=', r.id).where('account_id', '=', who.accountId).executeTakeFirst();
    return !!reader;
  }

  /** The row, or 404 for anyone it does not concern (another unit learns nothing of it). */
  async visible(who: Principal, id: string): Promise<IncomingRow> {
    const r = await this.row(id);
    if (!(await this.concerns(who, r))) throw IncomingErrors.notFound();
    return r;
  }

  private async number(trx: Executor, regionCode: string): Promise<string> {
    const seq = (await sql<{ n: string }>`SELECT nextval('office_incoming_seq') AS n`.execute(trx)).rows[0].n;
    return `${regionCode}-SW-${cstDate(this.k.clock.now()).replace(/-/g, '')}-${String(seq).padStart(6, '0')}`;
  }

  /**
   * A distributed 公文 arrives: one entry per recipient unit of the platform, in the event's own
   * transaction. A redelivered event finds its entries (unique per document and unit) and adds none.
   */
  async arrive(trx: Tx, doc: DocumentDistributed): Promise<string[]> {
    const units = [...new Map(doc.recipients.map((r) => [r.departmentId, r.kind])).entries()];
    const names = await this.ctx.org.departmentNames(
      units.map(([id]) => id),
      trx,
    );
    const made: string[] = [];
    const now = this.k.clock.now();
    for (const [departmentId, kind] of units) {
      const unit = names.get(departmentId);
      if (!unit) {
        this.k.log.warn({ documentId: doc.id, departmentId }, '收文: a recipient unit is unknown; no entry made');
        continue;
      }
      const id = uuidv7();
      const row = {
        id,
        number: await this.number(trx, unit.regionCode),
        region_code: unit.regionCode,
        workflow_version: (await this.workflows.latest(trx)).version,
        department_id: departmentId,
        source: 'platform' as const,
        source_document_id: doc.id,
        recipient_kind: kind,
        sender_department_id: doc.issuingDepartmentId,
        sender_name: doc.issuingDepartmentName,
        doc_number: doc.docNumber,
        title: doc.title,
        doc_type: doc.docType,
        file_id: doc.fileId,
        urgency: doc.urgency,
        secrecy: doc.secrecy,
        state: 'received',
        received_at: now,
        created_at: now,
        updated_at: now,
      };
      const main = incomingDb(trx)
        .insertInto('office_incoming')
        .values(row)
        .onConflict((oc) => oc.columns(['source_document_id', 'department_id']).where('source_document_id', 'is not', null).doNothing())
        .returning(['id', 'region_code']);
      const done = await this.k.tracedWrite(
        trx,
        main,
        {
          actor: SYSTEM,
          action: 'received',
          objectType: 'office.incoming',
          objectId: id,
          regionCode: unit.regionCode,
          change: { documentId: doc.id, docNumber: doc.docNumber, departmentId, kind },
          event: { topic: INCOMING_RECEIVED, payload: { id, number: row.number, departmentId, source: 'platform', sourceDocumentId: doc.id } },
        },
        INCOMING_LOG.appendFrom('main', { action: 'arrive', from: null, to: 'received', actor: SYSTEM_STEP_ACTOR, opinion: null, payload: { documentId: doc.id, kind }, at: now }),
      );
      if (done.length) made.push(id);
    }
    return made;
  }

  /** 手工登记: a clerk registers a paper or outside document in their own unit's 收文 (it then goes on from 初审). */
  async register(who: Principal, input: RegisterInput, requestId?: string): Promise<{ id: string; number: string }> {
    assertAllowed(this.ctx.policy, who, 'office.clerk', { regionCode: who.regionCode, departmentId: who.departmentId ?? undefined });
    if (!who.departmentId) throw IncomingErrors.notYourUnit();
    const unit = (await this.ctx.org.departmentNames([who.departmentId])).get(who.departmentId);
    if (!unit) throw IncomingErrors.notYourUnit();
    if (input.fileId) {
      const f = await this.k.files.find(input.fileId);
      if (!f || f.ownerId !== who.accountId) throw IncomingErrors.fileNotFound();
    }
    const now = this.k.clock.now();
    const id = uuidv7();
    return this.k.db.transaction().execute(async (trx) => {
      const number = await this.number(trx, unit.regionCode);
      const main = incomingDb(trx)
        .insertInto('office_incoming')
        .values({
          id,
          number,
          region_code: unit.regionCode,
          workflow_version: (await this.workflows.latest(trx)).version,
          department_id: who.departmentId!,
          source: 'paper',
          source_document_id: null,
          recipient_kind: 'main',
          sender_department_id: null,
          sender_name: input.senderName,
          doc_number: input.docNumber ?? null,
          title: input.title,
          doc_type: input.docType ?? null,
          file_id: input.fileId ?? null,
          urgency: input.urgency ?? null,
          secrecy: input.secrecy ?? null,
          state: 'registered',
          received_at: now,
          created_at: now,
          updated_at: now,
        })
        .returning(['id', 'region_code']);
      await this.k.tracedWrite(
        trx,
        main,
        {
          actor: actorOf(who),
          action: 'registered',
          objectType: 'office.incoming',
          objectId: id,
          regionCode: unit.regionCode,
          change: { ...input },
          event: { topic: INCOMING_RECEIVED, payload: { id, number, departmentId: who.departmentId!, source: 'paper', sourceDocumentId: null } },
          requestId,
        },
        INCOMING_LOG.appendFrom('main', {
          action: 'register',
          from: null,
          to: 'registered',
          actor: stepActorOf(who),
          opinion: null,
          attachments: input.fileId ? [input.fileId] : [],
          payload: { senderName: input.senderName, docNumber: input.docNumber ?? null },
          at: now,
        }),
      );
      return { id, number };
    });
  }

  /** A workflow step (签收 … 办结) through the action engine. */
  async step(who: Principal, id: string, input: IncomingStepInput, requestId?: string): Promise<{ id: string; state: string; version: number }> {
    const r = await act(this.k, this.kind, who, id, input, requestId);
    return { id, state: r.to, version: r.row.version + 1 };
  }

  /**
   * A step beside the states, in one statement with its audit entry and event: `set` goes on the
   * row (the update is also the lock: it applies only while the row is in one of `states`).
   */
  private async side(
    trx: Tx,
    r: IncomingRow,
    s: {
      action: Side;
      actor: Actor;
      step: StepActor;
      opinion?: string | null;
      payload?: Record<string, unknown>;
      set?: Record<string, unknown>;
      states?: readonly string[];
      unreplied?: boolean;
      requestId?: string;
    },
  ): Promise<void> {
    const now = this.k.clock.now();
    let main = incomingDb(trx)
      .updateTable('office_incoming')
      .set({ ...s.set, updated_at: now })
      .where('id', '=', r.id);
    if (s.states) main = main.where('state', 'in', [...s.states]);
    // Two clerks answering at once: only the first answer is kept.
    if (s.unreplied) main = main.where('replied_at', 'is', null);
    const done = await this.k.tracedWrite(
      trx,
      main.returning(['id', 'region_code']),
      {
        actor: s.actor,
        action: s.action,
        objectType: 'office.incoming',
        objectId: r.id,
        regionCode: r.region_code,
        change: { state: r.state, opinion: s.opinion ?? null, ...s.payload },
        event: { topic: INCOMING_NOTED, payload: { id: r.id, action: s.action, departmentId: s.step.departmentId } },
        requestId: s.requestId,
      },
      INCOMING_LOG.appendFrom('main', { action: s.action, from: r.state, to: r.state, actor: s.step, opinion: s.opinion ?? null, payload: s.payload, at: now }),
    );
    if (done.length === 0) throw IncomingErrors.stateChanged();
  }

  /** The caller must be a clerk of one of `units` (the permission, in that unit). */
  private clerkOf(who: Principal, r: IncomingRow, units: (string | null)[]): void {
    assertAllowed(this.ctx.policy, who, 'office.clerk', { regionCode: r.region_code, departmentId: who.departmentId ?? undefined });
    if (!who.departmentId || !units.includes(who.departmentId)) throw IncomingErrors.notYourUnit();
  }

  /** 传阅: named staff of the region get it to read; each reading is recorded (read receipts). */
  async circulate(who: Principal, id: string, input: { staffIds: string[]; note?: string }, requestId?: string): Promise<{ added: number }> {
    const r = await this.visible(who, id);
    this.clerkOf(who, r, [r.department_id, r.lead_department_id]);
    if (r.state === 'returned') throw IncomingErrors.notInState(r.state);
    const staff = await Promise.all(input.staffIds.map((s) => this.ctx.org.getStaff(s)));
    if (staff.some((s) => !s || !s.active || !s.regionCode.startsWith(r.region_code))) throw IncomingErrors.readersInvalid();
    const accounts = await staffAccountIds(this.k.db, input.staffIds);
    if (accounts.size !== input.staffIds.length) throw IncomingErrors.readersInvalid();
    const now = this.k.clock.now();
    return this.k.db.transaction().execute(async (trx) => {
      const rows = staff.map((s) => ({
        incoming_id: r.id,
        account_id: accounts.get(s!.id)!,
        region_code: r.region_code,
        name: s!.name,
        department_id: s!.departmentId,
        sent_by: who.accountId,
        sent_at: now,
        read_at: null,
      }));
      const added = await incomingDb(trx)
        .insertInto('office_incoming_reader')
        .values(rows)
        .onConflict((oc) => oc.columns(['incoming_id', 'account_id']).doNothing())
        .returning('account_id')
        .execute();
      await this.side(trx, r, {
        action: 'circulate',
        actor: actorOf(who),
        step: stepActorOf(who),
        opinion: input.note ?? null,
        payload: { readers: rows.map((x) => x.name) },
        states: [r.state],
        requestId,
      });
      if (added.length)
        await tell(this.k, trx, {
          regionCode: r.region_code,
          accountIds: added.map((a) => a.account_id),
          title: `请阅：${r.title}`.slice(0, 100),
          body: input.note ?? r.doc_number ?? r.number,
          link: linkOf(r.id),
        });
      return { added: added.length };
    });
  }

  /** The read receipt: the first reading is recorded with its time; reading again changes nothing. */
  async read(who: Principal, id: string, requestId?: string): Promise<{ readAt: string }> {
    const r = await this.visible(who, id);
    const mine = await incomingDb(this.k.db).selectFrom('office_incoming_reader').selectAll().where('incoming_id', '=', r.id).where('account_id', '=', who.accountId).executeTakeFirst();
    if (!mine) throw IncomingErrors.notAReader();
    if (mine.read_at) return { readAt: new Date(mine.read_at).toISOString() };
    const now = this.k.clock.now();
    await this.k.db.transaction().execute(async (trx) => {
      const marked = await incomingDb(trx)
        .updateTable('office_incoming_reader')
        .set({ read_at: now })
        .where('incoming_id', '=', r.id)
        .where('account_id', '=', who.accountId)
        .where('read_at', 'is', null)
        .executeTakeFirst();
      if (Number(marked.numUpdatedRows) === 0) return;
      await this.side(trx, r, { action: 'read', actor: actorOf(who), step: stepActorOf(who), payload: { readAt: now.toISOString() }, requestId });
    });
    return { readAt: now.toISOString() };
  }

  /** 协办: a helping unit gives its input once while the 主办 unit has the document. */
  async assist(who: Principal, id: string, opinion: string, requestId?: string): Promise<void> {
    const r = await this.visible(who, id);
    this.clerkOf(who, r, r.helper_department_ids);
    if (!UNDERTAKING.includes(r.state)) throw IncomingErrors.notInState(r.state);
    const given = await incomingDb(this.k.db)
      .selectFrom('office_incoming_action')
      .select('id')
      .where('incoming_id', '=', r.id)
      .where('action', '=', 'assist')
      .where('department_id', '=', who.departmentId!)
      .executeTakeFirst();
    if (given) throw IncomingErrors.alreadyGiven();
    await this.k.db.transaction().execute((trx) => this.side(trx, r, { action: 'assist', actor: actorOf(who), step: stepActorOf(who), opinion, states: UNDERTAKING, requestId }));
  }

  /** 催办: the receiving unit's clerk or a supervisor reminds the 主办 unit (its clerks are notified). */
  async remind(who: Principal, id: string, note: string | undefined, requestId?: string): Promise<void> {
    const r = await this.visible(who, id);
    if (!this.ctx.policy.can(who, 'office.supervise', { regionCode: r.region_code })) this.clerkOf(who, r, [r.department_id]);
    if (!UNDERTAKING.includes(r.state)) throw IncomingErrors.notInState(r.state);
    const now = this.k.clock.now();
    if (r.last_reminded_at && now.getTime() - new Date(r.last_reminded_at).getTime() < HAND_GAP_MS) throw IncomingErrors.remindTooSoon();
    await this.k.db.transaction().execute(async (trx) => {
      await this.side(trx, r, { action: 'remind', actor: actorOf(who), step: stepActorOf(who), opinion: note ?? null, set: { last_reminded_at: now }, states: UNDERTAKING, requestId });
      await this.tellReminder(trx, r, note);
    });
  }

  private tellReminder(trx: Tx, r: IncomingRow, note?: string | null) {
    const due = r.due_at ? cstDate(new Date(r.due_at)) : '';
    return tell(this.k, trx, {
      regionCode: r.region_code,
      departmentId: unitOf(r),
      role: 'office_clerk',
      title: `催办：${r.title}`.slice(0, 100),
      body: note ?? (due ? `办理期限 ${due}，请抓紧办理` : '请抓紧办理'),
      link: linkOf(r.id),
    });
  }

  /** The timer's sweep: every overdue 收文 not reminded in the last day is reminded by the platform. */
  async remindOverdue(trx: Tx): Promise<number> {
    const now = this.k.clock.now();
    const rows = await incomingDb(trx)
      .selectFrom('office_incoming')
      .selectAll()
      .where('state', 'in', UNDERTAKING)
      .where('due_at', '<', now)
      .where((eb) => eb.or([eb('last_reminded_at', 'is', null), eb('last_reminded_at', '<', new Date(now.getTime() - TIMER_GAP_MS))]))
      .orderBy('due_at')
      .limit(200)
      .execute();
    for (const r of rows) {
      await this.side(trx, r, {
        action: 'remind',
        actor: SYSTEM,
        step: SYSTEM_STEP_ACTOR,
        opinion: '已逾期，系统自动催办',
        payload: { overdue: true },
        set: { last_reminded_at: now },
        states: UNDERTAKING,
      });
      await this.tellReminder(trx, r, `已超过办理期限 ${cstDate(new Date(r.due_at!))}，请尽快办结`);
    }
    return rows.length;
  }

  /** 答复: after 办结 the receiving unit answers the sender once (a platform sender's clerks are told). */
  async reply(who: Principal, id: string, text: string, requestId?: string): Promise<void> {
    const r = await this.visible(who, id);
    this.clerkOf(who, r, [r.department_id]);
    if (r.state !== 'completed') throw IncomingErrors.notInState(r.state);
    if (r.replied_at) throw IncomingErrors.alreadyReplied();
    const now = this.k.clock.now();
    await this.k.db.transaction().execute(async (trx) => {
      await this.side(trx, r, {
        action: 'reply',
        actor: actorOf(who),
        step: stepActorOf(who),
        opinion: text,
        set: { reply: text, replied_at: now },
        states: ['completed'],
        unreplied: true,
        requestId,
      });
      if (r.sender_department_id) {
        await tell(this.k, trx, {
          regionCode: r.region_code,
          departmentId: r.sender_department_id,
          role: 'office_clerk',
          title: `来文答复：${r.title}`.slice(0, 100),
          body: text.slice(0, 500),
          link: `/workbench/office/documents/${r.source_document_id ?? ''}`,
        });
      }
    });
  }
}
