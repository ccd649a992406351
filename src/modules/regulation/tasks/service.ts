import { sql } from 'kysely';
import { newId as uuidv7 } from '../../../kernel/ids/index.ts';
import { addWorkingDays, cstDate } from '../../../kernel/calendar/index.ts';
import type { Executor, Tx } from '../../../kernel/db/index.ts';
import { Errors } from '../../../kernel/http/errors.ts';
import { actorOf, assertAllowed, regionWithin, type Principal } from '../../../kernel/policy/index.ts';
import { need, type RegulationContext } from '../area.ts';
import type { TaskKind } from '../ports.ts';
import { conclusionOf, isProblem, PENALTY_WITH_AMOUNT, type ConclusionCode, type PenaltyKind } from './conclusions.ts';
import { validDay } from './create.ts';
import { TaskErrors } from './errors.ts';
import { PENALTY_RECORDED, TASK_OBJECTED, TASK_OBJECTION_ANSWERED, TASK_RESULT_RECORDED } from './events.ts';
import { taskFigures } from './figures.ts';
import { penaltiesOf } from './reads.ts';
import { tasksSettings } from './settings.ts';
import { isUuid, noonOf, readTask, taskRow, type TaskRow } from './store.ts';
import { tasksDb } from './tables.ts';

export interface ResultInput {
  inspectedOn: string;
  findings?: string;
  conclusion: ConclusionCode;
  photoIds?: string[];
}

export interface ListFilter {
  state?: 'open' | 'done';
  kind?: TaskKind;
  planId?: string;
  overdue?: boolean;
  objection?: 'pending';
  after?: string;
  limit?: number;
}

export interface PenaltyInput {
  decisionNo: string;
  kind: PenaltyKind;
  amountYuan?: number | null;
  decidedOn: string;
  departmentId?: string;
}

export interface AnswerInput {
  decision: 'upheld' | 'corrected';
  conclusion?: ConclusionCode;
  answer: string;
}

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

/**
 * The work on tasks once made: the inspector's list and result (with photos, refused once the
 * publication deadline passed), 一公开 (published the moment it is recorded), the enterprise's own
 * results and 异议, the regulator's answer (维持 / 更正, a correction noted on the public result),
 * and 行政处罚 after 立案查处. Every change writes its audit entry and event in its transaction and
 * asks the credit area to recompute the entity once it commits.
 */
export class TaskService {
  constructor(private readonly ctx: RegulationContext) {}

  private get k() {
    return this.ctx.k;
  }
  private get policy() {
    return this.ctx.policy;
  }

  /** Regulators, leaders and administrators see their whole region; an inspector only the tasks naming them. */
  regionWide(who: Principal, regionCode = who.regionCode): boolean {
    return ['regulation.plan', 'regulation.manage', 'regulation.figures'].some((p) => this.policy.can(who, p, { regionCode }));
  }

  /** The 名录库 inspector an account is (seeds name tasks after their demo inspectors). */
  async inspectorByAccount(accountId: string) {
    return need(this.ctx, 'inspectors').byAccount(this.k.db, accountId);
  }

  private async inspectorId(who: Principal, ex: Executor = this.k.db): Promise<string | null> {
    return (await need(this.ctx, 'inspectors').byAccount(ex, who.accountId))?.id ?? null;
  }

  private async assertSees(who: Principal, row: TaskRow): Promise<void> {
    assertAllowed(this.policy, who, 'regulation.read', { regionCode: row.region_code });
    if (this.regionWide(who, row.region_code)) return;
    const me = await this.inspectorId(who);
    if (!me || !row.inspector_ids.includes(me)) throw Errors.notFound('inspection task');
  }

  /* ------------------------------------------------------------------ lists and pages */

  async list(who: Principal, f: ListFilter) {
    assertAllowed(this.policy, who, 'regulation.read', { regionCode: who.regionCode });
    const now = this.k.clock.now();
    const today = cstDate(now);
    let q = tasksDb(this.k.db).selectFrom('regulation_task').selectAll().where('region_code', 'like', `${who.regionCode}%`);
    const wide = this.regionWide(who);
    if (!wide) {
      const me = await this.inspectorId(who);
      if (!me) return { items: [], next: null, wide };
      q = q.where(sql<boolean>`inspector_ids @> ARRAY[${me}]::text[]`);
    }
    if (f.state) q = q.where('state', '=', f.state);
    if (f.kind) q = q.where('kind', '=', f.kind);
    if (f.planId) q = q.where('plan_id', '=', f.planId);
    if (f.overdue) q = q.where('state', '=', 'open').where('due_on', '<', today);
    if (f.objection) q = q.where(sql<boolean>`EXISTS (SELECT 1 FROM regulation_task_objection o WHERE o.task_id = regulation_task.id AND o.state = 'pending')`);
    if (f.after && isUuid(f.after)) q = q.where('id', '>', f.after);
    const limit = f.limit ?? 50;
    // Open tasks first, soonest due first; then done ones. Keyset on id within that page is enough
    // for a phone list: the regulator narrows with the filters.
    const rows = (
      await q
        .orderBy('id')
        .limit(limit + 1)
        .execute()
    ).map(readTask);
    const page = rows.slice(0, limit);
    page.sort((a, b) => (a.state === b.state ? a.due_on.localeCompare(b.due_on) : a.state === 'open' ? -1 : 1));
    const items = page.map((r) => listView(r, today));
    return { items, next: rows.length > limit ? page[page.length - 1].id : null, wide };
  }

  /** One task as its page shows it: object, items, departments, inspectors by name, photos, result, objection, penalties. */
  async get(who: Principal, id: string) {
    const row = await taskRow(this.k.db, id);
    await this.assertSees(who, row);
    const ex = this.k.db;
    const [object, items, departments, pool, objection, penalties] = await Promise.all([
      need(this.ctx, 'objects').get(ex, row.credit_code),
      need(this.ctx, 'items').get(ex, row.item_ids),
      this.ctx.org.departmentNames(row.department_ids),
      row.inspector_ids.length ? need(this.ctx, 'inspectors').pool(ex, { departmentIds: row.department_ids, regionCode: row.region_code }) : Promise.resolve([]),
      this.objectionOf(row.id),
      penaltiesOf(ex, row.credit_code),
    ]);
    const names = new Map(pool.map((p) => [p.id, p.name]));
    const me = await need(this.ctx, 'inspectors').byAccount(ex, who.accountId);
    const photos = [];
    for (const pid of row.photo_ids) {
      const f = await this.k.files.find(pid);
      if (f) photos.push({ id: f.id, name: f.name, mime: f.mime, sizeBytes: f.sizeBytes });
    }
    const ofTask = new Set((await tasksDb(ex).selectFrom('regulation_penalty').select('id').where('task_id', '=', row.id).execute()).map((p) => p.id));
    const deadline = row.state === 'open' ? await this.deadlineFor(row, row.due_on) : null;
    return {
      ...this.summary(row),
      regionCode: row.region_code,
      object: object ? { name: object.name, entityType: object.entityType, status: object.status, industries: object.industries } : null,
      items: items.map((i) => ({ id: i.id, code: i.code, name: i.name, level: i.level })),
      departments: row.department_ids.map((d) => ({ id: d, name: departments.get(d)?.name ?? d })),
      inspectors: row.inspector_ids.map((i) => ({ id: i, name: names.get(i) ?? null, me: me?.id === i })),
      source: row.source_kind ? { kind: row.source_kind, ref: row.source_ref, label: row.source_label } : null,
      recordBy: deadline ? deadline.toISOString() : null,
      photos,
      findings: row.findings,
      objection,
      penalties: penalties.filter((p) => ofTask.has(p.id)),
      canRecord: row.state === 'open' && !!me && row.inspector_ids.includes(me.id) && this.policy.can(who, 'regulation.inspect', { regionCode: row.region_code }),
    };
  }

  private summary(r: TaskRow) {
    return {
      ...listView(r, cstDate(this.k.clock.now())),
      problem: r.problem,
      recordedAt: iso(r.recorded_at),
      publishedAt: iso(r.published_at),
      correction: r.correction,
      version: r.version,
    };
  }

  private async objectionOf(taskId: string) {
    const o = await tasksDb(this.k.db).selectFrom('regulation_task_objection').selectAll().where('task_id', '=', taskId).executeTakeFirst();
    if (!o) return null;
    return {
      id: o.id,
      reason: o.reason,
      filedAt: iso(o.filed_at)!,
      state: o.state as 'pending' | 'upheld' | 'corrected',
      answer: o.answer,
      previousConclusion: o.previous_conclusion,
      correctedConclusion: o.corrected_conclusion,
      answeredAt: iso(o.answered_at),
    };
  }

  /* ------------------------------------------------------------------ the result (一公开) */

  /**
   * The latest moment a result may be recorded: N working days after the inspection ended, the
   * inspection ending on the inspected date or, at the latest, on the task's due date (so a late
   * inspection cannot stretch the limit), and never after the deadline fixed when the task was made.
   */
  private async deadlineFor(row: TaskRow, inspectedOn: string, ex: Executor = this.k.db): Promise<Date> {
    const { publishWithinWorkingDays } = await tasksSettings(this.k.settings, row.region_code, ex);
    const end = inspectedOn < row.due_on ? inspectedOn : row.due_on;
    const byInspection = addWorkingDays(await this.k.calendar.rules(ex), noonOf(end), publishWithinWorkingDays);
    const fixed = new Date(row.publish_by);
    return byInspection < fixed ? byInspection : fixed;
  }

  async recordResult(who: Principal, id: string, input: ResultInput, requestId?: string) {
    const pre = await taskRow(this.k.db, id);
    if (!regionWithin(pre.region_code, who.regionCode)) throw Errors.notFound('inspection task');
    assertAllowed(this.policy, who, 'regulation.inspect', { regionCode: pre.region_code });
    const me = await this.inspectorId(who);
    if (!me) throw TaskErrors.notInspector();
    if (!pre.inspector_ids.includes(me)) throw TaskErrors.notNamed();
    const now = this.k.clock.now();
    const today = cstDate(now);
    if (!validDay(input.inspectedOn)) throw Errors.validation([{ path: '/inspectedOn', message: 'YYYY-MM-DD' }]);
    if (input.inspectedOn > today) throw TaskErrors.futureDate('/inspectedOn');
    if (input.inspectedOn < cstDate(new Date(pre.created_at))) throw TaskErrors.beforeTask('/inspectedOn');
    const conclusion = conclusionOf(input.conclusion);
    if (!conclusion) throw Errors.validation([{ path: '/conclusion', message: 'not in the list / 不在结论列表中' }]);
    const findings = input.findings?.trim() || null;
    if (conclusion.kind === 'problem' && !findings) throw Errors.validation([{ path: '/findings', message: 'describe the problem found / 请写明发现的问题' }]);
    const photoIds = input.photoIds ?? [];
    const { photoMaxBytes } = await tasksSettings(this.k.settings, pre.region_code);
    for (const [i, pid] of photoIds.entries()) {
      const f = await this.k.files.find(pid);
      if (!f || f.ownerId !== who.accountId || !f.mime.startsWith('image/')) throw TaskErrors.badPhoto(i);
      if (f.sizeBytes > photoMaxBytes) throw TaskErrors.photoTooLarge(i, photoMaxBytes);
    }
    return this.k.db.transaction().execute(async (trx) => {
      const row = await taskRow(trx, id, true);
      if (row.state !== 'open') throw TaskErrors.alreadyRecorded();
      const deadline = await this.deadlineFor(row, input.inspectedOn, trx);
      if (now > deadline) {
        const { publishWithinWorkingDays } = await tasksSettings(this.k.settings, row.region_code, trx);
        throw TaskErrors.pastDeadline(cstDate(deadline), publishWithinWorkingDays);
      }
      const seq = Number((await sql<{ n: string }>`SELECT nextval('regulation_task_published_seq') AS n`.execute(trx)).rows[0].n);
      const problem = conclusion.kind === 'problem';
      await tasksDb(trx)
        .updateTable('regulation_task')
        .set({
          state: 'done',
          inspected_on: input.inspectedOn,
          findings,
          conclusion: conclusion.code,
          problem,
          photo_ids: photoIds,
          recorded_by: who.accountId,
          recorded_at: now,
          published_at: now,
          published_seq: seq,
          version: sql`version + 1`,
          updated_at: now,
        })
        .where('id', '=', id)
        .execute();
      await this.k.recordChange(trx, {
        actor: actorOf(who),
        action: 'result-recorded',
        objectType: 'regulation.task',
        objectId: id,
        regionCode: row.region_code,
        change: { inspectedOn: input.inspectedOn, conclusion: conclusion.code, findings, photoIds, inspectorId: me },
        summary: { number: row.number, conclusion: conclusion.code },
        event: { topic: TASK_RESULT_RECORDED, payload: { id, number: row.number, creditCode: row.credit_code, conclusion: conclusion.code, problem } },
        requestId,
      });
      await need(this.ctx, 'credit').recomputeLater(trx, row.credit_code, `inspection result ${row.number}: ${conclusion.code}`);
      return { id, state: 'done', conclusion: conclusion.code, problem, publishedAt: now.toISOString() };
    });
  }

  /** Names the inspectors of a task made without them (an approval, a clue): two at least, from the 名录库. */
  async assignInspectors(who: Principal, id: string, inspectorIds: string[], requestId?: string) {
    const pre = await taskRow(this.k.db, id);
    if (!regionWithin(pre.region_code, who.regionCode)) throw Errors.notFound('inspection task');
    this.assertPlans(who, pre.region_code);
    return this.k.db.transaction().execute(async (trx) => {
      const row = await taskRow(trx, id, true);
      if (row.state !== 'open') throw TaskErrors.alreadyRecorded();
      // Nobody may pick the outcome of a published draw: its inspectors are part of the result.
      if (row.kind === 'random') throw TaskErrors.drawnInspectors();
      const pool = new Set((await need(this.ctx, 'inspectors').pool(trx, { departmentIds: row.department_ids, regionCode: row.region_code })).map((p) => p.id));
      if (inspectorIds.some((i) => !pool.has(i))) throw TaskErrors.badTask('/inspectorIds', '检查人员不在本部门执法检查人员名录库中', 'inspectors must be active in the departments’ directory');
      const related = (await need(this.ctx, 'inspectors').relations(trx, [row.credit_code])).get(row.credit_code) ?? new Set<string>();
      if (inspectorIds.some((i) => related.has(i))) throw TaskErrors.badTask('/inspectorIds', '检查人员与检查对象有利害关系，应当回避', 'an inspector is related to the object and must stand aside');
      const now = this.k.clock.now();
      await tasksDb(trx)
        .updateTable('regulation_task')
        .set({ inspector_ids: inspectorIds, version: sql`version + 1`, updated_at: now })
        .where('id', '=', id)
        .execute();
      await this.k.recordChange(trx, {
        actor: actorOf(who),
        action: 'inspectors-assigned',
        objectType: 'regulation.task',
        objectId: id,
        regionCode: row.region_code,
        change: { from: row.inspector_ids, to: inspectorIds },
        summary: { number: row.number },
        event: false,
        requestId,
      });
      return { id, inspectorIds };
    });
  }

  private assertPlans(who: Principal, regionCode: string): void {
    if (!this.policy.can(who, 'regulation.plan', { regionCode }) && !this.policy.can(who, 'regulation.manage', { regionCode })) throw Errors.forbidden();
  }

  /* ------------------------------------------------------------------ public results */

  /** 一公开: every recorded result, newest first, searchable by name or credit code; what the 公示系统 shows and no more. */
  async publicResults(f: { q?: string; after?: number; limit?: number; regionCode?: string }) {
    const limit = f.limit ?? 20;
    let q = tasksDb(this.k.db).selectFrom('regulation_task').selectAll().where('published_seq', 'is not', null);
    if (f.regionCode) q = q.where('region_code', 'like', `${f.regionCode}%`);
    const text = f.q?.trim();
    if (text) {
      const code = text.toUpperCase();
      q = /^[0-9A-Z]{4,18}$/.test(code)
        ? q.where((eb) => eb.or([eb('credit_code', 'like', `${code}%`), eb('object_name', 'like', `%${text}%`)]))
        : q.where('object_name', 'like', `%${text.replace(/[%_\\]/g, '\\$&')}%`);
    }
    if (f.after) q = q.where('published_seq', '<', f.after);
    const rows = (
      await q
        .orderBy('published_seq', 'desc')
        .limit(limit + 1)
        .execute()
    ).map(readTask);
    const page = rows.slice(0, limit);
    const items = page.length ? await need(this.ctx, 'items').get(this.k.db, [...new Set(page.flatMap((r) => r.item_ids))]) : [];
    const itemNames = new Map(items.map((i) => [i.id, i.name]));
    const depts = await this.ctx.org.departmentNames(page.flatMap((r) => r.department_ids));
    return {
      items: page.map((r) => ({
        id: r.id,
        number: r.number,
        kind: r.kind as TaskKind,
        objectName: r.object_name,
        creditCode: r.credit_code,
        items: r.item_ids.map((i) => itemNames.get(i) ?? i),
        departments: r.department_ids.map((d) => depts.get(d)?.name ?? d),
        inspectedOn: r.inspected_on!,
        conclusion: r.conclusion!,
        publishedAt: iso(r.published_at)!,
        correction: r.correction ? { previousConclusion: r.correction.previousConclusion, at: r.correction.at } : null,
      })),
      next: rows.length > limit ? String(page[page.length - 1].published_seq) : null,
    };
  }

  /* ------------------------------------------------------------------ the enterprise */

  private acting(who: Principal) {
    const a = who.actingFor;
    if (!a) throw TaskErrors.notActing();
    return a;
  }

  /** The enterprise's own published results, with findings, objection state and how long it may object. */
  async mine(who: Principal) {
    const a = this.acting(who);
    const rows = (
      await tasksDb(this.k.db).selectFrom('regulation_task').selectAll().where('credit_code', '=', a.creditCode).where('state', '=', 'done').orderBy('published_at', 'desc').limit(200).execute()
    ).map(readTask);
    const now = this.k.clock.now();
    const out = [];
    const items = await (rows.length ? need(this.ctx, 'items').get(this.k.db, [...new Set(rows.flatMap((r) => r.item_ids))]) : Promise.resolve([]));
    const itemNames = new Map(items.map((i) => [i.id, i.name]));
    const depts = await this.ctx.org.departmentNames(rows.flatMap((r) => r.department_ids));
    for (const r of rows) {
      const objection = await this.objectionOf(r.id);
      const objectBy = await this.objectionDeadline(r);
      out.push({
        id: r.id,
        number: r.number,
        kind: r.kind as TaskKind,
        objectName: r.object_name,
        items: r.item_ids.map((i) => itemNames.get(i) ?? i),
        departments: r.department_ids.map((d) => depts.get(d)?.name ?? d),
        inspectedOn: r.inspected_on!,
        conclusion: r.conclusion!,
        findings: r.findings,
        publishedAt: iso(r.published_at)!,
        correction: r.correction ? { previousConclusion: r.correction.previousConclusion, at: r.correction.at } : null,
        objection,
        objectBy: objectBy.toISOString(),
        canObject: !objection && now <= objectBy && a.role === 'legal_rep',
      });
    }
    return { creditCode: a.creditCode, name: a.name, items: out, penalties: await penaltiesOf(this.k.db, a.creditCode) };
  }

  private async objectionDeadline(r: TaskRow, ex: Executor = this.k.db): Promise<Date> {
    const { objectionWithinWorkingDays } = await tasksSettings(this.k.settings, r.region_code, ex);
    return addWorkingDays(await this.k.calendar.rules(ex), new Date(r.published_at!), objectionWithinWorkingDays);
  }

  /** 异议: the legal representative, within N working days of publication, once per result. */
  async object(who: Principal, taskId: string, reason: string, requestId?: string) {
    const a = this.acting(who);
    if (a.role !== 'legal_rep') throw TaskErrors.notLegalRep();
    return this.k.db.transaction().execute(async (trx) => {
      const row = isUuid(taskId) ? await taskRow(trx, taskId, true) : null;
      // Another enterprise's task, or one not yet published, does not exist for this caller.
      if (!row || row.credit_code !== a.creditCode || row.state !== 'done') throw Errors.notFound('inspection result');
      const by = await this.objectionDeadline(row, trx);
      const now = this.k.clock.now();
      if (now > by) throw TaskErrors.objectionClosed(cstDate(by));
      const exists = await tasksDb(trx).selectFrom('regulation_task_objection').select('id').where('task_id', '=', taskId).executeTakeFirst();
      if (exists) throw TaskErrors.objectionExists();
      const id = uuidv7();
      await tasksDb(trx)
        .insertInto('regulation_task_objection')
        .values({
          id,
          task_id: taskId,
          region_code: row.region_code,
          credit_code: row.credit_code,
          account_id: who.accountId,
          reason,
          filed_at: now,
          state: 'pending',
          previous_conclusion: row.conclusion!,
        })
        .execute();
      await this.k.recordChange(trx, {
        actor: actorOf(who),
        action: 'objected',
        objectType: 'regulation.task',
        objectId: taskId,
        regionCode: row.region_code,
        change: { objectionId: id, reason },
        summary: { number: row.number },
        event: { topic: TASK_OBJECTED, payload: { id, taskId, creditCode: row.credit_code } },
        requestId,
      });
      return { id, state: 'pending', filedAt: now.toISOString() };
    });
  }

  /** The regulator answers: 维持 keeps the result; 更正 changes the public conclusion with a note, keeping the old one. */
  async answer(who: Principal, taskId: string, input: AnswerInput, requestId?: string) {
    const pre = await taskRow(this.k.db, taskId);
    if (!regionWithin(pre.region_code, who.regionCode)) throw Errors.notFound('inspection task');
    assertAllowed(this.policy, who, 'regulation.manage', { regionCode: pre.region_code });
    if (input.decision === 'corrected') {
      if (!input.conclusion) throw TaskErrors.correctionNeedsConclusion();
      if (input.conclusion === pre.conclusion) throw TaskErrors.sameConclusion();
    }
    return this.k.db.transaction().execute(async (trx) => {
      const row = await taskRow(trx, taskId, true);
      const o = await tasksDb(trx).selectFrom('regulation_task_objection').selectAll().where('task_id', '=', taskId).forUpdate().executeTakeFirst();
      if (!o) throw TaskErrors.noObjection();
      if (o.state !== 'pending') throw TaskErrors.objectionAnswered();
      const now = this.k.clock.now();
      const corrected = input.decision === 'corrected' ? input.conclusion! : null;
      await tasksDb(trx)
        .updateTable('regulation_task_objection')
        .set({ state: input.decision, answer: input.answer, corrected_conclusion: corrected, answered_by: who.accountId, answered_at: now })
        .where('id', '=', o.id)
        .execute();
      if (corrected) {
        await tasksDb(trx)
          .updateTable('regulation_task')
          .set({
            conclusion: corrected,
            problem: isProblem(corrected),
            correction: JSON.stringify({ previousConclusion: row.conclusion!, at: now.toISOString(), objectionId: o.id }),
            version: sql`version + 1`,
            updated_at: now,
          })
          .where('id', '=', taskId)
          .execute();
      }
      await this.k.recordChange(trx, {
        actor: actorOf(who),
        action: 'objection-answered',
        objectType: 'regulation.task',
        objectId: taskId,
        regionCode: row.region_code,
        change: { objectionId: o.id, decision: input.decision, answer: input.answer, from: row.conclusion, to: corrected ?? row.conclusion },
        summary: { number: row.number, decision: input.decision },
        event: { topic: TASK_OBJECTION_ANSWERED, payload: { id: o.id, taskId, creditCode: row.credit_code, decision: input.decision, conclusion: corrected ?? row.conclusion! } },
        requestId,
      });
      if (corrected) await need(this.ctx, 'credit').recomputeLater(trx, row.credit_code, `result ${row.number} corrected after objection: ${corrected}`);
      return { taskId, decision: input.decision, conclusion: corrected ?? row.conclusion! };
    });
  }

  /* ------------------------------------------------------------------ 行政处罚 */

  async recordPenalty(who: Principal, taskId: string, input: PenaltyInput, requestId?: string) {
    const pre = await taskRow(this.k.db, taskId);
    if (!regionWithin(pre.region_code, who.regionCode)) throw Errors.notFound('inspection task');
    this.assertPlans(who, pre.region_code);
    if (pre.state !== 'done') throw TaskErrors.noResult();
    if (pre.conclusion !== 'case_filed') throw TaskErrors.notFiled();
    const withAmount = PENALTY_WITH_AMOUNT.includes(input.kind);
    if (withAmount !== (input.amountYuan != null && input.amountYuan > 0)) throw TaskErrors.penaltyAmount();
    if (!validDay(input.decidedOn)) throw Errors.validation([{ path: '/decidedOn', message: 'YYYY-MM-DD' }]);
    if (input.decidedOn > cstDate(this.k.clock.now())) throw TaskErrors.futureDate('/decidedOn');
    if (pre.inspected_on && input.decidedOn < pre.inspected_on) throw TaskErrors.badTask('/decidedOn', '处罚决定日期不能早于检查日期', 'the decision cannot be before the inspection');
    const departmentId = input.departmentId ?? pre.department_ids[0];
    if (!pre.department_ids.includes(departmentId)) throw TaskErrors.badTask('/departmentId', '作出处罚的部门须是任务的检查部门', 'the deciding department must be one of the task’s');
    const amountFen = withAmount ? Math.round(input.amountYuan! * 100) : null;
    return this.k.db.transaction().execute(async (trx: Tx) => {
      const taken = await tasksDb(trx).selectFrom('regulation_penalty').select('id').where('region_code', '=', pre.region_code).where('decision_no', '=', input.decisionNo).executeTakeFirst();
      if (taken) throw TaskErrors.decisionNoTaken();
      const id = uuidv7();
      const now = this.k.clock.now();
      await tasksDb(trx)
        .insertInto('regulation_penalty')
        .values({
          id,
          task_id: taskId,
          region_code: pre.region_code,
          credit_code: pre.credit_code,
          decision_no: input.decisionNo,
          kind: input.kind,
          amount_fen: amountFen,
          decided_on: input.decidedOn,
          department_id: departmentId,
          recorded_by: who.accountId,
          created_at: now,
        })
        .execute();
      await this.k.recordChange(trx, {
        actor: actorOf(who),
        action: 'recorded',
        objectType: 'regulation.penalty',
        objectId: id,
        regionCode: pre.region_code,
        change: { taskId, decisionNo: input.decisionNo, kind: input.kind, amountFen, decidedOn: input.decidedOn, departmentId },
        summary: { decisionNo: input.decisionNo },
        event: { topic: PENALTY_RECORDED, payload: { id, taskId, creditCode: pre.credit_code, kind: input.kind, amountFen } },
        requestId,
      });
      await need(this.ctx, 'credit').recomputeLater(trx, pre.credit_code, `administrative penalty ${input.decisionNo}`);
      return { id, decisionNo: input.decisionNo, kind: input.kind, amountYuan: amountFen === null ? null : amountFen / 100, decidedOn: input.decidedOn, departmentId };
    });
  }

  /* ------------------------------------------------------------------ figures */

  async figures(who: Principal, year?: number) {
    assertAllowed(this.policy, who, 'regulation.figures', { regionCode: who.regionCode });
    const now = this.k.clock.now();
    return taskFigures(this.k.db, now, who.regionCode, year ?? Number(cstDate(now).slice(0, 4)));
  }
}

/** A task as a list row shows it (the task page adds the result's details). */
function listView(r: TaskRow, today: string) {
  return {
    id: r.id,
    number: r.number,
    kind: r.kind as TaskKind,
    state: r.state,
    creditCode: r.credit_code,
    objectName: r.object_name,
    dueOn: r.due_on,
    overdue: r.state === 'open' && r.due_on < today,
    publishBy: iso(r.publish_by)!,
    conclusion: r.conclusion,
    inspectedOn: r.inspected_on,
    planId: r.plan_id,
  };
}
