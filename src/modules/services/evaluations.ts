import { sql } from 'kysely';
import { newId as uuidv7 } from '../../kernel/ids/index.ts';
import { Errors } from '../../kernel/http/errors.ts';
import type { Kernel } from '../../kernel/index.ts';
import { actorOf, assertAllowed, type Policy, type Principal } from '../../kernel/policy/index.ts';
import type { Applications } from './applications.ts';
import { stepActorOf } from '../../kernel/workflow/index.ts';
import { APPLICATION_LOG } from './application-steps.ts';
import { ServicesErrors } from './errors.ts';
import type { EvaluationInput, Rectification } from './schema.ts';
import { EVALUATION_CREATED } from './events.ts';
import { servicesDb, type ServicesRectificationTable } from './tables.ts';

/** Working days a department has to rectify after a bad rating and reply to the applicant. */
export const RECTIFY_DAYS = 10;
const iso = (v: unknown) => (v == null ? null : new Date(v as string).toISOString());

/**
 * 好差评: one rating per application, after 办结, by the applicant online or recorded at the window.
 * 不满意 and 非常不满意 open a rectification task (整改) for the handling department, which replies to
 * the applicant within RECTIFY_DAYS working days; the applicant's follow-up closes it.
 */
export class Evaluations {
  constructor(
    private readonly k: Kernel,
    private readonly policy: Policy,
    private readonly apps: Applications,
  ) {}

  async rate(who: Principal, applicationId: string, input: EvaluationInput, requestId?: string): Promise<{ id: string; rectificationId: string | null }> {
    const row = await this.apps.visibleRow(who, applicationId);
    let channel: 'online' | 'window';
    if (who.type === 'person') {
      assertAllowed(this.policy, who, 'evaluation.submit', row.enterprise_id ? { enterpriseId: row.enterprise_id } : { ownerId: row.applicant_account_id });
      channel = 'online';
    } else {
      // The rating pad at the window: staff record what the applicant chose, for window applications.
      assertAllowed(this.policy, who, 'services.handle', { regionCode: row.region_code });
      if (row.channel !== 'window') throw Errors.forbidden();
      channel = 'window';
    }
    if (!row.completed_at) throw ServicesErrors.notEvaluable();
    const now = this.k.clock.now();
    const id = uuidv7();
    const bad = input.level <= 2;
    const rectificationId = bad ? uuidv7() : null;
    const dueAt = bad ? await this.k.calendar.addWorkingDays(now, RECTIFY_DAYS) : null;
    await this.k.db.transaction().execute(async (trx) => {
      const inserted = await servicesDb(trx)
        .insertInto('services_evaluation')
        .values({
          id,
          application_id: row.id,
          region_code: row.region_code,
          item_id: row.item_id,
          department_id: row.department_id,
          staff_account_id: row.handled_by,
          evaluator_id: who.accountId,
          channel,
          level: input.level,
          reasons: input.reasons,
          comment: input.comment?.trim() || null,
          at: now,
        })
        .onConflict((oc) => oc.column('application_id').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!inserted) throw ServicesErrors.notEvaluable();
      await APPLICATION_LOG.append(trx, row.id, row.region_code, {
        action: 'evaluate',
        from: row.state,
        to: row.state,
        actor: stepActorOf(who),
        opinion: input.comment ?? null,
        payload: { level: input.level, reasons: input.reasons },
        at: now,
      });
      if (rectificationId && dueAt) {
        await servicesDb(trx)
          .insertInto('services_rectification')
          .values({ id: rectificationId, evaluation_id: id, application_id: row.id, region_code: row.region_code, department_id: row.department_id, state: 'open', due_at: dueAt, created_at: now })
          .execute();
      }
      await this.k.recordChange(trx, {
        actor: actorOf(who),
        action: 'evaluated',
        objectType: 'services.application',
        objectId: row.id,
        regionCode: row.region_code,
        change: { level: input.level, reasons: input.reasons, rectificationId },
        summary: { level: input.level, departmentId: row.department_id, rectificationId },
        event: { topic: EVALUATION_CREATED, payload: { id, applicationId: row.id, level: input.level, departmentId: row.department_id, rectificationId } },
        requestId,
      });
    });
    return { id, rectificationId };
  }

  private async rectRow(id: string) {
    if (!/^[0-9a-f-]{36}$/.test(id)) throw Errors.notFound('rectification');
    const r = await servicesDb(this.k.db)
      .selectFrom('services_rectification as r')
      .innerJoin('services_evaluation as e', 'e.id', 'r.evaluation_id')
      .innerJoin('services_application as a', 'a.id', 'r.application_id')
      .selectAll('r')
      .select(['e.level', 'e.reasons', 'e.comment', 'a.number', 'a.applicant_account_id', 'a.enterprise_id', 'a.item_version_id'])
      .where('r.id', '=', id)
      .executeTakeFirst();
    if (!r) throw Errors.notFound('rectification');
    return r;
  }

  /** The department replies with what it changed; the applicant is told. */
  async reply(who: Principal, id: string, reply: string, requestId?: string): Promise<void> {
    const r = await this.rectRow(id);
    assertAllowed(this.policy, who, 'services.handle', { regionCode: r.region_code, departmentId: r.department_id });
    if (who.departmentId !== r.department_id && !who.permissions.has('*')) throw Errors.forbidden();
    await this.k.db.transaction().execute(async (trx) => {
      const u = await servicesDb(trx)
        .updateTable('services_rectification')
        .set({ state: 'replied', reply: reply.trim(), replied_by: who.accountId, replied_at: this.k.clock.now() })
        .where('id', '=', id)
        .where('state', '=', 'open')
        .executeTakeFirst();
      if (Number(u.numUpdatedRows) === 0) throw ServicesErrors.rectificationState();
      await this.k.recordChange(trx, {
        actor: actorOf(who),
        action: 'replied',
        objectType: 'services.rectification',
        objectId: id,
        regionCode: r.region_code,
        change: { reply },
        summary: { applicationId: r.application_id },
        requestId,
      });
      await this.k.notify.notify(trx, {
        regionCode: r.region_code,
        recipientId: r.applicant_account_id,
        title: '差评整改答复 / Reply to your rating',
        body: `${r.number}：${reply.trim().slice(0, 200)}`,
        link: `/applications/${r.application_id}`,
      });
    });
  }

  /** The applicant's follow-up (回访) on the reply closes the task. */
  async followUp(who: Principal, id: string, input: { satisfied: boolean; comment?: string }, requestId?: string): Promise<void> {
    const r = await this.rectRow(id);
    if (who.type !== 'person' || !(r.applicant_account_id === who.accountId || (r.enterprise_id && this.policy.can(who, 'evaluation.submit', { enterpriseId: r.enterprise_id }))))
      throw Errors.forbidden();
    await this.k.db.transaction().execute(async (trx) => {
      const u = await servicesDb(trx)
        .updateTable('services_rectification')
        .set({ state: 'closed', follow_up_satisfied: input.satisfied, follow_up_comment: input.comment?.trim() || null, closed_at: this.k.clock.now() })
        .where('id', '=', id)
        .where('state', '=', 'replied')
        .executeTakeFirst();
      if (Number(u.numUpdatedRows) === 0) throw ServicesErrors.rectificationState();
      await this.k.recordChange(trx, {
        actor: actorOf(who),
        action: 'followed-up',
        objectType: 'services.rectification',
        objectId: id,
        regionCode: r.region_code,
        change: input,
        summary: { satisfied: input.satisfied },
        requestId,
      });
    });
  }

  /** Tasks of the caller's department (or region, for roles across departments), oldest deadline first. */
  async list(who: Principal, q: { state?: ServicesRectificationTable['state']; applicationId?: string }): Promise<Rectification[]> {
    let query = servicesDb(this.k.db)
      .selectFrom('services_rectification as r')
      .innerJoin('services_evaluation as e', 'e.id', 'r.evaluation_id')
      .innerJoin('services_application as a', 'a.id', 'r.application_id')
      .innerJoin('services_item as i', 'i.id', 'a.item_id')
      .selectAll('r')
      .select(['e.level', 'e.reasons', 'e.comment', 'a.number', 'i.name as item_name', 'a.applicant_account_id', 'a.enterprise_id']);
    if (who.type === 'person') {
      if (!q.applicationId) throw Errors.validation([{ path: '/applicationId', message: 'required / 必填' }]);
      await this.apps.visibleRow(who, q.applicationId);
      query = query.where('r.application_id', '=', q.applicationId);
    } else {
      assertAllowed(this.policy, who, 'services.handle');
      query = query.where('r.region_code', 'like', `${who.regionCode}%`);
      if (!who.permissions.has('*') && who.departmentId) query = query.where('r.department_id', '=', who.departmentId);
      if (q.applicationId) query = query.where('r.application_id', '=', q.applicationId);
    }
    if (q.state) query = query.where('r.state', '=', q.state);
    const rows = await query.orderBy('r.due_at').limit(200).execute();
    const now = this.k.clock.now();
    return rows.map((r) => ({
      id: r.id,
      applicationId: r.application_id,
      applicationNumber: r.number,
      itemName: r.item_name,
      departmentId: r.department_id,
      level: r.level,
      reasons: r.reasons,
      comment: r.comment,
      state: r.state,
      dueAt: iso(r.due_at)!,
      reply: r.reply,
      repliedAt: iso(r.replied_at),
      followUpSatisfied: r.follow_up_satisfied,
      followUpComment: r.follow_up_comment,
      overdue: r.state === 'open' ? now > new Date(r.due_at) : !!r.replied_at && new Date(r.replied_at) > new Date(r.due_at),
    }));
  }

  /** Ratings per item, department or staff member: count, average, share satisfied, bad ratings. */
  async figures(who: Principal, by: 'item' | 'department' | 'staff', regionCode?: string) {
    const region = regionCode ?? who.regionCode;
    assertAllowed(this.policy, who, 'services.stats', { regionCode: region });
    const key = { item: sql.ref('item_id'), department: sql.ref('department_id'), staff: sql.ref('staff_account_id') }[by];
    const rows = await sql<{ key: string | null; count: number; average: number; satisfied: number; bad: number }>`
      SELECT ${key} AS key, count(*)::int AS count, round(avg(level)::numeric, 2)::float8 AS average,
             (count(*) FILTER (WHERE level >= 3))::int AS satisfied, (count(*) FILTER (WHERE level <= 2))::int AS bad
        FROM services_evaluation WHERE region_code LIKE ${region + '%'}
       GROUP BY ${key} ORDER BY count(*) DESC LIMIT 500`.execute(this.k.db);
    return rows.rows.map((r) => ({ key: r.key, count: r.count, average: Number(r.average), satisfiedShare: r.count ? r.satisfied / r.count : 0, bad: r.bad }));
  }
}
