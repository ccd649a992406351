import { sql } from 'kysely';
import { newId as uuidv7 } from '../../kernel/ids/index.ts';
import type { Executor } from '../../kernel/db/index.ts';
import { Errors } from '../../kernel/http/errors.ts';
import type { Kernel } from '../../kernel/index.ts';
import { actorOf, assertAllowed, type Policy, type Principal } from '../../kernel/policy/index.ts';
import { matchesQuery, queryRank, weightedSearchVector } from '../../kernel/search/index.ts';
import type { DepartmentNames } from '../org/index.ts';
import { DataErrors } from './errors.ts';
import { CATEGORIES, type ItemInput, type QualityRule, type ResourceInput, type Storage } from './schema.ts';

const isCategory = (c: string): c is (typeof CATEGORIES)[number][0] => CATEGORIES.some((x) => x[0] === c);
import { dataDb } from './tables.ts';

export interface ResourceItem {
  code: string;
  name: string;
  description: string;
  dataType: string;
  standard: string | null;
  grade: 'L1' | 'L2' | 'L3' | 'L4';
  importance: string;
  element: string | null;
  storage: Storage;
  rules: QualityRule[];
}

export interface Resource {
  id: string;
  code: string;
  name: string;
  description: string;
  providerDepartmentId: string;
  providerName: string;
  regionCode: string;
  category: string;
  backing: 'table' | 'http' | 'records';
  backingRef: string;
  keyItem: string | null;
  sharingType: string;
  sharingBasis: string | null;
  openType: string;
  openBasis: string | null;
  updateFrequency: string;
  lastUpdatedAt: string | null;
  items: ResourceItem[];
}

const TABLE = /^data_[a-z0-9_]{1,58}$/;
const CACHE_MS = 10_000;

/**
 * The government data catalogue (政务数据目录): resources with their data items, grades and sharing
 * and open types. One data element has one source (一数一源): a second resource claiming an element
 * as its own is refused and told where the source is. Resources backed by a table must name a
 * `data_` table whose columns exist; others name an upstream HTTP lookup.
 */
export class DataCatalogue {
  private readonly cache = new Map<string, { at: number; r: Resource }>();
  constructor(
    private readonly k: Kernel,
    private readonly policy: Policy,
    private readonly names: DepartmentNames,
  ) {}

  private async checkBacking(ex: Executor, input: ResourceInput): Promise<void> {
    const problems: { path: string; message: string }[] = [];
    if (input.backing === 'http') {
      let url: URL | null;
      try {
        url = new URL(input.backingRef);
      } catch {
        url = null;
      }
      if (!url || !['http:', 'https:'].includes(url.protocol)) problems.push({ path: '/backingRef', message: 'an http(s) URL / 须为 http(s) 地址' });
      input.items.forEach((it, i) => {
        if (!('field' in it.storage)) problems.push({ path: `/items/${i}/storage`, message: 'upstream items name a response field / 上游接口的数据项须对应响应字段' });
      });
    } else if (input.backing === 'records') {
      // Stored records: one JSON object per row in data_record, keyed by each item's field.
      if (input.backingRef !== 'data_record') problems.push({ path: '/backingRef', message: 'records live in data_record / 记录存储须为 data_record' });
      input.items.forEach((it, i) => {
        if (!('field' in it.storage)) problems.push({ path: `/items/${i}/storage`, message: 'record items name a field / 记录的数据项须对应字段' });
      });
      const fields = input.items.flatMap((it) => ('field' in it.storage ? [it.storage.field] : []));
      if (new Set(fields).size !== fields.length) problems.push({ path: '/items', message: 'item fields must differ / 数据项字段重复' });
    } else {
      if (!TABLE.test(input.backingRef)) problems.push({ path: '/backingRef', message: 'a data_ table of this database / 须为本库 data_ 开头的表' });
      const cols = new Set((await sql<{ column_name: string }>`SELECT column_name FROM information_schema.columns WHERE table_name = ${input.backingRef} AND table_schema = current_schema()`.execute(ex)).rows.map((r) => r.column_name));
      if (!cols.size) problems.push({ path: '/backingRef', message: `no table ${input.backingRef} / 表不存在` });
      else
        input.items.forEach((it, i) => {
          const s = it.storage;
          const need = 'column' in s ? [s.column] : 'encrypted' in s ? [s.encrypted, s.index, s.masked] : [];
          if ('field' in s) problems.push({ path: `/items/${i}/storage`, message: 'table items name a column / 表中的数据项须对应字段' });
          for (const c of need) if (!cols.has(c)) problems.push({ path: `/items/${i}/storage`, message: `no column ${c} / 字段不存在` });
        });
    }
    const codes = input.items.map((i) => i.code);
    if (new Set(codes).size !== codes.length) problems.push({ path: '/items', message: 'item codes must differ / 数据项编码重复' });
    if (input.keyItem && !codes.includes(input.keyItem)) problems.push({ path: '/keyItem', message: 'not an item / 不是该资源的数据项' });
    if (problems.length) throw DataErrors.badResource(problems);
    if (input.sharingType !== 'unconditional' && !input.sharingBasis?.trim()) throw DataErrors.needsBasis('/sharingBasis');
    if (input.openType !== 'open' && !input.openBasis?.trim()) throw DataErrors.needsBasis('/openBasis');
  }

  async register(who: Principal, input: ResourceInput, requestId?: string): Promise<Resource> {
    assertAllowed(this.policy, who, 'data.catalogue', { regionCode: input.regionCode, departmentId: input.providerDepartmentId });
    const owner = await this.k.db.transaction().execute(async (trx) => {
      await this.checkBacking(trx, input);
      if (await dataDb(trx).selectFrom('data_resource').select('id').where('code', '=', input.code).executeTakeFirst()) throw DataErrors.codeTaken();
      const elements = input.items.flatMap((i) => (i.element ? [i.element] : []));
      if (elements.length) {
        const owner = await dataDb(trx).selectFrom('data_item as i').innerJoin('data_resource as r', 'r.id', 'i.resource_id').select(['i.element', 'r.name', 'r.provider_department_id']).where('i.element', 'in', elements).executeTakeFirst();
        if (owner) return owner;
      }
      const id = uuidv7();
      const now = this.k.clock.now();
      await dataDb(trx)
        .insertInto('data_resource')
        .values({
          id,
          code: input.code,
          name: input.name,
          description: input.description ?? '',
          provider_department_id: input.providerDepartmentId,
          region_code: input.regionCode,
          category: input.category,
          backing: input.backing,
          backing_ref: input.backingRef,
          key_item: input.keyItem ?? null,
          sharing_type: input.sharingType,
          sharing_basis: input.sharingBasis ?? null,
          open_type: input.openType,
          open_basis: input.openBasis ?? null,
          update_frequency: input.updateFrequency,
          last_updated_at: input.backing === 'table' ? now : null,
          search: weightedSearchVector([
            [input.name, 'A'],
            [input.items.map((i) => i.name).join(' '), 'B'],
            [input.description ?? '', 'C'],
          ]),
          created_at: now,
          updated_at: now,
        })
        .execute();
      await dataDb(trx).insertInto('data_item').values(input.items.map((it: ItemInput, position) => ({ resource_id: id, code: it.code, name: it.name, description: it.description ?? '', data_type: it.dataType, standard: it.standard ?? null, grade: it.grade, importance: it.importance, element: it.element ?? null, storage: JSON.stringify(it.storage), rules: JSON.stringify(it.rules ?? []), position }))).execute();
      await this.k.recordChange(trx, { actor: actorOf(who), action: 'registered', objectType: 'data.resource', objectId: id, regionCode: input.regionCode, change: { code: input.code, name: input.name, items: input.items.length, sharingType: input.sharingType }, requestId });
      return null;
    });
    // Department names are read outside the transaction (PGlite has one connection).
    if (owner) throw DataErrors.oneSource(owner.element!, owner.name, (await this.names.of([owner.provider_department_id])).get(owner.provider_department_id) ?? '');
    return (await this.byCode(input.code))!;
  }

  async byCode(code: string, ex: Executor = this.k.db): Promise<Resource | null> {
    const hit = this.cache.get(code);
    if (hit && Date.now() - hit.at < CACHE_MS && ex === this.k.db) return hit.r;
    const r = await dataDb(ex).selectFrom('data_resource').selectAll().where('code', '=', code).where('active', '=', true).executeTakeFirst();
    if (!r) return null;
    const items = await dataDb(ex).selectFrom('data_item').selectAll().where('resource_id', '=', r.id).orderBy('position').execute();
    const resource: Resource = {
      id: r.id,
      code: r.code,
      name: r.name,
      description: r.description,
      providerDepartmentId: r.provider_department_id,
      providerName: (await this.names.of([r.provider_department_id])).get(r.provider_department_id) ?? '',
      regionCode: r.region_code,
      category: r.category,
      backing: r.backing,
      backingRef: r.backing_ref,
      keyItem: r.key_item,
      sharingType: r.sharing_type,
      sharingBasis: r.sharing_basis,
      openType: r.open_type,
      openBasis: r.open_basis,
      updateFrequency: r.update_frequency,
      lastUpdatedAt: r.last_updated_at ? new Date(r.last_updated_at).toISOString() : null,
      items: items.map((i) => ({ code: i.code, name: i.name, description: i.description, dataType: i.data_type, standard: i.standard, grade: i.grade, importance: i.importance, element: i.element, storage: i.storage as Storage, rules: i.rules as QualityRule[] })),
    };
    if (this.cache.size > 500) this.cache.clear();
    this.cache.set(code, { at: Date.now(), r: resource });
    return resource;
  }

  async get(code: string): Promise<Resource> {
    const r = await this.byCode(code);
    if (!r) throw Errors.notFound('data resource');
    return r;
  }

  /** Browses the catalogue; `q` searches names, descriptions and item names in Chinese. */
  async search(q: { q?: string; category?: string; departmentId?: string; limit?: number }) {
    let query = dataDb(this.k.db).selectFrom('data_resource as r').select(['r.code', 'r.name', 'r.category', 'r.provider_department_id', 'r.sharing_type', 'r.open_type', 'r.update_frequency', 'r.last_updated_at', (eb) => eb.selectFrom('data_item as i').select((e) => e.fn.countAll<string>().as('n')).whereRef('i.resource_id', '=', 'r.id').as('items')]).where('r.active', '=', true);
    // A category no resource can have (the column is checked) finds nothing.
    if (q.category) query = isCategory(q.category) ? query.where('r.category', '=', q.category) : query.where(sql<boolean>`false`);
    if (q.departmentId) query = query.where('r.provider_department_id', '=', q.departmentId);
    if (q.q?.trim()) query = query.where(matchesQuery('r.search', q.q)).orderBy(queryRank('r.search', q.q), 'desc');
    const rows = await query.orderBy('r.code').limit(q.limit ?? 100).execute();
    const names = await this.names.of(rows.map((r) => r.provider_department_id));
    return rows.map((r) => ({ code: r.code, name: r.name, category: r.category, providerDepartmentId: r.provider_department_id, providerName: names.get(r.provider_department_id) ?? '', sharingType: r.sharing_type, openType: r.open_type, updateFrequency: r.update_frequency, lastUpdatedAt: r.last_updated_at ? new Date(r.last_updated_at).toISOString() : null, items: Number(r.items) }));
  }

  /** Marks a table-backed resource as updated now (after a load), for the timeliness rule. */
  async touched(ex: Executor, code: string): Promise<void> {
    await dataDb(ex).updateTable('data_resource').set({ last_updated_at: this.k.clock.now() }).where('code', '=', code).execute();
    this.cache.delete(code);
  }

  /** Drops this node's cached copy of a resource (after its rows or metadata changed). */
  forget(code: string): void {
    this.cache.delete(code);
  }
}
