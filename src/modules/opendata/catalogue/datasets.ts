import type { Selectable, Updateable } from 'kysely';
import { sql } from 'kysely';
import { newId as uuidv7 } from '../../../kernel/ids/index.ts';
import type { Executor, Tx } from '../../../kernel/db/index.ts';
import type { Kernel } from '../../../kernel/index.ts';
import { actorOf, assertAllowed, regionWithin, type Principal } from '../../../kernel/policy/index.ts';
import { need, type OpendataContext } from '../area.ts';
import type { Dataset, DatasetItem, DatasetState, FormatCode, LicenceCode, SourceResource, ThemeCode } from '../ports.ts';
import { LICENCES, THEMES } from '../themes.ts';
import { CatalogueErrors } from './errors.ts';
import { DATASET } from './events.ts';
import { catalogueDb, type OpendataDatasetTable } from './tables.ts';

type Row = Selectable<OpendataDatasetTable>;

/** The bureau's description of a dataset (all optional: only what is given changes). */
export interface DescribeInput {
  titleEn?: string;
  notesEn?: string;
  theme?: string;
  tags?: string[];
  licence?: string;
  temporalFrom?: string | null;
  temporalTo?: string | null;
  spatial?: string;
  expectedVersion?: number;
}

export interface SyncResult {
  regionCode: string;
  resources: number;
  created: number;
  updated: number;
  withdrawn: number;
  unchanged: number;
}

/** A dataset as the catalogue area shows it (the port's Dataset plus what the bureau needs). */
export interface DatasetView extends Dataset {
  withdrawnReason: string | null;
  withdrawnBy: 'bureau' | 'sync' | null;
  cataloguedAt: string;
  version: number;
}

export const DEFAULT_LATE_DAYS = 30;
export const DEFAULT_LICENCE: LicenceCode = 'CC-BY-4.0';
const NAME = /^[a-z0-9_-]{2,100}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** Control characters other than tab and line breaks. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;
const SPATIAL = /^\d{6}(\d{3}(\d{3})?)?$/;
const THEME_CODES = new Set<string>(THEMES.map((t) => t[0]));
const LICENCE_CODES = new Set<string>(LICENCES.map((l) => l[0]));

/** Catalogue resource code → CKAN name (lower case, only a-z 0-9 _ -). */
export function nameOf(code: string): string {
  return code
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100);
}

/** A theme guessed from the resource's name and description, for a new draft (the bureau corrects it). */
function guessTheme(r: SourceResource): ThemeCode {
  const text = `${r.name}${r.description}`;
  const rules: [RegExp, ThemeCode][] = [
    [/信用|红黑名单|失信/, 'credit'],
    [/市场主体|登记|企业|个体工商户/, 'market'],
    [/医院|卫生|健康|医疗|疾病/, 'health'],
    [/学校|教育|科技/, 'education'],
    [/交通|公交|道路|车辆/, 'transport'],
    [/环境|空气|水质|资源/, 'environment'],
    [/地理|坐标|地名|实体/, 'geography'],
    [/气象|天气|降水/, 'weather'],
    [/社保|参保|救助|养老/, 'social'],
    [/住房|建设|城建/, 'housing'],
    [/文化|旅游|体育/, 'culture'],
    [/财政|税|金融/, 'finance'],
    [/农业|工业|农牧/, 'industry'],
  ];
  return rules.find(([re]) => re.test(text))?.[1] ?? 'government';
}

const itemsOf = (r: SourceResource): DatasetItem[] =>
  r.items.map((i) => ({ code: i.code, name: i.name, description: i.description, dataType: i.dataType, grade: i.grade, published: r.openType === 'open' && i.grade === 'L1' }));

const formatsOf = (r: SourceResource): FormatCode[] => (r.openType === 'open' && r.readable ? ['CSV', 'JSON', 'XLSX', 'API'] : ['API']);

/** JSON with object keys sorted (jsonb does not keep the order they were written in). */
const canonical = (v: unknown): string =>
  JSON.stringify(v, (_k, x: unknown) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b))) : x));

const iso = (d: Date | string | null): string | null => (d ? new Date(d).toISOString() : null);

/** The China Standard Time date of an instant (views and downloads are counted per local day). */
export const cstDay = (d: Date): string => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * 开放目录: the datasets made from the data catalogue's open and conditional resources, the bureau's
 * description, publication and withdrawal, and the 开放责任清单. Every change writes its audit
 * entry and event in the same transaction.
 */
export class OpenCatalogue {
  private readonly k: Kernel;
  private syncing: Promise<SyncResult> | null = null;
  /** Called after every change (the search index listens). */
  onChange: () => void = () => {};

  constructor(private readonly ctx: OpendataContext) {
    this.k = ctx.k;
  }

  /* ------------------------------------------------------------------ reads */

  async rows(ex: Executor = this.k.db, q: { regionCode?: string; state?: DatasetState; ids?: string[] } = {}): Promise<Row[]> {
    if (q.ids && !q.ids.length) return [];
    return catalogueDb(ex)
      .selectFrom('opendata_dataset')
      .selectAll()
      .$if(!!q.regionCode, (qb) => qb.where('region_code', 'like', `${q.regionCode}%`))
      .$if(!!q.state, (qb) => qb.where('state', '=', q.state!))
      .$if(!!q.ids, (qb) => qb.where('id', 'in', q.ids!))
      .orderBy('name')
      .execute();
  }

  async byName(name: string, ex: Executor = this.k.db): Promise<Row | null> {
    if (!NAME.test(name)) return null;
    return (await catalogueDb(ex).selectFrom('opendata_dataset').selectAll().where('name', '=', name).executeTakeFirst()) ?? null;
  }

  async byId(id: string, ex: Executor = this.k.db): Promise<Row | null> {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return null;
    return (await catalogueDb(ex).selectFrom('opendata_dataset').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
  }

  /** Rows as the port's datasets, with their publishers' names. */
  async views(rows: Row[]): Promise<DatasetView[]> {
    const names = await this.ctx.org.departmentNames([...new Set(rows.map((r) => r.department_id))]);
    return rows.map((r) => {
      const d = names.get(r.department_id);
      return {
        id: r.id,
        name: r.name,
        resourceCode: r.resource_code,
        regionCode: r.region_code,
        title: r.title,
        titleEn: r.title_en,
        notes: r.notes,
        notesEn: r.notes_en,
        departmentId: r.department_id,
        departmentName: d?.name ?? '',
        departmentNameEn: d?.nameEn ?? '',
        openType: r.open_type,
        openBasis: r.open_basis,
        theme: r.theme as ThemeCode,
        tags: r.tags,
        licence: r.licence as LicenceCode,
        frequency: r.frequency,
        temporalFrom: r.temporal_from,
        temporalTo: r.temporal_to,
        spatial: r.spatial,
        items: r.items,
        formats: r.formats as FormatCode[],
        state: r.state,
        publishedAt: iso(r.published_at),
        modifiedAt: iso(r.modified_at)!,
        createdAt: iso(r.created_at)!,
        rowCount: r.row_count,
        withdrawnReason: r.withdrawn_reason,
        withdrawnBy: r.withdrawn_by,
        cataloguedAt: iso(r.catalogued_at)!,
        version: r.version,
      };
    });
  }

  async lateDays(regionCode: string, ex: Executor = this.k.db): Promise<number> {
    // The nearest setting up the region's tree (152201 falls back to 1522, then 15).
    const rows = await catalogueDb(ex).selectFrom('opendata_catalogue_setting').select(['region_code', 'late_days']).execute();
    const match = rows.filter((r) => regionWithin(regionCode, r.region_code)).sort((a, b) => b.region_code.length - a.region_code.length)[0];
    return match?.late_days ?? DEFAULT_LATE_DAYS;
  }

  async setLateDays(who: Principal, regionCode: string, days: number, requestId?: string): Promise<{ regionCode: string; lateDays: number }> {
    assertAllowed(this.ctx.policy, who, 'opendata.manage', { regionCode });
    await this.k.db.transaction().execute(async (trx) => {
      const before = await this.lateDays(regionCode, trx);
      const now = this.k.clock.now();
      await catalogueDb(trx)
        .insertInto('opendata_catalogue_setting')
        .values({ region_code: regionCode, late_days: days, updated_at: now })
        .onConflict((oc) => oc.column('region_code').doUpdateSet({ late_days: days, updated_at: now }))
        .execute();
      await this.k.recordChange(trx, {
        actor: actorOf(who),
        action: 'late-days-set',
        objectType: 'opendata.catalogue',
        objectId: regionCode,
        regionCode,
        change: { lateDays: { from: before, to: days } },
        event: false,
        requestId,
      });
    });
    return { regionCode, lateDays: days };
  }

  /* ------------------------------------------------------------------ sync */

  /**
   * Makes the catalogue follow the data catalogue: a draft for each new open/conditional resource,
   * the source's words, items, frequency and 开放类型 copied when the resource changed (bumping
   * modifiedAt), and a withdrawal for a dataset whose resource vanished or became 不予开放. One run
   * at a time per process; the whole run is one transaction.
   */
  async sync(who: Principal, regionCode: string, requestId?: string): Promise<SyncResult> {
    assertAllowed(this.ctx.policy, who, 'opendata.manage', { regionCode });
    if (this.syncing) throw CatalogueErrors.syncRunning();
    this.syncing = this.runSync(who, regionCode, requestId).finally(() => (this.syncing = null));
    return this.syncing;
  }

  private async runSync(who: Principal, regionCode: string, requestId?: string): Promise<SyncResult> {
    const read = await this.readSource(regionCode);
    const result = await this.k.db.transaction().execute((trx) => this.applySync(trx, who, regionCode, read, requestId));
    this.onChange();
    return result;
  }

  /** The long part of a sync, outside any transaction: the source's open resources and their row counts. */
  async readSource(regionCode: string): Promise<{ resources: SourceResource[]; counts: Record<string, number | null> }> {
    const source = need(this.ctx, 'source');
    const resources = (await source.resources(regionCode)).filter((r) => regionWithin(r.regionCode, regionCode) && (r.openType === 'open' || r.openType === 'conditional'));
    const counts: Record<string, number | null> = {};
    for (const r of resources) counts[r.code] = r.readable ? await source.count(r.code).catch(() => null) : null;
    return { resources, counts };
  }

  /** The sync's writes, in the caller's transaction. */
  async applySync(trx: Tx, who: Principal, regionCode: string, read: { resources: SourceResource[]; counts: Record<string, number | null> }, requestId?: string): Promise<SyncResult> {
    const { resources, counts } = read;
    const result: SyncResult = { regionCode, resources: resources.length, created: 0, updated: 0, withdrawn: 0, unchanged: 0 };
    {
      const existing = new Map((await this.rows(trx, { regionCode })).map((r) => [r.resource_code, r]));
      const seen = new Set<string>();
      const now = this.k.clock.now();
      const actor = actorOf(who);
      for (const r of resources) {
        seen.add(r.code);
        const name = nameOf(r.code);
        if (!NAME.test(name)) continue;
        const row = existing.get(r.code);
        const items = itemsOf(r);
        const formats = formatsOf(r);
        const rowCount = counts[r.code] ?? null;
        if (!row) {
          const id = uuidv7();
          const inserted = await catalogueDb(trx)
            .insertInto('opendata_dataset')
            .values({
              id,
              name,
              resource_code: r.code,
              region_code: r.regionCode,
              title: r.name,
              notes: r.description,
              department_id: r.providerDepartmentId,
              open_type: r.openType,
              open_basis: r.openBasis,
              theme: guessTheme(r),
              licence: DEFAULT_LICENCE,
              frequency: r.updateFrequency,
              spatial: r.regionCode,
              items: JSON.stringify(items),
              formats,
              state: 'draft',
              withdrawn_by: null,
              withdrawn_reason: null,
              source_version: r.version,
              row_count: rowCount,
              catalogued_at: now,
              created_at: now,
              modified_at: now,
            })
            .onConflict((oc) => oc.column('name').doNothing())
            .executeTakeFirst()
            .then((r) => Number(r.numInsertedOrUpdatedRows ?? 0));
          // Two codes that differ only in case or punctuation: the first keeps the name.
          if (!inserted) continue;
          await this.k.recordChange(trx, {
            actor,
            action: 'created',
            objectType: DATASET,
            objectId: id,
            regionCode: r.regionCode,
            change: { resourceCode: r.code, name, openType: r.openType },
            summary: { name, state: 'draft' },
            requestId,
          });
          result.created++;
          continue;
        }
        const changed: Record<string, { from: unknown; to: unknown }> = {};
        const cmp = (key: string, from: unknown, to: unknown) => {
          if (canonical(from) !== canonical(to)) changed[key] = { from, to };
        };
        cmp('title', row.title, r.name);
        cmp('notes', row.notes, r.description);
        cmp('items', row.items, items);
        cmp('frequency', row.frequency, r.updateFrequency);
        cmp('openType', row.open_type, r.openType);
        cmp('openBasis', row.open_basis, r.openBasis);
        cmp('departmentId', row.department_id, r.providerDepartmentId);
        cmp('formats', row.formats, formats);
        // A dataset the sync withdrew comes back as a draft when its resource is open again.
        const back = row.state === 'withdrawn' && row.withdrawn_by === 'sync';
        const countChanged = row.row_count !== rowCount;
        if (!Object.keys(changed).length && !back && !countChanged && row.source_version === r.version) {
          result.unchanged++;
          continue;
        }
        const meta = Object.keys(changed).length > 0 || back;
        await catalogueDb(trx)
          .updateTable('opendata_dataset')
          .set({
            title: r.name,
            notes: r.description,
            items: JSON.stringify(items),
            frequency: r.updateFrequency,
            open_type: r.openType,
            open_basis: r.openBasis,
            department_id: r.providerDepartmentId,
            formats,
            source_version: r.version,
            row_count: rowCount,
            ...(back ? { state: 'draft' as const, withdrawn_by: null, withdrawn_reason: null } : {}),
            ...(meta ? { modified_at: now, version: sql<number>`version + 1` } : {}),
          })
          .where('id', '=', row.id)
          .execute();
        if (meta) {
          if (back) changed.state = { from: 'withdrawn', to: 'draft' };
          await this.k.recordChange(trx, {
            actor,
            action: 'synced',
            objectType: DATASET,
            objectId: row.id,
            regionCode: row.region_code,
            change: changed,
            summary: { name: row.name, state: back ? 'draft' : row.state },
            requestId,
          });
          result.updated++;
        } else result.unchanged++;
      }
      for (const row of existing.values()) {
        // A bureau's withdrawal becomes the sync's too: the resource is no longer owed.
        if (seen.has(row.resource_code) || (row.state === 'withdrawn' && row.withdrawn_by === 'sync')) continue;
        const reason = '目录资源已不予开放或已停用 / The catalogue resource is no longer open or is inactive';
        await catalogueDb(trx)
          .updateTable('opendata_dataset')
          .set({ state: 'withdrawn', withdrawn_by: 'sync', withdrawn_reason: reason, modified_at: now, version: sql<number>`version + 1` })
          .where('id', '=', row.id)
          .execute();
        await this.k.recordChange(trx, {
          actor,
          action: 'withdrawn',
          objectType: DATASET,
          objectId: row.id,
          regionCode: row.region_code,
          change: { state: { from: row.state, to: 'withdrawn' }, reason },
          summary: { name: row.name, state: 'withdrawn' },
          requestId,
        });
        result.withdrawn++;
      }
    }
    return result;
  }

  /* ------------------------------------------------------------------ bureau actions */

  private async mine(trx: Tx, who: Principal, name: string): Promise<Row> {
    const row = await this.byName(name, trx);
    if (!row) throw CatalogueErrors.notFound();
    assertAllowed(this.ctx.policy, who, 'opendata.manage', { regionCode: row.region_code });
    return row;
  }

  /** Checks a description field by field (422 naming the first bad field). */
  check(input: DescribeInput): void {
    // Every bad field is named at once (the first one in the title), so a form can mark them all.
    const problems: { path: string; zh: string; en: string }[] = [];
    const bad = (path: string, zh: string, en: string) => void (problems.some((p) => p.path === path) || problems.push({ path, zh, en }));
    const text = (path: string, v: string | undefined, max: number) => {
      if (v === undefined) return;
      if (CONTROL.test(v)) bad(path, '含有控制字符', 'contains control characters');
      if (/[\ud800-\udfff]/.test(v.replace(/[\ud800-\udbff][\udc00-\udfff]/g, ''))) bad(path, '含有无效字符', 'contains broken characters');
      if (v.length > max) bad(path, `不能超过 ${max} 个字`, `at most ${max} characters`);
    };
    text('/titleEn', input.titleEn, 200);
    text('/notesEn', input.notesEn, 4000);
    if (input.theme !== undefined && !THEME_CODES.has(input.theme)) bad('/theme', '主题分类不存在', 'unknown theme');
    if (input.licence !== undefined && !LICENCE_CODES.has(input.licence)) bad('/licence', '开放协议不存在', 'unknown licence');
    if (input.tags !== undefined) {
      if (input.tags.length > 20) bad('/tags', '标签最多 20 个', 'at most 20 tags');
      const seen = new Set<string>();
      for (const [i, t] of input.tags.entries()) {
        text(`/tags/${i}`, t, 30);
        if (!t.trim()) bad(`/tags/${i}`, '标签不能为空', 'a tag may not be empty');
        if (seen.has(t.trim())) bad(`/tags/${i}`, '标签重复', 'repeated tag');
        seen.add(t.trim());
      }
    }
    const date = (path: string, v: string | null | undefined) => {
      if (v === undefined || v === null) return;
      if (!DAY.test(v) || Number.isNaN(Date.parse(`${v}T00:00:00Z`)) || new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) !== v)
        bad(path, '日期无效（应为 YYYY-MM-DD）', 'not a valid date (YYYY-MM-DD)');
    };
    date('/temporalFrom', input.temporalFrom);
    date('/temporalTo', input.temporalTo);
    if (input.temporalFrom && input.temporalTo && input.temporalFrom > input.temporalTo) bad('/temporalTo', '结束日期早于开始日期', 'ends before it starts');
    if (input.spatial !== undefined && !SPATIAL.test(input.spatial)) bad('/spatial', '空间范围应为 GB/T 2260 行政区划代码', 'must be a GB/T 2260 region code');
    if (problems.length) throw CatalogueErrors.fields(problems);
  }

  async describe(who: Principal, name: string, input: DescribeInput, requestId?: string): Promise<DatasetView> {
    this.check(input);
    const tags = input.tags?.map((t) => t.trim());
    const out = await this.k.db.transaction().execute(async (trx) => {
      const before = await this.mine(trx, who, name);
      if (input.expectedVersion !== undefined && input.expectedVersion !== before.version) throw CatalogueErrors.stale();
      const set = {
        ...(input.titleEn !== undefined ? { title_en: input.titleEn.trim() } : {}),
        ...(input.notesEn !== undefined ? { notes_en: input.notesEn.trim() } : {}),
        ...(input.theme !== undefined ? { theme: input.theme } : {}),
        ...(tags !== undefined ? { tags } : {}),
        ...(input.licence !== undefined ? { licence: input.licence } : {}),
        ...(input.temporalFrom !== undefined ? { temporal_from: input.temporalFrom } : {}),
        ...(input.temporalTo !== undefined ? { temporal_to: input.temporalTo } : {}),
        ...(input.spatial !== undefined ? { spatial: input.spatial } : {}),
      };
      const change: Record<string, { from: unknown; to: unknown }> = {};
      for (const [k, v] of Object.entries(set)) {
        const from = (before as unknown as Record<string, unknown>)[k];
        if (canonical(from) !== canonical(v)) change[k] = { from, to: v };
      }
      if (!Object.keys(change).length) return before;
      return this.bump(trx, who, before, { ...set, modified_at: this.k.clock.now() }, { action: 'described', change, summary: { name } }, requestId);
    });
    this.onChange();
    return (await this.views([out]))[0];
  }

  async publish(who: Principal, name: string, requestId?: string): Promise<DatasetView> {
    const out = await this.k.db.transaction().execute(async (trx) => {
      const before = await this.mine(trx, who, name);
      if (before.state === 'published') throw CatalogueErrors.alreadyPublished();
      if (before.state === 'withdrawn' && before.withdrawn_by === 'sync') throw CatalogueErrors.resourceGone();
      const now = this.k.clock.now();
      const set = { state: 'published' as const, published_at: before.published_at ?? now, withdrawn_by: null, withdrawn_reason: null, modified_at: now };
      return this.bump(trx, who, before, set, { action: 'published', change: { state: { from: before.state, to: 'published' } }, summary: { name } }, requestId);
    });
    this.onChange();
    return (await this.views([out]))[0];
  }

  async withdraw(who: Principal, name: string, reason: string, requestId?: string): Promise<DatasetView> {
    const why = reason.trim();
    if (!why) throw CatalogueErrors.field('/reason', '请填写撤回理由', 'a reason is required');
    if (why.length > 500) throw CatalogueErrors.field('/reason', '撤回理由不能超过 500 个字', 'at most 500 characters');
    if (CONTROL.test(why)) throw CatalogueErrors.field('/reason', '含有控制字符', 'contains control characters');
    const out = await this.k.db.transaction().execute(async (trx) => {
      const before = await this.mine(trx, who, name);
      if (before.state !== 'published') throw CatalogueErrors.notPublished();
      const set = { state: 'withdrawn' as const, withdrawn_by: 'bureau' as const, withdrawn_reason: why, modified_at: this.k.clock.now() };
      return this.bump(trx, who, before, set, { action: 'withdrawn', change: { state: { from: 'published', to: 'withdrawn' }, reason: why }, summary: { name } }, requestId);
    });
    this.onChange();
    return (await this.views([out]))[0];
  }

  /**
   * The bureau's one way to change a dataset row: only if nobody changed it since it was read (else
   * 409), with the version bumped and the change audited in the same transaction.
   */
  private async bump(
    trx: Tx,
    who: Principal,
    before: Row,
    set: Updateable<OpendataDatasetTable>,
    audit: { action: string; change: Record<string, unknown>; summary: Record<string, unknown> },
    requestId?: string,
  ): Promise<Row> {
    const after = await catalogueDb(trx)
      .updateTable('opendata_dataset')
      .set({ ...set, version: sql<number>`version + 1` })
      .where('id', '=', before.id)
      .where('version', '=', before.version)
      .returningAll()
      .executeTakeFirst();
    if (!after) throw CatalogueErrors.stale();
    await this.k.recordChange(trx, {
      actor: actorOf(who),
      action: audit.action,
      objectType: DATASET,
      objectId: before.id,
      regionCode: before.region_code,
      change: audit.change,
      summary: { ...audit.summary, state: after.state },
      requestId,
    });
    return after;
  }

  /* ------------------------------------------------------------------ views */

  async viewed(datasetId: string): Promise<void> {
    const day = cstDay(this.k.clock.now());
    await catalogueDb(this.k.db)
      .insertInto('opendata_dataset_view')
      .values({ dataset_id: datasetId, day, views: 1 })
      .onConflict((oc) => oc.columns(['dataset_id', 'day']).doUpdateSet({ views: sql<number>`opendata_dataset_view.views + 1` }))
      .execute();
  }

  async viewCounts(ids?: string[]): Promise<Map<string, number>> {
    if (ids && !ids.length) return new Map();
    const rows = await catalogueDb(this.k.db)
      .selectFrom('opendata_dataset_view')
      .select(['dataset_id', (eb) => eb.fn.sum<string>('views').as('n')])
      .$if(!!ids, (qb) => qb.where('dataset_id', 'in', ids!))
      .groupBy('dataset_id')
      .execute();
    return new Map(rows.map((r) => [r.dataset_id, Number(r.n)]));
  }
}
