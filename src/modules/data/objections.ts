import { sql } from 'kysely';
import { newId as uuidv7 } from '../../kernel/ids/index.ts';
import { Errors } from '../../kernel/http/errors.ts';
import type { Kernel } from '../../kernel/index.ts';
import { actorOf, assertAllowed, type Policy, type Principal } from '../../kernel/policy/index.ts';
import type { DataCatalogue } from './catalogue.ts';
import { DataErrors } from './errors.ts';
import { dataDb } from './tables.ts';

const ANSWER_DAYS = 5;

/**
 * 数据异议: a consuming department that holds a grant on a resource says a row is wrong; the
 * provider must answer within 5 working days — corrected, or explained. Both sides see the loop,
 * and overdue objections count in the figures (共享-反馈-治理).
 */
export class DataObjections {
  constructor(
    private readonly k: Kernel,
    private readonly policy: Policy,
    private readonly catalogue: DataCatalogue,
  ) {}

  async raise(who: Principal, input: { resourceCode: string; rowId: string; item: string; description: string }, requestId?: string): Promise<{ id: string; dueAt: string }> {
    assertAllowed(this.policy, who, 'data.request', { regionCode: who.regionCode, departmentId: who.departmentId });
    const r = await this.catalogue.get(input.resourceCode);
    if (r.backing !== 'table') throw DataErrors.noRow();
    const grant = await dataDb(this.k.db).selectFrom('data_grant').select('id').where('resource_id', '=', r.id).where('consumer_department_id', '=', who.departmentId ?? '00000000-0000-0000-0000-000000000000').executeTakeFirst();
    if (!grant) throw DataErrors.noGrant();
    if (!r.items.some((i) => i.code === input.item)) throw DataErrors.unknownItems([input.item]);
    const exists = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(r.backingRef)} WHERE id = ${input.rowId}`.execute(this.k.db)).rows[0].n;
    if (!exists) throw DataErrors.noRow();
    const id = uuidv7();
    const now = this.k.clock.now();
    const due = await this.k.calendar.addWorkingDays(now, ANSWER_DAYS);
    await this.k.db.transaction().execute(async (trx) => {
      await dataDb(trx).insertInto('data_objection').values({ id, resource_id: r.id, region_code: r.regionCode, row_id: input.rowId, item_code: input.item, department_id: who.departmentId!, raised_by: who.accountId, description: input.description, state: 'open', due_at: due, created_at: now }).execute();
      await this.k.recordChange(trx, { actor: actorOf(who), action: 'objection-raised', objectType: 'data.objection', objectId: id, regionCode: r.regionCode, change: { resource: r.code, rowId: input.rowId, item: input.item }, requestId });
    });
    return { id, dueAt: due.toISOString() };
  }

  async answer(who: Principal, id: string, input: { outcome: 'corrected' | 'explained'; answer: string }, requestId?: string): Promise<void> {
    if (!/^[0-9a-f-]{36}$/.test(id)) throw Errors.notFound('objection');
    const o = await dataDb(this.k.db).selectFrom('data_objection as o').innerJoin('data_resource as r', 'r.id', 'o.resource_id').select(['o.id', 'o.state', 'o.region_code', 'r.provider_department_id', 'r.code']).where('o.id', '=', id).executeTakeFirst();
    if (!o) throw Errors.notFound('objection');
    assertAllowed(this.policy, who, 'data.decide', { regionCode: o.region_code, departmentId: o.provider_department_id });
    if (who.departmentId !== o.provider_department_id && !this.policy.can(who, 'data.bureau', { regionCode: o.region_code })) throw DataErrors.notProvider();
    if (o.state !== 'open') throw DataErrors.requestState();
    await this.k.db.transaction().execute(async (trx) => {
      await dataDb(trx).updateTable('data_objection').set({ state: input.outcome, answer: input.answer, answered_by: who.accountId, answered_at: this.k.clock.now() }).where('id', '=', id).where('state', '=', 'open').execute();
      if (input.outcome === 'corrected') await this.catalogue.touched(trx, o.code);
      await this.k.recordChange(trx, { actor: actorOf(who), action: `objection-${input.outcome}`, objectType: 'data.objection', objectId: id, regionCode: o.region_code, change: { outcome: input.outcome, answer: input.answer }, requestId });
    });
  }

  /** Objections the department raised, or must answer (the data bureau sees all). */
  async list(who: Principal, scope: 'raised' | 'to-answer') {
    let q = dataDb(this.k.db).selectFrom('data_objection as o').innerJoin('data_resource as r', 'r.id', 'o.resource_id').select(['o.id', 'o.row_id', 'o.item_code', 'o.description', 'o.state', 'o.answer', 'o.due_at', 'o.created_at', 'o.department_id', 'r.code', 'r.name', 'r.provider_department_id']);
    const dept = who.departmentId ?? '00000000-0000-0000-0000-000000000000';
    if (scope === 'raised') q = q.where('o.department_id', '=', dept);
    else if (!this.policy.can(who, 'data.bureau', { regionCode: who.regionCode })) q = q.where('r.provider_department_id', '=', dept);
    const now = this.k.clock.now().getTime();
    return (await q.orderBy('o.created_at', 'desc').limit(200).execute()).map((o) => ({ id: o.id, resourceCode: o.code, resourceName: o.name, rowId: o.row_id, item: o.item_code, description: o.description, state: o.state, answer: o.answer, dueAt: new Date(o.due_at).toISOString(), overdue: o.state === 'open' && new Date(o.due_at).getTime() < now, departmentId: o.department_id, providerDepartmentId: o.provider_department_id }));
  }
}
