import type { Selectable } from 'kysely';
import { sql } from 'kysely';
import { newId as uuidv7 } from '../../../kernel/ids/index.ts';
import type { Executor } from '../../../kernel/db/index.ts';
import { MAX_PAGE, decodeCursor, pageOf } from '../../../kernel/paging/index.ts';
import { actorOf, assertAllowed, regionWithin, type Principal } from '../../../kernel/policy/index.ts';
import { need, type RegulationContext } from '../area.ts';
import type { NewTask } from '../ports.ts';
import { avoidanceText, byCodeUnits, candidatesText, canonicalJson, commitmentText, field, inspectorsText, type AvoidancePair, type Commitment, type CommittedPlan } from './canonical.ts';
import { DrawErrors } from './errors.ts';
import { PLAN_COMMITTED, PLAN_DRAWN } from './events.ts';
import { sm3Hex } from './hash.ts';
import { drawFromFrozen, loadFrozen } from './frozen.ts';
import { MAX_STEPS, STRATA, quotaOf, type DrawResult } from './sortition.ts';
import { drawsDb, type RegulationPlanTable } from './tables.ts';

export type PlanRow = Selectable<RegulationPlanTable>;
export type Klass = (typeof STRATA)[number];

/** A plan as the regulator writes it; rates in per cent (0–100, two decimals at most). */
export interface PlanInput {
  name: string;
  year: number;
  batch: number;
  checkType: 'directed' | 'undirected';
  itemIds: string[];
  scope: { regionCodes: string[]; entityTypes?: string[]; industries?: string[] };
  startsOn: string;
  endsOn: string;
  leadDepartmentId: string;
  jointDepartmentIds?: string[];
  rates: Record<Klass, { percent: number; min?: number }>;
  inspectorsPerObject: number;
}

export interface CommitInput {
  seedSources: { name: string; count: number }[];
  seedAvailableAt: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const realDay = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);
const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);
const CHUNK = 1000;

/** The plan's parameters exactly as they are committed and published. */
export function committedPlan(p: PlanRow): CommittedPlan {
  return {
    number: p.number,
    name: p.name,
    regionCode: p.region_code,
    year: p.year,
    batch: p.batch,
    checkType: p.check_type,
    itemIds: p.item_ids,
    scope: p.scope,
    startsOn: p.starts_on,
    endsOn: p.ends_on,
    leadDepartmentId: p.lead_department_id,
    jointDepartmentIds: p.joint_department_ids,
    rates: p.rates,
    inspectorsPerObject: p.inspectors_per_object,
  };
}

/**
 * 抽查计划: written as a draft, then 冻结并公布 (commit: the candidates, the inspector pool, the
 * 回避 pairs and the future seed source, all public from then on), then drawn once on the seed
 * values published after the declared time. The draw creates its tasks in the same transaction.
 */
export class Plans {
  constructor(private readonly ctx: RegulationContext) {}

  private get k() {
    return this.ctx.k;
  }

  async row(ex: Executor, id: string, lock = false): Promise<PlanRow> {
    if (!UUID.test(id)) throw DrawErrors.notFound();
    let q = drawsDb(ex).selectFrom('regulation_plan').selectAll().where('id', '=', id);
    if (lock) q = q.forUpdate();
    const r = await q.executeTakeFirst();
    if (!r) throw DrawErrors.notFound();
    return r;
  }

  private regionOf(who: Principal): string {
    return who.regionCode || this.k.config.regionCode;
  }

  /** Staff of the plan's region (or above) with `permission`; others get 404 so ids are not probed. */
  private assertSees(who: Principal, p: PlanRow, permission: string): void {
    assertAllowed(this.ctx.policy, who, permission, { regionCode: p.region_code });
    if (!regionWithin(p.region_code, who.regionCode)) throw DrawErrors.notFound();
  }

  /** Checks a plan before anything is written: dates, departments, scope, and the 随机抽查事项. */
  private async check(ex: Executor, regionCode: string, input: PlanInput): Promise<void> {
    if (!realDay(input.startsOn) || !realDay(input.endsOn) || input.endsOn < input.startsOn || !input.startsOn.startsWith(String(input.year))) throw DrawErrors.dates();
    const joint = input.jointDepartmentIds ?? [];
    joint.forEach((d, i) => {
      if (d === input.leadDepartmentId || joint.indexOf(d) !== i) throw DrawErrors.jointOverlap(i);
    });
    const depts = await this.ctx.org.departmentNames([input.leadDepartmentId, ...joint], ex);
    const known = (id: string) => {
      const u = depts.get(id);
      return !!u && u.active && regionWithin(u.regionCode, regionCode.slice(0, 4)) && (regionWithin(u.regionCode, regionCode) || regionWithin(regionCode, u.regionCode));
    };
    if (!known(input.leadDepartmentId)) throw DrawErrors.unknownDepartment('/leadDepartmentId');
    joint.forEach((d, i) => {
      if (!known(d)) throw DrawErrors.unknownDepartment(`/jointDepartmentIds/${i}`);
    });
    input.scope.regionCodes.forEach((r, i) => {
      if (!regionWithin(r, regionCode)) throw DrawErrors.scopeOutside(i);
    });
    const items = await need(this.ctx, 'items').get(ex, input.itemIds);
    const byId = new Map(items.map((x) => [x.id, x]));
    const departments = new Set([input.leadDepartmentId, ...joint]);
    input.itemIds.forEach((id, i) => {
      const item = byId.get(id);
      // A deactivated 监管事项 is off the published list: no new plan may name it.
      if (!item || !item.active) throw DrawErrors.unknownItem(i);
      if (!item.randomCheck) throw DrawErrors.notRandomItem(i, item.name);
      if (!departments.has(item.departmentId)) throw DrawErrors.itemOfOtherDepartment(i, item.name);
    });
  }

  async create(who: Principal, input: PlanInput, requestId?: string): Promise<{ id: string; number: string }> {
    const regionCode = this.regionOf(who);
    assertAllowed(this.ctx.policy, who, 'regulation.plan', { regionCode });
    return this.k.db.transaction().execute(async (trx) => {
      await this.check(trx, regionCode, input);
      const id = uuidv7();
      const now = this.k.clock.now();
      const seq = (await sql<{ n: string }>`SELECT nextval('regulation_plan_seq') AS n`.execute(trx)).rows[0].n;
      const number = `${regionCode}-CC-${input.year}-${String(seq).padStart(5, '0')}`;
      const rates = Object.fromEntries(STRATA.map((c) => [c, { bp: Math.round(input.rates[c].percent * 100), min: input.rates[c].min ?? 0 }]));
      const scope = { regionCodes: [...new Set(input.scope.regionCodes)], entityTypes: input.scope.entityTypes ?? [], industries: input.scope.industries ?? [] };
      await drawsDb(trx)
        .insertInto('regulation_plan')
        .values({
          id,
          region_code: regionCode,
          number,
          name: input.name,
          year: input.year,
          batch: input.batch,
          check_type: input.checkType,
          item_ids: [...new Set(input.itemIds)],
          scope: JSON.stringify(scope),
          starts_on: input.startsOn,
          ends_on: input.endsOn,
          lead_department_id: input.leadDepartmentId,
          joint_department_ids: input.jointDepartmentIds ?? [],
          rates: JSON.stringify(rates),
          inspectors_per_object: input.inspectorsPerObject,
          state: 'draft',
          created_by: who.accountId,
          created_at: now,
          updated_at: now,
        })
        .execute();
      await this.k.recordChange(trx, {
        actor: actorOf(who),
        action: 'created',
        objectType: 'regulation.plan',
        objectId: id,
        regionCode,
        change: { number, ...input },
        summary: { number },
        requestId,
      });
      return { id, number };
    });
  }

  /**
   * 冻结并公布: freezes the candidates (scope × current credit classes, credit-code order), the
   * inspector pool of the lead and joint departments, and the 回避 pairs (declared relations and
   * the last inspectors), each with its SM3 digest, and declares the future seed source.
   */
  async commit(who: Principal, id: string, input: CommitInput, requestId?: string, opts: { now?: Date } = {}) {
    const now = opts.now ?? this.k.clock.now();
    return this.k.db.transaction().execute(async (trx) => {
      const p = await this.row(trx, id, true);
      this.assertSees(who, p, 'regulation.plan');
      if (p.state !== 'draft') throw DrawErrors.state(p.state);
      const availableAt = new Date(input.seedAvailableAt);
      if (Number.isNaN(availableAt.getTime()) || availableAt.getTime() <= now.getTime()) throw DrawErrors.seedTimePast();

      const objects = await need(this.ctx, 'objects').inScope(trx, p.scope);
      const sorted = [...objects].sort((a, b) => byCodeUnits(a.creditCode, b.creditCode)).filter((o, i, all) => i === 0 || all[i - 1].creditCode !== o.creditCode);
      if (!sorted.length) throw DrawErrors.noCandidates();
      const codes = sorted.map((o) => o.creditCode);
      const classes = await need(this.ctx, 'credit').classes(trx, codes);
      const candidates = sorted.map((o) => ({ creditCode: o.creditCode, class: classes.get(o.creditCode) ?? 'B', name: field(o.name), entityType: o.entityType, regionCode: o.regionCode }));
      for (const c of STRATA) {
        if (quotaOf(candidates.filter((x) => x.class === c).length, p.rates[c]) > MAX_STEPS) throw DrawErrors.stratumTooLarge(c);
      }

      const inspectorsPort = need(this.ctx, 'inspectors');
      const pool = (await inspectorsPort.pool(trx, { departmentIds: [p.lead_department_id, ...p.joint_department_ids], regionCode: p.region_code }))
        .filter((x) => x.active)
        .map((x) => ({ id: x.id, certificateNo: field(x.certificateNo), departmentId: x.departmentId, name: field(x.name) }))
        .sort((a, b) => byCodeUnits(a.certificateNo, b.certificateNo) || byCodeUnits(a.id, b.id));
      if (pool.length < p.inspectors_per_object) throw DrawErrors.poolTooSmall(pool.length, p.inspectors_per_object);
      const inPool = new Set(pool.map((x) => x.id));
      const relations = await inspectorsPort.relations(trx, codes);
      const last = await need(this.ctx, 'tasks').lastInspectors(trx, codes);
      const pairs: AvoidancePair[] = [];
      for (const [creditCode, ids] of relations) for (const inspectorId of ids) if (inPool.has(inspectorId)) pairs.push({ creditCode, inspectorId, reason: 'relation' });
      for (const [creditCode, ids] of last) for (const inspectorId of new Set(ids)) if (inPool.has(inspectorId)) pairs.push({ creditCode, inspectorId, reason: 'last' });

      const candidatesDigest = sm3Hex(candidatesText(candidates));
      const inspectorsDigest = sm3Hex(inspectorsText(pool));
      const avoidanceDigest = sm3Hex(avoidanceText(pairs));
      const commitment: Commitment = {
        plan: committedPlan(p),
        candidatesDigest,
        inspectorsDigest,
        avoidanceDigest,
        seedSources: input.seedSources,
        seedAvailableAt: availableAt.toISOString(),
      };
      const commitmentDigest = sm3Hex(commitmentText(commitment));

      const db = drawsDb(trx);
      for (let i = 0; i < candidates.length; i += CHUNK)
        await db
          .insertInto('regulation_plan_candidate')
          .values(
            candidates.slice(i, i + CHUNK).map((c, j) => ({
              plan_id: id,
              ord: i + j,
              credit_code: c.creditCode,
              name: c.name,
              entity_type: c.entityType,
              region_code: c.regionCode,
              credit_class: c.class,
            })),
          )
          .execute();
      await db
        .insertInto('regulation_plan_inspector')
        .values(pool.map((x, ord) => ({ plan_id: id, ord, inspector_id: x.id, name: x.name, certificate_no: x.certificateNo, department_id: x.departmentId })))
        .execute();
      for (let i = 0; i < pairs.length; i += CHUNK)
        await db
          .insertInto('regulation_plan_avoidance')
          .values(pairs.slice(i, i + CHUNK).map((a) => ({ plan_id: id, credit_code: a.creditCode, inspector_id: a.inspectorId, reason: a.reason })))
          .execute();
      await db
        .updateTable('regulation_plan')
        .set({
          state: 'committed',
          seed_sources: JSON.stringify(input.seedSources),
          seed_available_at: availableAt,
          candidates_count: candidates.length,
          candidates_digest: candidatesDigest,
          inspectors_digest: inspectorsDigest,
          avoidance_digest: avoidanceDigest,
          commitment_digest: commitmentDigest,
          committed_at: now,
          updated_at: now,
        })
        .where('id', '=', id)
        .execute();
      // The digests go into the audit ledger too: a writer who edits the frozen rows and the digest
      // columns still cannot rewrite the chained entry.
      await this.k.recordChange(trx, {
        actor: actorOf(who),
        action: 'committed',
        objectType: 'regulation.plan',
        objectId: id,
        regionCode: p.region_code,
        change: {
          state: 'committed',
          candidates: candidates.length,
          inspectors: pool.length,
          avoidancePairs: pairs.length,
          candidatesDigest,
          inspectorsDigest,
          avoidanceDigest,
          commitmentDigest,
          seedSources: input.seedSources,
          seedAvailableAt: commitment.seedAvailableAt,
        },
        summary: { number: p.number },
        event: { topic: PLAN_COMMITTED, payload: { id, number: p.number, commitmentDigest, seedAvailableAt: commitment.seedAvailableAt } },
        requestId,
      });
      const short = await this.shortCount(trx, id, p.inspectors_per_object);
      return { state: 'committed', candidates: candidates.length, inspectors: pool.length, avoidancePairs: pairs.length, commitmentDigest, shortOfInspectors: short };
    });
  }

  /** Candidates that, if drawn, would have fewer eligible inspectors than needed (shown as a warning). */
  private async shortCount(ex: Executor, id: string, perObject: number): Promise<number> {
    const f = await loadFrozen(ex, id);
    let n = 0;
    for (const c of f.candidates) if (f.inspectors.length - (f.avoid.get(c.creditCode)?.size ?? 0) < perObject) n++;
    return n;
  }

  /**
   * The draw, once, on the published seed values after the declared time. The result, its key and
   * per-step digests are stored and the tasks created in the same transaction; any failure (too few
   * eligible inspectors, a task refused) stores nothing.
   */
  async draw(who: Principal, id: string, input: { values: number[][] }, requestId?: string, opts: { now?: Date } = {}) {
    const now = opts.now ?? this.k.clock.now();
    return this.k.db.transaction().execute(async (trx) => {
      const p = await this.row(trx, id, true);
      this.assertSees(who, p, 'regulation.plan');
      if (p.state === 'drawn') throw DrawErrors.alreadyDrawn();
      if (p.state !== 'committed') throw DrawErrors.state(p.state);
      if (now.getTime() < new Date(p.seed_available_at!).getTime()) throw DrawErrors.seedNotYet(iso(p.seed_available_at)!);
      const sources = p.seed_sources ?? [];
      if (input.values.length !== sources.length)
        throw DrawErrors.seedValues('/values', `应填写 ${sources.length} 个来源的号码`, `Values of ${sources.length} sources are needed, in the declared order`);
      input.values.forEach((v, i) => {
        if (v.length !== sources[i].count) throw DrawErrors.seedValues(`/values/${i}`, `「${sources[i].name}」应有 ${sources[i].count} 个号码`, `"${sources[i].name}" has ${sources[i].count} numbers`);
      });
      const frozen = await loadFrozen(trx, id);
      const { key, result } = drawFromFrozen(p, frozen, input.values);
      const resultDigest = sm3Hex(canonicalResult(result));
      const byCode = new Map(frozen.candidates.map((c) => [c.creditCode, c]));
      const deptOrder = [p.lead_department_id, ...p.joint_department_ids];
      const tasks: NewTask[] = result.objects.map((o) => {
        const c = byCode.get(o.creditCode)!;
        const departments = [...new Set(o.inspectors.map((x) => x.departmentId))].sort((a, b) => deptOrder.indexOf(a) - deptOrder.indexOf(b));
        return {
          kind: 'random',
          creditCode: o.creditCode,
          objectName: c.name,
          regionCode: c.regionCode,
          itemIds: p.item_ids,
          inspectorIds: o.inspectors.map((x) => x.id),
          departmentIds: departments,
          planId: id,
          source: { kind: 'plan', ref: p.number, label: p.name },
          dueOn: p.ends_on,
        };
      });
      const taskIds = tasks.length ? await need(this.ctx, 'tasks').create(trx, tasks) : [];
      await drawsDb(trx)
        .insertInto('regulation_draw')
        .values({
          plan_id: id,
          region_code: p.region_code,
          seed_values: JSON.stringify(input.values),
          key,
          result: JSON.stringify(result),
          result_digest: resultDigest,
          task_ids: taskIds,
          drawn_by: who.accountId,
          drawn_at: now,
        })
        .execute();
      await drawsDb(trx).updateTable('regulation_plan').set({ state: 'drawn', drawn_at: now, updated_at: now }).where('id', '=', id).execute();
      await this.k.recordChange(trx, {
        actor: actorOf(who),
        action: 'drawn',
        objectType: 'regulation.plan',
        objectId: id,
        regionCode: p.region_code,
        change: { state: 'drawn', values: input.values, key, resultDigest, objects: result.objects.map((o) => [o.creditCode, o.inspectors.map((x) => x.id)]), taskIds },
        summary: { number: p.number },
        event: { topic: PLAN_DRAWN, payload: { id, number: p.number, objects: result.objects.length, tasks: taskIds.length, resultDigest } },
        requestId,
      });
      return { state: 'drawn', key, resultDigest, objects: result.objects.length, tasks: taskIds.length };
    });
  }

  /** A draft, or a committed plan that cannot be drawn (e.g. too few eligible inspectors), is cancelled in the open. */
  async cancel(who: Principal, id: string, reason: string, requestId?: string) {
    return this.k.db.transaction().execute(async (trx) => {
      const p = await this.row(trx, id, true);
      this.assertSees(who, p, 'regulation.plan');
      if (p.state === 'drawn') throw DrawErrors.alreadyDrawn();
      if (p.state === 'cancelled') throw DrawErrors.state(p.state);
      const now = this.k.clock.now();
      await drawsDb(trx).updateTable('regulation_plan').set({ state: 'cancelled', updated_at: now }).where('id', '=', id).execute();
      await this.k.recordChange(trx, {
        actor: actorOf(who),
        action: 'cancelled',
        objectType: 'regulation.plan',
        objectId: id,
        regionCode: p.region_code,
        change: { state: 'cancelled', from: p.state, reason },
        summary: { number: p.number },
        requestId,
      });
      return { state: 'cancelled' };
    });
  }

  /** The region's plans for staff, newest first (keyset on id). */
  async list(who: Principal, q: { after?: string; limit?: number; state?: string }) {
    const regionCode = this.regionOf(who);
    assertAllowed(this.ctx.policy, who, 'regulation.read', { regionCode });
    const limit = Math.min(q.limit ?? 50, MAX_PAGE);
    const after = decodeCursor(q.after, 1);
    let s = drawsDb(this.k.db).selectFrom('regulation_plan').selectAll().where('region_code', 'like', `${regionCode}%`);
    if (q.state) s = s.where('state', '=', q.state);
    if (after) s = s.where('id', '<', String(after[0]));
    const rows = await s
      .orderBy('id', 'desc')
      .limit(limit + 1)
      .execute();
    const page = pageOf(rows, limit, (r) => [r.id]);
    return { items: await this.views(page.items), next: page.next };
  }

  async get(who: Principal, id: string) {
    const p = await this.row(this.k.db, id);
    this.assertSees(who, p, 'regulation.read');
    const [view] = await this.views([p]);
    const d = await drawsDb(this.k.db).selectFrom('regulation_draw').select(['task_ids', 'result_digest', 'key']).where('plan_id', '=', id).executeTakeFirst();
    return { ...view, tasks: d?.task_ids.length ?? null, key: d?.key ?? null, resultDigest: d?.result_digest ?? null };
  }

  /** Plans as lists show them, with department names. */
  async views(rows: PlanRow[]) {
    const names = await this.ctx.org.departmentNames([...new Set(rows.flatMap((r) => [r.lead_department_id, ...r.joint_department_ids]))]);
    const dept = (id: string) => ({ id, name: names.get(id)?.name ?? id, nameEn: names.get(id)?.nameEn ?? null });
    return rows.map((r) => ({
      id: r.id,
      ...committedPlan(r),
      rates: Object.fromEntries(STRATA.map((c) => [c, { percent: r.rates[c].bp / 100, min: r.rates[c].min }])) as Record<Klass, { percent: number; min: number }>,
      lead: dept(r.lead_department_id),
      joint: r.joint_department_ids.map(dept),
      state: r.state,
      seedSources: r.seed_sources,
      seedAvailableAt: iso(r.seed_available_at),
      candidatesCount: r.candidates_count,
      commitmentDigest: r.commitment_digest,
      createdAt: iso(r.created_at)!,
      committedAt: iso(r.committed_at),
      drawnAt: iso(r.drawn_at),
    }));
  }
}

/** The result is hashed as canonical JSON, like the commitment. */
export const canonicalResult = (r: DrawResult) => canonicalJson(r);
