import { sql } from 'kysely';
import type { Executor, Tx } from '../../../kernel/db/index.ts';
import { cstDate } from '../../../kernel/calendar/index.ts';
import { actorOf } from '../../../kernel/policy/index.ts';
import { SYSTEM_PRINCIPAL } from '../../identity/index.ts';
import type { RegulationContext } from '../area.ts';
import type { Inspector, NewTask, SupervisionItemRef } from '../ports.ts';
import { profilesDb } from './tables.ts';

/** An approved 行政许可 as the flow hands it over (services' completion facts and the applicant's credit code). */
export interface ApprovedLicensing {
  applicationId: string;
  applicationNumber: string;
  serviceItemCode: string;
  serviceItemName: string;
  regionCode: string;
  creditCode: string;
  entityName: string | null;
  /** Approved under 告知承诺制. */
  commitment: boolean;
}

/** Inspectors on one 告知承诺 verification (the 双随机 rule of at least two applies here too). */
const INSPECTORS_PER_TASK = 2;

export interface ApprovalView {
  applicationId: string;
  applicationNumber: string;
  serviceItemCode: string;
  serviceItemName: string;
  commitment: boolean;
  supervisionItemIds: string[];
  taskIds: string[];
  dueOn: string | null;
  problem: string | null;
  approvedAt: string;
}

/** 审管联动: an approval makes or refreshes the supervision object and, under 告知承诺, its verification task. */
export class Approvals {
  constructor(private readonly ctx: RegulationContext) {}

  /**
   * Runs in the approval event's transaction, once per application: the ledger row's primary key
   * says it was done, so a replayed event changes nothing. A step that cannot be done (no 监管事项
   * yet, too few inspectors) is written on the row as the problem rather than failing the event,
   * which would also roll back what other modules do with the same approval (办结即发证).
   */
  async onApproved(trx: Tx, a: ApprovedLicensing): Promise<'linked' | 'replayed' | 'unavailable'> {
    const { k, ports } = this.ctx;
    const { objects, items, tasks, inspectors } = ports;
    if (!objects || !items) return 'unavailable';
    const done = await profilesDb(trx).selectFrom('regulation_approval_link').select('application_id').where('application_id', '=', a.applicationId).executeTakeFirst();
    if (done) return 'replayed';
    const known = await objects.get(trx, a.creditCode);
    const name = a.entityName ?? known?.name ?? a.creditCode;
    const regionCode = known?.regionCode ?? a.regionCode;
    const objectId = await objects.upsert(trx, { creditCode: a.creditCode, name, regionCode, source: 'approval', ...(known ? { entityType: known.entityType, status: known.status } : {}) });
    const following = await items.forLicensingItem(trx, a.serviceItemCode, a.regionCode);
    const toVerify = a.commitment ? following.filter((i) => i.commitmentVerifyDays != null) : [];
    const taskIds: string[] = [];
    const problems: string[] = [];
    let dueOn: string | null = null;
    if (a.commitment && toVerify.length === 0) problems.push('该许可事项没有设定告知承诺核查时限的监管事项');
    if (toVerify.length && (!tasks || !inspectors)) problems.push('检查任务服务暂不可用');
    if (toVerify.length && tasks && inspectors) {
      const busy = new Map<string, number>();
      for (const [departmentId, group] of byDepartment(toVerify)) {
        const days = Math.min(...group.map((i) => i.commitmentVerifyDays!));
        const due = cstDate(await k.calendar.addWorkingDays(k.clock.now(), days, trx));
        // The pool is the department's, where the licence was granted (the entity may sit in a street below it).
        const chosen = await this.inspectorsFor(trx, departmentId, a.regionCode, a.creditCode, busy);
        if (chosen.length < INSPECTORS_PER_TASK) {
          problems.push(`部门执法检查人员不足 ${INSPECTORS_PER_TASK} 人，未能生成核查任务（${group.map((i) => i.name).join('、')}）`);
          continue;
        }
        const task: NewTask = {
          kind: 'commitment',
          creditCode: a.creditCode,
          objectName: name,
          regionCode,
          itemIds: group.map((i) => i.id),
          inspectorIds: chosen.map((i) => i.id),
          departmentIds: [departmentId],
          source: { kind: 'application', ref: a.applicationId, label: a.applicationNumber },
          dueOn: due,
        };
        taskIds.push(...(await tasks.create(trx, [task])));
        for (const i of chosen) busy.set(i.id, (busy.get(i.id) ?? 0) + 1);
        if (!dueOn || due < dueOn) dueOn = due;
      }
    }
    await profilesDb(trx)
      .insertInto('regulation_approval_link')
      .values({
        application_id: a.applicationId,
        application_number: a.applicationNumber,
        credit_code: a.creditCode,
        entity_name: name,
        region_code: regionCode,
        service_item_code: a.serviceItemCode,
        service_item_name: a.serviceItemName,
        object_id: objectId,
        supervision_item_ids: following.map((i) => i.id),
        commitment: a.commitment,
        task_ids: taskIds,
        due_on: dueOn,
        problem: problems.length ? problems.join('；') : null,
        approved_at: k.clock.now(),
      })
      .execute();
    await k.recordChange(trx, {
      actor: actorOf(SYSTEM_PRINCIPAL),
      action: 'linked',
      objectType: 'regulation.approval',
      objectId: a.applicationId,
      regionCode,
      change: {
        creditCode: a.creditCode,
        applicationNumber: a.applicationNumber,
        commitment: a.commitment,
        supervisionItems: following.map((i) => i.code),
        taskIds,
        dueOn,
        problem: problems.join('；') || null,
      },
      summary: { creditCode: a.creditCode, commitment: a.commitment, taskIds },
    });
    await ports.credit?.recomputeLater(trx, a.creditCode, `approval:${a.applicationNumber}`);
    return 'linked';
  }

  /**
   * Two inspectors of the department, those with the fewest open tasks first, then by 执法证 number —
   * deterministic, so the same state always gives the same pair. Inspectors with a declared relation
   * to the entity stand aside (回避).
   */
  private async inspectorsFor(trx: Tx, departmentId: string, regionCode: string, creditCode: string, busy: Map<string, number>): Promise<Inspector[]> {
    const { inspectors, tasks } = this.ctx.ports;
    const related = (await inspectors!.relations(trx, [creditCode])).get(creditCode) ?? new Set<string>();
    const pool = (await inspectors!.pool(trx, { departmentIds: [departmentId], regionCode })).filter((i) => i.active && !related.has(i.id));
    const open = tasks?.openCounts
      ? await tasks.openCounts(
          trx,
          pool.map((i) => i.id),
        )
      : new Map<string, number>();
    const load = (i: Inspector) => (open.get(i.id) ?? 0) + (busy.get(i.id) ?? 0);
    return pool
      .map((i) => ({ i, n: load(i) }))
      .sort((x, y) => x.n - y.n || x.i.certificateNo.localeCompare(y.i.certificateNo) || x.i.id.localeCompare(y.i.id))
      .slice(0, INSPECTORS_PER_TASK)
      .map((x) => x.i);
  }

  /** 审管联动 history of one entity, newest first. */
  async of(ex: Executor, creditCode: string): Promise<ApprovalView[]> {
    const rows = await profilesDb(ex)
      .selectFrom('regulation_approval_link')
      .selectAll()
      .where('credit_code', '=', creditCode)
      .orderBy('approved_at', 'desc')
      .orderBy('application_id', 'desc')
      .limit(100)
      .execute();
    return rows.map((r) => ({
      applicationId: r.application_id,
      applicationNumber: r.application_number,
      serviceItemCode: r.service_item_code,
      serviceItemName: r.service_item_name,
      commitment: r.commitment,
      supervisionItemIds: r.supervision_item_ids,
      taskIds: r.task_ids,
      dueOn: r.due_on,
      problem: r.problem,
      approvedAt: new Date(r.approved_at).toISOString(),
    }));
  }

  /** 监管效能: approvals taken into regulation in a year, those under 告知承诺 and those left without a task. */
  async figures(ex: Executor, regionCode: string, year: number): Promise<{ approvals: number; commitments: number; withoutTask: number }> {
    const r = await profilesDb(ex)
      .selectFrom('regulation_approval_link')
      .select([
        (eb) => eb.fn.countAll<string>().as('n'),
        sql<string>`count(*) FILTER (WHERE commitment)`.as('c'),
        sql<string>`count(*) FILTER (WHERE commitment AND cardinality(task_ids) = 0)`.as('w'),
      ])
      .where('region_code', 'like', `${regionCode}%`)
      .where('approved_at', '>=', new Date(`${year}-01-01T00:00:00+08:00`))
      .where('approved_at', '<', new Date(`${year + 1}-01-01T00:00:00+08:00`))
      .executeTakeFirstOrThrow();
    return { approvals: Number(r.n), commitments: Number(r.c), withoutTask: Number(r.w) };
  }
}

function byDepartment(items: SupervisionItemRef[]): Map<string, SupervisionItemRef[]> {
  const out = new Map<string, SupervisionItemRef[]>();
  for (const i of [...items].sort((a, b) => a.code.localeCompare(b.code))) out.set(i.departmentId, [...(out.get(i.departmentId) ?? []), i]);
  return out;
}
