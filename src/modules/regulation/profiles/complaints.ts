import { sql } from 'kysely';
import { newId as uuidv7 } from '../../../kernel/ids/index.ts';
import type { Executor, Tx } from '../../../kernel/db/index.ts';
import { Errors } from '../../../kernel/http/errors.ts';
import { cstDate } from '../../../kernel/calendar/index.ts';
import { actorOf, assertAllowed, type Principal } from '../../../kernel/policy/index.ts';
import { SYSTEM_PRINCIPAL } from '../../identity/index.ts';
import { need, type RegulationContext } from '../area.ts';
import type { IndicatorFacts, SupervisionObject } from '../ports.ts';
import { ProfilesErrors } from './errors.ts';
import { entitiesNamedIn } from './matching.ts';
import { profilesDb, type ComplaintMatch } from './tables.ts';

/** What the cases module tells of a 12345 case (src/flows/regulation-linkage.ts plugs it in). */
export interface ComplaintFacts {
  id: string;
  number: string;
  kind: string;
  title: string;
  content: string;
  regionCode: string;
  receivedAt: string;
  confidential: boolean;
  duplicateOf: string | null;
}

/** The cases module, read by case id or number. */
export interface ComplaintSource {
  facts(ex: Executor, caseIdOrNumber: string): Promise<ComplaintFacts | null>;
}

/** Only 投诉 and 举报 speak against an entity; a 咨询 or a 表扬 naming it is no complaint. */
const COMPLAINT_KINDS = new Set(['complaint', 'report']);
/** How far back the credit indicator counts complaints. */
const INDICATOR_MONTHS = 12;

export interface ComplaintView {
  id: string;
  caseId: string;
  caseNumber: string;
  kind: string;
  summary: string;
  receivedAt: string;
  matchedBy: ComplaintMatch;
  linkedByName: string;
  linkedAt: string;
  clueTaskId: string | null;
  clueAt: string | null;
}

export interface ClueInput {
  inspectorIds: string[];
  dueOn: string;
  itemIds?: string[];
  departmentId?: string;
}

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

/** 12345 complaints on the profile: linked by the flow or by hand, and 线索 inspections started from them. */
export class Complaints {
  source: ComplaintSource | null = null;

  constructor(private readonly ctx: RegulationContext) {}

  /** The credit area's `complaints12m` indicator: linked complaints received in the last 12 months. */
  readonly factSource = async (ex: Executor, creditCodes: string[]): Promise<Map<string, IndicatorFacts>> => {
    const out = new Map<string, IndicatorFacts>();
    if (creditCodes.length === 0) return out;
    const since = new Date(this.ctx.k.clock.now());
    since.setUTCMonth(since.getUTCMonth() - INDICATOR_MONTHS);
    for (let i = 0; i < creditCodes.length; i += 1000) {
      const rows = await profilesDb(ex)
        .selectFrom('regulation_complaint')
        .select(['credit_code', (eb) => eb.fn.countAll<string>().as('n')])
        .where('credit_code', 'in', creditCodes.slice(i, i + 1000))
        .where('unlinked_at', 'is', null)
        .where('received_at', '>=', since)
        .groupBy('credit_code')
        .execute();
      for (const r of rows) out.set(r.credit_code, { complaints12m: Number(r.n) });
    }
    return out;
  };

  /**
   * A case was registered (the flow calls this in the event's transaction): a 投诉 or 举报 that names
   * an entity by credit code or exact registered name is linked to it. A repeat call (重复件) is left
   * to its original, so one grievance counts once against the entity.
   */
  async onRegistered(trx: Tx, c: ComplaintFacts): Promise<number> {
    const objects = this.ctx.ports.objects;
    if (!objects || !COMPLAINT_KINDS.has(c.kind) || c.duplicateOf) return 0;
    let linked = 0;
    for (const m of await entitiesNamedIn(trx, objects, `${c.title}\n${c.content}`, c.regionCode)) if (await this.insert(trx, c, m.object, m.by, SYSTEM_PRINCIPAL)) linked++;
    return linked;
  }

  /** The complaints about one entity, newest first. */
  async of(ex: Executor, creditCode: string): Promise<ComplaintView[]> {
    const rows = await profilesDb(ex)
      .selectFrom('regulation_complaint')
      .selectAll()
      .where('credit_code', '=', creditCode)
      .where('unlinked_at', 'is', null)
      .orderBy('received_at', 'desc')
      .orderBy('id', 'desc')
      .limit(200)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      caseId: r.case_id,
      caseNumber: r.case_number,
      kind: r.case_kind,
      summary: r.summary,
      receivedAt: iso(r.received_at)!,
      matchedBy: r.matched_by,
      linkedByName: r.linked_by_name,
      linkedAt: iso(r.linked_at)!,
      clueTaskId: r.clue_task_id,
      clueAt: iso(r.clue_at),
    }));
  }

  /** 手动关联: a regulator links a case (by its number) to an entity the flow did not match. */
  async linkByHand(who: Principal, object: SupervisionObject, caseNumber: string, requestId?: string): Promise<ComplaintView> {
    const { k, policy } = this.ctx;
    assertAllowed(policy, who, 'regulation.plan', { regionCode: object.regionCode });
    if (!this.source) throw ProfilesErrors.casesUnavailable();
    const c = await this.source.facts(k.db, caseNumber);
    if (!c) throw ProfilesErrors.caseUnknown();
    if (!policy.can(who, 'regulation.read', { regionCode: c.regionCode })) throw ProfilesErrors.caseOutsideRegion();
    if (!COMPLAINT_KINDS.has(c.kind)) throw ProfilesErrors.caseNotComplaint();
    const id = await k.db.transaction().execute(async (trx) => {
      const prior = await profilesDb(trx)
        .selectFrom('regulation_complaint')
        .select(['id', 'unlinked_at'])
        .where('credit_code', '=', object.creditCode)
        .where('case_id', '=', c.id)
        .forUpdate()
        .executeTakeFirst();
      if (prior && !prior.unlinked_at) throw ProfilesErrors.alreadyLinked();
      if (!prior) return (await this.insert(trx, c, object, 'manual', who, requestId))!;
      const now = k.clock.now();
      await profilesDb(trx)
        .updateTable('regulation_complaint')
        .set({ unlinked_at: null, matched_by: 'manual', linked_by: who.accountId, linked_by_name: who.name, linked_at: now })
        .where('id', '=', prior.id)
        .execute();
      await this.traced(trx, who, 'linked', prior.id, c.regionCode, { creditCode: object.creditCode, caseNumber: c.number, matchedBy: 'manual' }, requestId);
      await this.ctx.ports.credit?.recomputeLater(trx, object.creditCode, `complaint:${c.number}`);
      return prior.id;
    });
    return (await this.of(k.db, object.creditCode)).find((x) => x.id === id)!;
  }

  /** 取消关联: the link was wrong; the row stays (unlinked) so the flow does not link it again. */
  async unlink(who: Principal, creditCode: string, id: string, requestId?: string): Promise<void> {
    const { k, policy } = this.ctx;
    await k.db.transaction().execute(async (trx) => {
      const row = await profilesDb(trx).selectFrom('regulation_complaint').selectAll().where('id', '=', id).where('credit_code', '=', creditCode).forUpdate().executeTakeFirst();
      if (!row || row.unlinked_at) throw ProfilesErrors.complaintUnknown();
      assertAllowed(policy, who, 'regulation.plan', { regionCode: row.region_code });
      await profilesDb(trx).updateTable('regulation_complaint').set({ unlinked_at: k.clock.now() }).where('id', '=', id).execute();
      await this.traced(trx, who, 'unlinked', id, row.region_code, { creditCode, caseNumber: row.case_number }, requestId);
      await this.ctx.ports.credit?.recomputeLater(trx, creditCode, `complaint-unlinked:${row.case_number}`);
    });
  }

  /**
   * 线索: a regulator starts an inspection from a complaint, with inspectors from the 名录库 of one
   * department (回避 of related inspectors holds here too), due on a working day.
   */
  async startInspection(who: Principal, id: string, input: ClueInput, requestId?: string): Promise<{ taskId: string }> {
    const { k, policy } = this.ctx;
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) throw ProfilesErrors.complaintUnknown();
    const row = await profilesDb(k.db).selectFrom('regulation_complaint').selectAll().where('id', '=', id).where('unlinked_at', 'is', null).executeTakeFirst();
    if (!row) throw ProfilesErrors.complaintUnknown();
    assertAllowed(policy, who, 'regulation.plan', { regionCode: row.region_code });
    if (row.clue_task_id) throw ProfilesErrors.clueExists();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(input.dueOn) || Number.isNaN(Date.parse(`${input.dueOn}T00:00:00Z`)) || new Date(`${input.dueOn}T00:00:00Z`).toISOString().slice(0, 10) !== input.dueOn)
      throw ProfilesErrors.badDate();
    if (input.dueOn < cstDate(k.clock.now())) throw ProfilesErrors.dueInPast(input.dueOn);
    if (!(await k.calendar.isWorkingDay(input.dueOn))) throw ProfilesErrors.dueNotWorkingDay(input.dueOn);
    const departmentId = input.departmentId ?? who.departmentId;
    if (!departmentId) throw Errors.validation([{ path: '/departmentId', message: 'name the department that inspects / 请指定检查部门' }]);
    const inspectors = need(this.ctx, 'inspectors');
    const tasks = need(this.ctx, 'tasks');
    // The regulator's jurisdiction, not the complaint's street: inspectors sit with their department.
    const pool = new Set((await inspectors.pool(k.db, { departmentIds: [departmentId], regionCode: who.regionCode })).map((i) => i.id));
    input.inspectorIds.forEach((x, i) => {
      if (!pool.has(x)) throw ProfilesErrors.inspectorNotEligible(i);
    });
    const related = (await inspectors.relations(k.db, [row.credit_code])).get(row.credit_code) ?? new Set<string>();
    input.inspectorIds.forEach((x, i) => {
      if (related.has(x)) throw ProfilesErrors.inspectorRelated(i);
    });
    const itemIds = input.itemIds ?? [];
    if (itemIds.length) {
      const known = new Set((await need(this.ctx, 'items').get(k.db, itemIds)).map((i) => i.id));
      const bad = itemIds.findIndex((x) => !known.has(x));
      if (bad >= 0) throw Errors.validation([{ path: `/itemIds/${bad}`, message: 'unknown 监管事项 / 监管事项不存在' }]);
    }
    return k.db.transaction().execute(async (trx) => {
      const [taskId] = await tasks.create(trx, [
        {
          kind: 'clue',
          creditCode: row.credit_code,
          objectName: row.entity_name,
          regionCode: row.region_code,
          itemIds,
          inspectorIds: input.inspectorIds,
          departmentIds: [departmentId],
          source: { kind: 'case', ref: row.case_id, label: row.case_number },
          dueOn: input.dueOn,
        },
      ]);
      const r = await profilesDb(trx)
        .updateTable('regulation_complaint')
        .set({ clue_task_id: taskId, clue_at: k.clock.now() })
        .where('id', '=', id)
        .where('clue_task_id', 'is', null)
        .executeTakeFirst();
      // Two regulators at once: the second finds the clue taken, and its task is rolled back with it.
      if (Number(r.numUpdatedRows) === 0) throw ProfilesErrors.clueExists();
      await this.traced(
        trx,
        who,
        'clue-raised',
        id,
        row.region_code,
        { creditCode: row.credit_code, caseNumber: row.case_number, taskId, inspectorIds: input.inspectorIds, dueOn: input.dueOn },
        requestId,
      );
      return { taskId };
    });
  }

  /** Links a case to an entity once (nothing when the pair exists, linked or unlinked); returns the new id. */
  private async insert(trx: Tx, c: ComplaintFacts, o: Pick<SupervisionObject, 'creditCode' | 'name'>, by: ComplaintMatch, who: Principal, requestId?: string): Promise<string | null> {
    const now = this.ctx.k.clock.now();
    const id = uuidv7();
    // A confidential case keeps its text inside 12345; the profile shows its title only.
    const summary = (c.confidential ? c.title : `${c.title}：${c.content}`).slice(0, 300);
    const r = await profilesDb(trx)
      .insertInto('regulation_complaint')
      .values({
        id,
        credit_code: o.creditCode,
        entity_name: o.name,
        case_id: c.id,
        case_number: c.number,
        case_kind: c.kind,
        summary,
        region_code: c.regionCode,
        received_at: c.receivedAt,
        matched_by: by,
        linked_by: who.accountId,
        linked_by_name: who === SYSTEM_PRINCIPAL ? '系统匹配' : who.name,
        linked_at: now,
      })
      .onConflict((oc) => oc.columns(['credit_code', 'case_id']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!r) return null;
    await this.traced(trx, who, 'linked', id, c.regionCode, { creditCode: o.creditCode, caseNumber: c.number, matchedBy: by }, requestId);
    await this.ctx.ports.credit?.recomputeLater(trx, o.creditCode, `complaint:${c.number}`);
    return id;
  }

  private traced(trx: Tx, who: Principal, action: string, id: string, regionCode: string, change: Record<string, unknown>, requestId?: string) {
    return this.ctx.k.recordChange(trx, {
      actor: actorOf(who),
      action,
      objectType: 'regulation.complaint',
      objectId: id,
      regionCode,
      change,
      summary: { creditCode: change.creditCode },
      requestId,
    });
  }

  /** 监管效能: complaints linked in a year and how many became 线索 inspections. */
  async figures(ex: Executor, regionCode: string, year: number): Promise<{ linked: number; entities: number; clues: number; byMatch: Record<ComplaintMatch, number> }> {
    const from = new Date(`${year}-01-01T00:00:00+08:00`);
    const to = new Date(`${year + 1}-01-01T00:00:00+08:00`);
    const rows = await profilesDb(ex)
      .selectFrom('regulation_complaint')
      .select(['matched_by', (eb) => eb.fn.countAll<string>().as('n'), sql<string>`count(clue_task_id)`.as('clues')])
      .where('region_code', 'like', `${regionCode}%`)
      .where('unlinked_at', 'is', null)
      .where('received_at', '>=', from)
      .where('received_at', '<', to)
      .groupBy('matched_by')
      .execute();
    const byMatch: Record<ComplaintMatch, number> = { 'credit-code': 0, name: 0, manual: 0 };
    let clues = 0;
    for (const r of rows) {
      byMatch[r.matched_by] = Number(r.n);
      clues += Number(r.clues);
    }
    const entities = await profilesDb(ex)
      .selectFrom('regulation_complaint')
      .select(sql<string>`count(DISTINCT credit_code)`.as('n'))
      .where('region_code', 'like', `${regionCode}%`)
      .where('unlinked_at', 'is', null)
      .where('received_at', '>=', from)
      .where('received_at', '<', to)
      .executeTakeFirstOrThrow();
    return { linked: byMatch['credit-code'] + byMatch.name + byMatch.manual, entities: Number(entities.n), clues, byMatch };
  }
}
