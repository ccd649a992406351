import type { Selectable } from 'kysely';
import { sql } from 'kysely';
import { newId as uuidv7 } from '../../../kernel/ids/index.ts';
import type { Executor, Tx } from '../../../kernel/db/index.ts';
import { Errors } from '../../../kernel/http/errors.ts';
import type { Kernel } from '../../../kernel/index.ts';
import { decodeCursor, pageOf } from '../../../kernel/paging/index.ts';
import { actorOf, assertAllowed, regionWithin, type Policy, type Principal } from '../../../kernel/policy/index.ts';
import type { OrgService } from '../../org/index.ts';
import { need, type RegulationContext } from '../area.ts';
import type { SupervisionItemRef } from '../ports.ts';
import { ItemsErrors } from './errors.ts';
import { ITEM_ACTIVATED, ITEM_CREATED, ITEM_DEACTIVATED, ITEM_UPDATED } from './events.ts';
import type { CheckMethod, ItemLevel } from './methods.ts';
import { itemsDb, type RegulationItemTable } from './tables.ts';

/** A 监管事项 as the regulator enters it. */
export interface ItemInput {
  code: string;
  name: string;
  /** 设定依据: the law and article the item rests on. */
  basis: string;
  /** 实施部门. */
  departmentId: string;
  level: ItemLevel;
  methods: CheckMethod[];
  /** 检查对象类型 (市场主体 types or fields: 食品经营者, 特种设备使用单位 …). */
  entityTypes?: string[];
  /** 检查内容. */
  content?: string;
  /** In the 随机抽查事项清单. */
  randomCheck?: boolean;
  /** 照单监管: the 行政许可 service item codes it follows. */
  licensingItemCodes?: string[];
  /** 告知承诺 核查 within this many working days (null: none). */
  commitmentVerifyDays?: number | null;
}

export interface ItemView extends SupervisionItemRef {
  regionCode: string;
  basis: string;
  departmentName: string;
  methods: CheckMethod[];
  entityTypes: string[];
  content: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface ItemQuery {
  q?: string;
  department?: string;
  level?: ItemLevel;
  randomCheck?: boolean;
  active?: boolean;
  after?: string;
  limit?: number;
}

/** 照单监管: one 行政许可 item with the 监管事项 that follow it (none: missing). */
export interface CoverageRow {
  code: string;
  name: string;
  departmentId: string;
  departmentName: string;
  supervisionItems: { id: string; code: string; name: string }[];
}

export interface Coverage {
  regionCode: string;
  licensingItems: number;
  covered: number;
  missing: number;
  /** Missing first, then by code. */
  items: CoverageRow[];
  /** Links to codes that are not (or no longer) active 行政许可 items of the region. */
  staleLinks: { itemId: string; itemCode: string; licensingItemCode: string }[];
}

type Row = Selectable<RegulationItemTable>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const refOf = (r: Row): SupervisionItemRef => ({
  id: r.id,
  code: r.code,
  name: r.name,
  departmentId: r.department_id,
  level: r.level,
  randomCheck: r.random_check,
  licensingItemCodes: r.licensing_item_codes,
  commitmentVerifyDays: r.commitment_verify_days,
  active: r.active,
});

/**
 * 监管事项清单: the items every department supervises, with their basis, methods and the 行政许可
 * they follow (照单监管). Reading is for anyone with regulation.read in the region; keeping an item
 * is for its 实施部门 (or a region-wide administrator), so one bureau cannot rewrite another's list.
 */
export class SupervisionItems {
  private readonly k: Kernel;
  private readonly policy: Policy;
  private readonly org: OrgService;

  constructor(private readonly ctx: RegulationContext) {
    this.k = ctx.k;
    this.policy = ctx.policy;
    this.org = ctx.org;
  }

  /* ------------------------------------------------------------------ reads */

  async list(who: Principal, q: ItemQuery): Promise<{ items: ItemView[]; next: string | null; total: number }> {
    const region = this.regionOf(who);
    const limit = q.limit ?? 20;
    let query = itemsDb(this.k.db).selectFrom('regulation_item').where('region_code', 'like', `${region}%`);
    const text = q.q?.trim();
    if (text) {
      const like = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      query = query.where((eb) => eb.or([eb('name', 'ilike', like), eb('code', 'ilike', like), eb('basis', 'ilike', like)]));
    }
    if (q.department) query = query.where('department_id', '=', q.department);
    if (q.level) query = query.where('level', '=', q.level);
    if (q.randomCheck !== undefined) query = query.where('random_check', '=', q.randomCheck);
    if (q.active !== undefined) query = query.where('active', '=', q.active);
    const { n } = await query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    const after = decodeCursor(q.after, 2);
    if (after) query = query.where(sql<boolean>`(code, id) > (${String(after[0])}, ${String(after[1])}::uuid)`);
    const rows = await query
      .selectAll()
      .orderBy('code')
      .orderBy('id')
      .limit(limit + 1)
      .execute();
    const pg = pageOf(rows, limit, (r) => [r.code, r.id]);
    return { items: await this.views(pg.items), next: pg.next, total: Number(n) };
  }

  async get(who: Principal, id: string): Promise<ItemView> {
    const row = await this.row(this.k.db, id);
    this.assertSees(who, row);
    return (await this.views([row]))[0];
  }

  /**
   * 照单监管: every active 行政许可 item of the region with the active 监管事项 that follow it.
   * Those with none are listed first and counted as missing.
   */
  async coverage(who: Principal, q: { department?: string; missingOnly?: boolean } = {}): Promise<Coverage> {
    const region = this.regionOf(who);
    const licensing = (await need(this.ctx, 'catalogue').licensingItems(region)).filter((l) => !q.department || l.departmentId === q.department);
    const items = await itemsDb(this.k.db)
      .selectFrom('regulation_item')
      .select(['id', 'code', 'name', 'licensing_item_codes', 'region_code'])
      .where('active', '=', true)
      .where('region_code', 'like', `${region}%`)
      .orderBy('code')
      .execute();
    const following = new Map<string, { id: string; code: string; name: string }[]>();
    for (const it of items) for (const c of it.licensing_item_codes) following.set(c, [...(following.get(c) ?? []), { id: it.id, code: it.code, name: it.name }]);
    const names = await this.org.departmentNames([...new Set(licensing.map((l) => l.departmentId))]);
    const rows: CoverageRow[] = licensing.map((l) => ({
      code: l.code,
      name: l.name,
      departmentId: l.departmentId,
      departmentName: names.get(l.departmentId)?.name ?? '',
      supervisionItems: following.get(l.code) ?? [],
    }));
    const missing = rows.filter((r) => r.supervisionItems.length === 0).length;
    rows.sort((a, b) => Number(a.supervisionItems.length > 0) - Number(b.supervisionItems.length > 0) || a.code.localeCompare(b.code));
    const known = new Set((q.department ? await need(this.ctx, 'catalogue').licensingItems(region) : licensing).map((l) => l.code));
    const staleLinks = items.flatMap((it) => it.licensing_item_codes.filter((c) => !known.has(c)).map((c) => ({ itemId: it.id, itemCode: it.code, licensingItemCode: c })));
    return {
      regionCode: region,
      licensingItems: rows.length,
      covered: rows.length - missing,
      missing,
      items: q.missingOnly ? rows.filter((r) => r.supervisionItems.length === 0) : rows,
      staleLinks,
    };
  }

  /** The published 随机抽查事项清单 of a region: active items marked randomCheck (国发〔2019〕5号 asks it be public). */
  async publicRandomList(regionCode: string, department?: string): Promise<ItemView[]> {
    let query = itemsDb(this.k.db).selectFrom('regulation_item').selectAll().where('region_code', 'like', `${regionCode}%`).where('active', '=', true).where('random_check', '=', true);
    if (department) query = query.where('department_id', '=', department);
    const views = await this.views(await query.orderBy('code').limit(2000).execute());
    // As published lists are read: by department, then by code.
    return views.sort((a, b) => a.departmentName.localeCompare(b.departmentName, 'zh-CN') || a.code.localeCompare(b.code));
  }

  /* ------------------------------------------------------------------ writes */

  async create(who: Principal, input: ItemInput, requestId?: string): Promise<{ id: string; version: number }> {
    const region = this.regionOf(who);
    assertAllowed(this.policy, who, 'regulation.manage', { regionCode: region });
    const clean = await this.check(region, input);
    this.assertKeeps(who, clean.departmentId, region);
    const id = uuidv7();
    const now = this.k.clock.now();
    return this.k.db
      .transaction()
      .execute(async (trx) => {
        await this.assertCodeFree(trx, region, clean.code, null);
        await itemsDb(trx)
          .insertInto('regulation_item')
          .values({ id, region_code: region, ...this.columns(clean), created_by: who.accountId, created_at: now, updated_at: now })
          .execute();
        await this.record(trx, who, 'created', ITEM_CREATED, { id, region_code: region, ...this.columns(clean), active: true }, clean, requestId);
        return { id, version: 1 };
      })
      .catch((err: { code?: string }) => {
        if (err?.code === '23505') throw ItemsErrors.duplicateCode(clean.code);
        throw err;
      });
  }

  async update(who: Principal, id: string, input: ItemInput & { expectedVersion?: number }, requestId?: string): Promise<{ id: string; version: number }> {
    const before = await this.row(this.k.db, id);
    this.assertSees(who, before);
    // Both the department that keeps it now and the one it moves to must be the caller's to keep.
    this.assertKeeps(who, before.department_id, before.region_code);
    const clean = await this.check(before.region_code, input);
    this.assertKeeps(who, clean.departmentId, before.region_code);
    return this.k.db
      .transaction()
      .execute(async (trx) => {
        await this.assertCodeFree(trx, before.region_code, clean.code, id);
        const updated = await itemsDb(trx)
          .updateTable('regulation_item')
          .set({ ...this.columns(clean), version: sql`version + 1`, updated_at: this.k.clock.now() })
          .where('id', '=', id)
          .$if(input.expectedVersion !== undefined, (qb) => qb.where('version', '=', input.expectedVersion!))
          .returning(['version', 'active'])
          .executeTakeFirst();
        if (!updated) throw ItemsErrors.stale();
        await this.record(trx, who, 'updated', ITEM_UPDATED, { id, region_code: before.region_code, ...this.columns(clean), active: updated.active }, clean, requestId, before);
        return { id, version: updated.version };
      })
      .catch((err: { code?: string }) => {
        if (err?.code === '23505') throw ItemsErrors.duplicateCode(clean.code);
        throw err;
      });
  }

  /** Deactivate (停用) or activate again; never delete, as plans and tasks refer to items. */
  async setActive(who: Principal, id: string, active: boolean, expectedVersion: number | undefined, requestId?: string): Promise<{ id: string; version: number; active: boolean }> {
    const before = await this.row(this.k.db, id);
    this.assertSees(who, before);
    this.assertKeeps(who, before.department_id, before.region_code);
    if (before.active === active) throw ItemsErrors.sameState(active);
    return this.k.db.transaction().execute(async (trx) => {
      const updated = await itemsDb(trx)
        .updateTable('regulation_item')
        .set({ active, version: sql`version + 1`, updated_at: this.k.clock.now() })
        .where('id', '=', id)
        .where('active', '=', !active)
        .$if(expectedVersion !== undefined, (qb) => qb.where('version', '=', expectedVersion!))
        .returning(['version'])
        .executeTakeFirst();
      if (!updated) throw ItemsErrors.stale();
      await this.k.recordChange(trx, {
        actor: actorOf(who),
        action: active ? 'activated' : 'deactivated',
        objectType: 'regulation.item',
        objectId: id,
        regionCode: before.region_code,
        change: { active: { from: before.active, to: active } },
        event: {
          topic: active ? ITEM_ACTIVATED : ITEM_DEACTIVATED,
          payload: { id, code: before.code, departmentId: before.department_id, randomCheck: before.random_check, active },
        },
        requestId,
      });
      return { id, version: updated.version, active };
    });
  }

  /* ------------------------------------------------------------------ the port */

  async refs(ex: Executor, ids: string[]): Promise<SupervisionItemRef[]> {
    const valid = [...new Set(ids.filter((id) => UUID.test(id)))];
    if (!valid.length) return [];
    const rows = await itemsDb(ex).selectFrom('regulation_item').selectAll().where('id', 'in', valid).execute();
    return rows.map(refOf);
  }

  /** Active 监管事项 of the region (or a region above it) that follow a 行政许可 item. */
  async forLicensingItem(ex: Executor, serviceItemCode: string, regionCode: string): Promise<SupervisionItemRef[]> {
    const rows = await itemsDb(ex)
      .selectFrom('regulation_item')
      .selectAll()
      .where('active', '=', true)
      .where(sql<boolean>`licensing_item_codes @> ARRAY[${serviceItemCode}]::text[]`)
      .where(sql<boolean>`${regionCode} LIKE region_code || '%'`)
      .orderBy('code')
      .execute();
    return rows.map(refOf);
  }

  /* ------------------------------------------------------------------ helpers */

  /** The region a staff member works in; the installation's own for an installation-wide account. */
  private regionOf(who: Principal): string {
    return who.regionCode || this.k.config.regionCode;
  }

  private async row(ex: Executor, id: string): Promise<Row> {
    if (!UUID.test(id)) throw Errors.notFound('supervision item');
    const r = await itemsDb(ex).selectFrom('regulation_item').selectAll().where('id', '=', id).executeTakeFirst();
    if (!r) throw Errors.notFound('supervision item');
    return r;
  }

  private assertSees(who: Principal, row: Row): void {
    if (!regionWithin(row.region_code, this.regionOf(who))) throw Errors.notFound('supervision item');
  }

  /**
   * 监管事项 are kept by their 实施部门. The regulator role acts across its region for plans and
   * draws, but a bureau's list is its own: another department's items need a region-wide
   * administrator (one who keeps the region's departments, org.manage) or the platform administrator.
   */
  private assertKeeps(who: Principal, departmentId: string, regionCode: string): void {
    assertAllowed(this.policy, who, 'regulation.manage', { regionCode, departmentId });
    if (who.departmentId === departmentId) return;
    if (who.permissions.has('*') || this.policy.can(who, 'org.manage', { regionCode })) return;
    throw ItemsErrors.notYourDepartment();
  }

  /** Checks what the schema cannot: the department, repeats, and the 行政许可 codes against the catalogue. */
  private async check(region: string, input: ItemInput): Promise<Required<ItemInput>> {
    const dept = (await this.org.departmentNames([input.departmentId])).get(input.departmentId);
    if (!dept || !dept.active || !(regionWithin(dept.regionCode, region) || regionWithin(region, dept.regionCode))) throw ItemsErrors.unknownDepartment();
    const trim = (xs: string[] | undefined) => (xs ?? []).map((x) => x.trim());
    const methods = input.methods;
    const entityTypes = trim(input.entityTypes).filter((x) => x);
    const codes = trim(input.licensingItemCodes).filter((x) => x);
    for (const [path, xs] of [
      ['/methods', methods],
      ['/entityTypes', entityTypes],
      ['/licensingItemCodes', codes],
    ] as const)
      if (new Set(xs).size !== xs.length) throw ItemsErrors.repeated(path);
    // The catalogue is plugged in by a flow; a module made without it (a unit test) takes the codes as given.
    const catalogue = this.ctx.ports.catalogue;
    if (catalogue && codes.length) {
      const known = new Set((await catalogue.licensingItems(region)).map((l) => l.code));
      const unknown = codes.filter((c) => !known.has(c));
      if (unknown.length) throw ItemsErrors.unknownLicensingItems(unknown);
    }
    return {
      code: input.code.trim(),
      name: input.name.trim(),
      basis: input.basis.trim(),
      departmentId: input.departmentId,
      level: input.level,
      methods,
      entityTypes,
      content: (input.content ?? '').trim(),
      randomCheck: input.randomCheck ?? false,
      licensingItemCodes: codes,
      commitmentVerifyDays: input.commitmentVerifyDays ?? null,
    };
  }

  private async assertCodeFree(trx: Tx, region: string, code: string, self: string | null): Promise<void> {
    const taken = await itemsDb(trx)
      .selectFrom('regulation_item')
      .select('id')
      .where('region_code', '=', region)
      .where('code', '=', code)
      .$if(self !== null, (qb) => qb.where('id', '<>', self!))
      .executeTakeFirst();
    if (taken) throw ItemsErrors.duplicateCode(code);
  }

  private columns(c: Required<ItemInput>) {
    return {
      code: c.code,
      name: c.name,
      basis: c.basis,
      department_id: c.departmentId,
      level: c.level,
      methods: c.methods,
      entity_types: c.entityTypes,
      content: c.content,
      random_check: c.randomCheck,
      licensing_item_codes: c.licensingItemCodes,
      commitment_verify_days: c.commitmentVerifyDays,
    };
  }

  private async record(
    trx: Tx,
    who: Principal,
    action: 'created' | 'updated',
    topic: string,
    after: { id: string; region_code: string; code: string; department_id: string; random_check: boolean; active: boolean },
    input: Required<ItemInput>,
    requestId?: string,
    before?: Row,
  ): Promise<void> {
    const change = before
      ? Object.fromEntries(
          Object.entries(this.columns(input))
            .filter(([k, v]) => JSON.stringify(before[k as keyof Row]) !== JSON.stringify(v))
            .map(([k, v]) => [k, { from: before[k as keyof Row], to: v }]),
        )
      : input;
    await this.k.recordChange(trx, {
      actor: actorOf(who),
      action,
      objectType: 'regulation.item',
      objectId: after.id,
      regionCode: after.region_code,
      change,
      event: { topic, payload: { id: after.id, code: after.code, departmentId: after.department_id, randomCheck: after.random_check, active: after.active } },
      requestId,
    });
  }

  private async views(rows: Row[]): Promise<ItemView[]> {
    const names = await this.org.departmentNames([...new Set(rows.map((r) => r.department_id))]);
    return rows.map((r) => ({
      ...refOf(r),
      regionCode: r.region_code,
      basis: r.basis,
      departmentName: names.get(r.department_id)?.name ?? '',
      methods: r.methods as CheckMethod[],
      entityTypes: r.entity_types,
      content: r.content,
      version: r.version,
      createdAt: r.created_at.toISOString(),
      updatedAt: r.updated_at.toISOString(),
    }));
  }
}
