import { sql } from 'kysely';
import { newId as uuidv7 } from '../../kernel/ids/index.ts';
import type { Executor, Tx } from '../../kernel/db/index.ts';
import { Errors } from '../../kernel/http/errors.ts';
import type { Kernel } from '../../kernel/index.ts';
import { decodeCursor, pageOf } from '../../kernel/paging/index.ts';
import { actorOf, assertAllowed, type Policy, type Principal } from '../../kernel/policy/index.ts';
import { searchVector } from '../../kernel/search/index.ts';
import { handlerProblems, isEnd, strandedStates, validateDefinition, type WorkflowDefinition } from '../../kernel/workflow/index.ts';
import type { OrgService } from '../org/index.ts';
import { ROLES } from '../org/index.ts';
import type { DepartmentNames } from '../org/index.ts';
import { APPLICATION_ACTIONS } from './application-steps.ts';
import { ServicesErrors } from './errors.ts';
import { checkFormDefinition } from './forms.ts';
import type { CatalogueQuery, ItemContent, ItemDetail, ItemInput, ItemPatch, ItemSummary } from './schema.ts';
import type { CatalogueSearch } from './search.ts';
import { servicesDb } from './tables.ts';

const ROLE_CODES = ROLES.map((r) => r.code);

/** What the SQL full-text column holds: name, aliases, code, conditions and material names (the portal searches in memory, see search.ts). */
function searchText(code: string, c: ItemContent): string {
  return [c.name, ...(c.aliases ?? []), c.nameEn ?? '', code, c.conditions, c.materials.map((m) => m.name).join(' ')].join(' ');
}

function itemColumns(code: string, c: ItemContent) {
  return {
    department_id: c.departmentId,
    name: c.name,
    name_en: c.nameEn ?? null,
    item_type: c.itemType,
    applicant_types: c.applicantTypes,
    life_events: c.lifeEvents,
    enterprise_events: c.enterpriseEvents,
    promised_days: c.promisedDays,
    visits: c.visits,
    handling: c.handling,
    search: searchVector(searchText(code, c)),
  };
}

export interface ItemVersion {
  id: string;
  itemId: string;
  version: number;
  regionCode: string;
  code: string;
  content: ItemContent;
}

/**
 * The service catalogue (事项清单). An item's elements live in versions; an edit adds a version and
 * applications keep the version they were made under. Every edit is checked (workflow, form,
 * department) before anything is written.
 */
export class Catalogue {
  private readonly versionCache = new Map<string, ItemVersion>();
  constructor(
    private readonly k: Kernel,
    private readonly policy: Policy,
    private readonly org: OrgService,
    private readonly names: DepartmentNames,
    private readonly search: CatalogueSearch,
  ) {}

  /** Further checks of an item's content on save, plugged in by other parts of the module (秒批 rules). */
  readonly contentChecks: ((c: ItemContent) => void)[] = [];

  private async checkContent(regionCode: string, c: ItemContent, ex: Executor = this.k.db, known?: Map<string, { regionCode: string; active: boolean }>): Promise<void> {
    for (const check of this.contentChecks) check(c);
    const problems = [...validateDefinition(c.workflow, ROLE_CODES), ...handlerProblems(c.workflow, APPLICATION_ACTIONS)];
    if (problems.length) throw ServicesErrors.badWorkflow(problems.map((p) => ({ path: `/content/workflow${p.path}`, message: p.message })));
    checkFormDefinition(c.form);
    const dept = (known ?? (await this.org.departmentNames([c.departmentId], ex))).get(c.departmentId);
    if (!dept || !dept.active || !regionCode.startsWith(dept.regionCode.slice(0, 6)))
      throw Errors.validation([{ path: '/content/departmentId', message: 'unknown or inactive department of this region / 部门不存在、已停用或不属于该区划' }]);
    if (c.promisedDays > c.statutoryDays && c.statutoryDays > 0)
      throw Errors.validation([{ path: '/content/promisedDays', message: 'promised limit exceeds the statutory limit / 承诺时限不能超过法定时限' }]);
    const codes = new Set<string>();
    for (const [i, m] of c.materials.entries()) {
      if (codes.has(m.code)) throw Errors.validation([{ path: `/content/materials/${i}/code`, message: 'duplicate material code / 材料编码重复' }]);
      codes.add(m.code);
    }
  }

  async create(who: Principal, input: ItemInput, requestId?: string): Promise<ItemDetail> {
    const id = await this.k.db.transaction().execute((trx) => this.createIn(trx, who, input, requestId));
    this.changed();
    return this.get(id, true);
  }

  /**
   * Tells the search its index is stale. Called once the writing transaction has committed (an index
   * rebuilt before the commit would not see the change and would not be told again).
   */
  changed(): void {
    this.search.invalidate();
  }

  /** Creates an item inside the caller's transaction (the importer writes many in one; it calls `changed` after); returns its id. */
  async createIn(trx: Tx, who: Principal, input: ItemInput, requestId?: string): Promise<string> {
    assertAllowed(this.policy, who, 'services.manage', { regionCode: input.regionCode });
    await this.checkContent(input.regionCode, input.content, trx);
    const id = uuidv7();
    const now = this.k.clock.now();
    const inserted = await servicesDb(trx)
      .insertInto('services_item')
      .values({ id, region_code: input.regionCode, code: input.code, current_version: 1, active: true, created_at: now, updated_at: now, ...itemColumns(input.code, input.content) })
      .onConflict((oc) => oc.columns(['region_code', 'code']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) throw ServicesErrors.itemCodeTaken();
    await this.insertVersion(trx, id, 1, input.content, who, null, now);
    await this.k.recordChange(trx, {
      actor: actorOf(who),
      action: 'created',
      objectType: 'services.item',
      objectId: id,
      regionCode: input.regionCode,
      change: { code: input.code, version: 1, content: input.content },
      summary: { code: input.code, name: input.content.name },
      requestId,
    });
    return id;
  }

  /**
   * Many items at once (the demo seed, imports): every one is checked first, then one transaction
   * writes them with multi-row inserts and an audit entry each; a taken code refuses the whole batch.
   */
  async createMany(who: Principal, inputs: readonly ItemInput[], requestId?: string): Promise<string[]> {
    for (const input of inputs) assertAllowed(this.policy, who, 'services.manage', { regionCode: input.regionCode });
    const depts = await this.org.departmentNames([...new Set(inputs.map((i) => i.content.departmentId))]);
    for (const input of inputs) await this.checkContent(input.regionCode, input.content, this.k.db, depts);
    const now = this.k.clock.now();
    const ids = inputs.map(() => uuidv7());
    await this.k.db.transaction().execute(async (trx) => {
      for (let i = 0; i < inputs.length; i += 100) {
        const part = inputs.slice(i, i + 100);
        const inserted = await servicesDb(trx)
          .insertInto('services_item')
          .values(
            part.map((input, j) => ({
              id: ids[i + j],
              region_code: input.regionCode,
              code: input.code,
              current_version: 1,
              active: true,
              created_at: now,
              updated_at: now,
              ...itemColumns(input.code, input.content),
            })),
          )
          .onConflict((oc) => oc.columns(['region_code', 'code']).doNothing())
          .returning('id')
          .execute();
        if (inserted.length !== part.length) throw ServicesErrors.itemCodeTaken();
        await servicesDb(trx)
          .insertInto('services_item_version')
          .values(part.map((input, j) => ({ id: uuidv7(), item_id: ids[i + j], version: 1, content: JSON.stringify(input.content), note: null, created_by: who.accountId, created_at: now })))
          .execute();
      }
      for (const [i, input] of inputs.entries())
        await this.k.recordChange(trx, {
          actor: actorOf(who),
          action: 'created',
          objectType: 'services.item',
          objectId: ids[i],
          regionCode: input.regionCode,
          change: { code: input.code, version: 1, content: input.content },
          summary: { code: input.code, name: input.content.name },
          requestId,
        });
    });
    this.search.invalidate();
    return ids;
  }

  private insertVersion(trx: Executor, itemId: string, version: number, content: ItemContent, who: Principal, note: string | null, now: Date) {
    return servicesDb(trx)
      .insertInto('services_item_version')
      .values({ id: uuidv7(), item_id: itemId, version, content: JSON.stringify(content), note, created_by: who.accountId, created_at: now })
      .execute();
  }

  /**
   * A new version. Applications in flight keep theirs unless `migrateRunning` asks to move them,
   * which is refused when any would be left in a state the new workflow cannot finish from.
   */
  async update(who: Principal, id: string, patch: ItemPatch, requestId?: string): Promise<ItemDetail> {
    await this.k.db.transaction().execute((trx) => this.updateIn(trx, who, id, patch, requestId));
    this.changed();
    return this.get(id, true);
  }

  /** Adds a version inside the caller's transaction (the importer writes many in one). */
  async updateIn(trx: Tx, who: Principal, id: string, patch: ItemPatch, requestId?: string): Promise<void> {
    const item = await servicesDb(trx).selectFrom('services_item').select(['region_code', 'code']).where('id', '=', id).executeTakeFirst();
    if (!item) throw Errors.notFound('service item');
    assertAllowed(this.policy, who, 'services.manage', { regionCode: item.region_code });
    await this.checkContent(item.region_code, patch.content, trx);
    const now = this.k.clock.now();
    const locked = await servicesDb(trx).selectFrom('services_item').select(['current_version']).where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
    if (locked.current_version !== patch.baseVersion) throw ServicesErrors.staleVersion();
    const version = locked.current_version + 1;
    await this.insertVersion(trx, id, version, patch.content, who, patch.note ?? null, now);
    await servicesDb(trx)
      .updateTable('services_item')
      .set({ current_version: version, updated_at: now, ...itemColumns(item.code, patch.content) })
      .where('id', '=', id)
      .execute();
    let moved = 0;
    if (patch.migrateRunning) moved = await this.moveRunning(trx, id, version, patch.content.workflow);
    await this.k.recordChange(trx, {
      actor: actorOf(who),
      action: 'versioned',
      objectType: 'services.item',
      objectId: id,
      regionCode: item.region_code,
      change: { version, note: patch.note, content: patch.content, moved },
      summary: { version, moved },
      requestId,
    });
  }

  private async moveRunning(trx: Executor, itemId: string, version: number, next: WorkflowDefinition): Promise<number> {
    const rows = await servicesDb(trx)
      .selectFrom('services_application as a')
      .innerJoin('services_item_version as v', 'v.id', 'a.item_version_id')
      .select(['a.state', sql<WorkflowDefinition>`v.content->'workflow'`.as('workflow')])
      .distinct()
      .where('a.item_id', '=', itemId)
      .execute();
    const running = rows.filter((r) => !isEnd(r.workflow, r.state)).map((r) => r.state);
    const stranded = strandedStates(next, [...new Set(running)]);
    if (stranded.length) throw ServicesErrors.wouldStrand(stranded);
    const target = await servicesDb(trx).selectFrom('services_item_version').select('id').where('item_id', '=', itemId).where('version', '=', version).executeTakeFirstOrThrow();
    const ends = Object.entries(next.states)
      .filter(([, s]) => s.kind === 'end')
      .map(([c]) => c);
    const r = await servicesDb(trx)
      .updateTable('services_application')
      .set({ item_version_id: target.id })
      .where('item_id', '=', itemId)
      .where('state', 'not in', ends.length ? ends : ['-'])
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  }

  async setActive(who: Principal, id: string, active: boolean, requestId?: string): Promise<ItemDetail> {
    const item = await servicesDb(this.k.db).selectFrom('services_item').select(['region_code']).where('id', '=', id).executeTakeFirst();
    if (!item) throw Errors.notFound('service item');
    assertAllowed(this.policy, who, 'services.manage', { regionCode: item.region_code });
    await this.k.db.transaction().execute(async (trx) => {
      await servicesDb(trx).updateTable('services_item').set({ active, updated_at: this.k.clock.now() }).where('id', '=', id).execute();
      await this.k.recordChange(trx, {
        actor: actorOf(who),
        action: active ? 'activated' : 'deactivated',
        objectType: 'services.item',
        objectId: id,
        regionCode: item.region_code,
        change: { active },
        requestId,
      });
    });
    this.search.invalidate();
    return this.get(id, true);
  }

  /**
   * The public catalogue: filters and keyset pages; a text search goes to the in-memory relevance
   * model (search.ts), is logged without the account and names its log entry for click-through.
   */
  async list(q: CatalogueQuery, who: Principal | null, opts: { log?: boolean } = {}): Promise<{ items: ItemSummary[]; next: string | null; queryId: string | null }> {
    const limit = q.limit ?? 20;
    const showInactive = !!(q.includeInactive && who && this.policy.can(who, 'services.manage'));
    const text = q.q?.trim();
    if (text) return this.search.page({ ...q, q: text }, showInactive, opts.log ?? true);
    let query = servicesDb(this.k.db)
      .selectFrom('services_item as i')
      .select([
        'i.id',
        'i.code',
        'i.region_code',
        'i.name',
        'i.name_en',
        'i.item_type',
        'i.department_id',
        'i.applicant_types',
        'i.promised_days',
        'i.visits',
        'i.handling',
        'i.current_version',
        'i.active',
      ]);
    if (!showInactive) query = query.where('i.active', '=', true);
    if (q.regionCode) query = query.where('i.region_code', 'like', `${q.regionCode}%`);
    if (q.departmentId) query = query.where('i.department_id', '=', q.departmentId);
    if (q.lifeEvent) query = query.where(sql<boolean>`i.life_events @> ARRAY[${q.lifeEvent}]::text[]`);
    if (q.enterpriseEvent) query = query.where(sql<boolean>`i.enterprise_events @> ARRAY[${q.enterpriseEvent}]::text[]`);
    if (q.applicantType) query = query.where(sql<boolean>`i.applicant_types @> ARRAY[${q.applicantType}]::text[]`);
    const after = decodeCursor(q.after, 2);
    if (after) query = query.where(sql<boolean>`(i.name, i.id) > (${after[0]}, ${after[1]}::uuid)`);
    const rows = await query
      .orderBy('i.name')
      .orderBy('i.id')
      .limit(limit + 1)
      .execute();
    const pg = pageOf(rows, limit, (r) => [r.name, r.id]);
    const depts = await this.names.of(pg.items.map((r) => String(r.department_id)));
    const deptsEn = await this.names.ofEn(pg.items.map((r) => String(r.department_id)));
    return { items: pg.items.map((r) => this.summary(r, depts.get(String(r.department_id)) ?? '', deptsEn.get(String(r.department_id)) ?? null)), next: pg.next, queryId: null };
  }

  private summary(r: Record<string, unknown>, departmentName: string, departmentNameEn: string | null): ItemSummary {
    return {
      id: String(r.id),
      code: String(r.code),
      regionCode: String(r.region_code),
      name: String(r.name),
      nameEn: r.name_en == null ? null : String(r.name_en),
      itemType: String(r.item_type),
      departmentId: String(r.department_id),
      departmentName,
      departmentNameEn,
      applicantTypes: r.applicant_types as string[],
      promisedDays: Number(r.promised_days),
      visits: Number(r.visits),
      handling: String(r.handling),
      fullyOnline: Number(r.visits) === 0,
      version: Number(r.current_version),
      active: Boolean(r.active),
    };
  }

  /** Departments that offer items, with how many: the catalogue's "by department" view. */
  async departments(regionCode?: string): Promise<{ id: string; name: string; nameEn: string | null; items: number }[]> {
    let q = servicesDb(this.k.db)
      .selectFrom('services_item')
      .select(['department_id', sql<number>`count(*)::int`.as('n')])
      .where('active', '=', true);
    if (regionCode) q = q.where('region_code', 'like', `${regionCode}%`);
    const rows = await q.groupBy('department_id').execute();
    const names = await this.names.of(rows.map((r) => r.department_id));
    const namesEn = await this.names.ofEn(rows.map((r) => r.department_id));
    return rows
      .map((r) => ({ id: r.department_id, name: names.get(r.department_id) ?? '', nameEn: namesEn.get(r.department_id) ?? null, items: r.n }))
      .sort((a, b) => b.items - a.items || a.name.localeCompare(b.name, 'zh'));
  }

  /** One item with its current elements; inactive items only for managers. */
  async get(id: string, forManager = false, who: Principal | null = null): Promise<ItemDetail> {
    const r = await servicesDb(this.k.db)
      .selectFrom('services_item as i')
      .innerJoin('services_item_version as v', (j) => j.onRef('v.item_id', '=', 'i.id').onRef('v.version', '=', 'i.current_version'))
      .selectAll('i')
      .select(['v.id as version_id', 'v.content'])
      .where('i.id', '=', id)
      .executeTakeFirst();
    if (!r) throw Errors.notFound('service item');
    if (!r.active && !forManager && !(who && this.policy.can(who, 'services.manage', { regionCode: r.region_code }))) throw Errors.notFound('service item');
    const dept = (await this.names.of([r.department_id])).get(r.department_id);
    const deptEn = (await this.names.ofEn([r.department_id])).get(r.department_id);
    return { ...this.summary(r, dept ?? '', deptEn ?? null), versionId: r.version_id, content: r.content as ItemContent, updatedAt: new Date(r.updated_at).toISOString() };
  }

  /** A version by id, as applications made under it read it. */
  async version(versionId: string, ex: Executor = this.k.db): Promise<ItemVersion> {
    // A version never changes once written, so it can be kept in memory for good.
    const hit = this.versionCache.get(versionId);
    if (hit) return hit;
    const r = await servicesDb(ex)
      .selectFrom('services_item_version as v')
      .innerJoin('services_item as i', 'i.id', 'v.item_id')
      .select(['v.id', 'v.item_id', 'v.version', 'v.content', 'i.region_code', 'i.code'])
      .where('v.id', '=', versionId)
      .executeTakeFirstOrThrow();
    const v = { id: r.id, itemId: r.item_id, version: r.version, regionCode: r.region_code, code: r.code, content: r.content as ItemContent };
    if (this.versionCache.size > 5000) this.versionCache.clear();
    this.versionCache.set(versionId, v);
    return v;
  }

  /** The version new applications are made under. */
  async currentVersion(itemId: string): Promise<ItemVersion> {
    const r = await servicesDb(this.k.db)
      .selectFrom('services_item_version as v')
      .innerJoin('services_item as i', (j) => j.onRef('i.id', '=', 'v.item_id').onRef('i.current_version', '=', 'v.version'))
      .select(['v.id', 'i.active'])
      .where('i.id', '=', itemId)
      .executeTakeFirst();
    if (!r) throw Errors.notFound('service item');
    if (!r.active) throw ServicesErrors.itemInactive();
    return this.version(r.id);
  }

  async versions(itemId: string): Promise<{ version: number; note: string | null; createdAt: string; createdBy: string }[]> {
    const rows = await servicesDb(this.k.db)
      .selectFrom('services_item_version')
      .select(['version', 'note', 'created_at', 'created_by'])
      .where('item_id', '=', itemId)
      .orderBy('version', 'desc')
      .execute();
    return rows.map((r) => ({ version: r.version, note: r.note, createdAt: new Date(r.created_at).toISOString(), createdBy: r.created_by }));
  }
}
