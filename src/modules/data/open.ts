import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import { newId as uuidv7 } from '../../kernel/ids/index.ts';
import type { Executor, Tx } from '../../kernel/db/index.ts';
import { DomainError } from '../../kernel/http/errors.ts';
import type { Kernel } from '../../kernel/index.ts';
import { actorOf } from '../../kernel/policy/index.ts';
import { SYSTEM_PRINCIPAL, type IdentityModule } from '../identity/index.ts';
import { conditionSql, itemExpr, plainValue, regionSql, selectPage, sourceSql, whereSql, type Condition } from './backing.ts';
import type { DataCatalogue, Resource, ResourceItem } from './catalogue.ts';
import { isMaskedGrade, maskValue } from './masking.ts';
import { dataDb } from './tables.ts';

/*
 * What the open-data portal reads of the data module (the flow opendata-data.ts plugs it into the
 * opendata module, whose ports.ts declares the same shapes). The data module does not import the
 * opendata module: the shapes are restated here and the flow checks they agree.
 */

export type OpenItemType = 'string' | 'integer' | 'number' | 'date' | 'boolean';
export interface OpenItem {
  code: string;
  name: string;
  description: string;
  dataType: OpenItemType;
  grade: 'L1' | 'L2' | 'L3' | 'L4';
}
export interface OpenResource {
  code: string;
  name: string;
  description: string;
  providerDepartmentId: string;
  regionCode: string;
  openType: 'open' | 'conditional';
  openBasis: string | null;
  updateFrequency: string;
  lastUpdatedAt: string | null;
  items: OpenItem[];
  readable: boolean;
  version: number;
}
export interface OpenAggregateQuery {
  groupBy: string[];
  measures: { fn: 'count' | 'sum' | 'avg' | 'min' | 'max'; item?: string }[];
  where: Condition[];
  rowRegion: string | null;
}
export interface OpenAggregateGroup {
  key: Record<string, unknown>;
  count: number;
  values: (number | null)[];
}
export interface OpenGrantInput {
  applicationId: string;
  resourceCode: string;
  holderName: string;
  purpose: string;
  items: string[];
  rowRegion: string | null;
  validFrom: Date;
  expiresAt: Date;
  ratePerMinute: number;
}

const MAX_PAGE = 10_000;
const MAX_GROUPS = 10_000;
const MAX_GROUP_BY = 3;
const MAX_WHERE = 20;
const NUMERIC = new Set(['integer', 'number']);

type Problem = { path: string; message: string };
export const OpenErrors = {
  notOpen: () => new DomainError('DATA_NOT_OPEN', 404, '没有该开放数据资源', 'No such open data resource'),
  notReadable: () => new DomainError('DATA_NOT_READABLE', 409, '该资源的数据由上游接口提供，不能在平台内读取', 'This resource is served by an upstream API and cannot be read here'),
  badQuery: (problems: Problem[]) => new DomainError('DATA_OPEN_QUERY_INVALID', 422, '查询不符合该资源的数据项', 'The query does not fit this resource’s items', problems),
  tooManyGroups: () => new DomainError('DATA_TOO_MANY_GROUPS', 422, `分组超过 ${MAX_GROUPS} 个，请减少分组项或增加筛选条件`, `More than ${MAX_GROUPS} groups; group by fewer items or filter more`, [{ path: '/groupBy', message: `≤ ${MAX_GROUPS} groups` }]),
  badGrant: (problems: Problem[]) => new DomainError('DATA_OPEN_GRANT_INVALID', 422, '授权内容有误', 'The grant is not valid', problems),
};

const isOpenType = (t: string): t is 'open' | 'conditional' => t === 'open' || t === 'conditional';

/**
 * 公共数据开放's view of the catalogue: resources whose 开放类型 is 无条件 or 有条件, their rows page
 * by page (never an L3/L4 item in clear), counts, aggregates computed in the database for the
 * sandbox, and gateway grants for approved 有条件开放 applications.
 *
 * Items of grade L3/L4 appear only masked in rows; they cannot be filtered, grouped or measured
 * (that would reveal their values). Encrypted items appear as their masked copy.
 */
export class OpenData {
  constructor(
    private readonly k: Kernel,
    private readonly catalogue: DataCatalogue,
    private readonly clients: IdentityModule['clients'],
    /** Told of each revocation, so this node's gateway drops its cached grant. */
    private readonly onRevoked: (clientId: string) => void,
  ) {}

  private view(r: Resource & { version?: number }, version: number): OpenResource {
    return {
      code: r.code,
      name: r.name,
      description: r.description,
      providerDepartmentId: r.providerDepartmentId,
      regionCode: r.regionCode,
      openType: r.openType as 'open' | 'conditional',
      openBasis: r.openBasis,
      updateFrequency: r.updateFrequency,
      lastUpdatedAt: r.lastUpdatedAt,
      items: r.items.map((i) => ({ code: i.code, name: i.name, description: i.description, dataType: i.dataType as OpenItemType, grade: i.grade })),
      readable: r.backing !== 'http',
      version,
    };
  }

  async resources(regionCode?: string): Promise<OpenResource[]> {
    let q = dataDb(this.k.db).selectFrom('data_resource').selectAll().where('active', '=', true).where('open_type', 'in', ['open', 'conditional']);
    if (regionCode) q = q.where('region_code', 'like', `${regionCode.replace(/[\\%_]/g, '')}%`);
    const rows = await q.orderBy('code').execute();
    if (!rows.length) return [];
    const items = await dataDb(this.k.db)
      .selectFrom('data_item')
      .select(['resource_id', 'code', 'name', 'description', 'data_type', 'grade'])
      .where(
        'resource_id',
        'in',
        rows.map((r) => r.id),
      )
      .orderBy('resource_id')
      .orderBy('position')
      .execute();
    const byResource = new Map<string, OpenItem[]>();
    for (const i of items) {
      const list = byResource.get(i.resource_id) ?? [];
      list.push({ code: i.code, name: i.name, description: i.description, dataType: i.data_type as OpenItemType, grade: i.grade });
      byResource.set(i.resource_id, list);
    }
    return rows.map((r) => ({
      code: r.code,
      name: r.name,
      description: r.description,
      providerDepartmentId: r.provider_department_id,
      regionCode: r.region_code,
      openType: r.open_type as 'open' | 'conditional',
      openBasis: r.open_basis,
      updateFrequency: r.update_frequency,
      lastUpdatedAt: r.last_updated_at ? new Date(r.last_updated_at).toISOString() : null,
      items: byResource.get(r.id) ?? [],
      readable: r.backing !== 'http',
      version: r.version,
    }));
  }

  /** The resource if it is active and open (无条件 or 有条件). */
  private async open(code: string): Promise<Resource | null> {
    if (typeof code !== 'string' || code.length > 40) return null;
    const r = await this.catalogue.byCode(code);
    return r && isOpenType(r.openType) ? r : null;
  }

  private async readable(code: string): Promise<Resource> {
    const r = await this.open(code);
    if (!r) throw OpenErrors.notOpen();
    if (r.backing === 'http') throw OpenErrors.notReadable();
    return r;
  }

  async resource(code: string): Promise<OpenResource | null> {
    const r = await this.open(code);
    if (!r) return null;
    const v = await dataDb(this.k.db).selectFrom('data_resource').select('version').where('id', '=', r.id).executeTakeFirst();
    return this.view(r, v?.version ?? 1);
  }

  /** An item that may be filtered, grouped or measured: in the resource, plain, and not L3/L4. */
  private usable(r: Resource, code: unknown, path: string, problems: Problem[]): ResourceItem | null {
    const item = typeof code === 'string' ? r.items.find((i) => i.code === code) : undefined;
    if (!item) problems.push({ path, message: `not an item of ${r.code} / 不是该资源的数据项` });
    else if (isMaskedGrade(item.grade) || 'encrypted' in item.storage) problems.push({ path, message: `${item.code} is sensitive (L3/L4) and only shown masked / 敏感数据项只能脱敏展示` });
    else return item;
    return null;
  }

  /** Conditions and the row limit as SQL (without the backing's own conditions). */
  private filters(r: Resource, where: Condition[] | undefined, rowRegion: string | null | undefined, problems: Problem[]): Expression<SqlBool>[] {
    const list = where ?? [];
    if (!Array.isArray(list) || list.length > MAX_WHERE) {
      problems.push({ path: '/where', message: `at most ${MAX_WHERE} conditions / 最多${MAX_WHERE}个条件` });
      return [];
    }
    const out: Expression<SqlBool>[] = [];
    list.forEach((c, n) => {
      if (this.usable(r, c?.item, `/where/${n}/item`, problems)) out.push(conditionSql(this.k, r, c));
    });
    if (rowRegion) out.push(regionSql(rowRegion));
    return out;
  }

  async rows(code: string, items: string[], opts: { after?: string | null; limit: number; where?: Condition[]; rowRegion?: string | null }): Promise<{ rows: Record<string, unknown>[]; next: string | null }> {
    const r = await this.readable(code);
    const problems: Problem[] = [];
    const chosen: ResourceItem[] = [];
    (Array.isArray(items) ? items : []).forEach((code, n) => {
      const it = r.items.find((i) => i.code === code);
      if (!it) problems.push({ path: `/items/${n}`, message: `not an item of ${r.code} / 不是该资源的数据项` });
      else chosen.push(it);
    });
    if (!Number.isInteger(opts.limit) || opts.limit < 1 || opts.limit > MAX_PAGE) problems.push({ path: '/limit', message: `1 to ${MAX_PAGE}` });
    const where = this.filters(r, opts.where, opts.rowRegion, problems);
    if (problems.length) throw OpenErrors.badQuery(problems);
    // Encrypted items are read as their masked copy only; the clear column is never selected.
    const cols = [...new Set(chosen.flatMap((it) => ('encrypted' in it.storage ? [it.storage.masked] : 'column' in it.storage ? [it.storage.column] : [])))];
    const page = await selectPage(this.k.db, r, cols, where, opts.limit, opts.after ?? null);
    const rows = page.map((row) => {
      const out: Record<string, unknown> = { _id: String(row.id) };
      for (const it of chosen) {
        const s = it.storage;
        if ('encrypted' in s) out[it.code] = row[s.masked] ?? null;
        else {
          const v = plainValue(it, row) ?? null;
          out[it.code] = isMaskedGrade(it.grade) ? maskValue(v, it.dataType, it.code) : v;
        }
      }
      return out;
    });
    return { rows, next: page.length === opts.limit ? String(page[page.length - 1].id) : null };
  }

  async count(code: string, opts: { where?: Condition[]; rowRegion?: string | null } = {}): Promise<number> {
    const r = await this.readable(code);
    const problems: Problem[] = [];
    const where = this.filters(r, opts.where, opts.rowRegion, problems);
    if (problems.length) throw OpenErrors.badQuery(problems);
    const { from, base } = sourceSql(r);
    const res = await sql<{ n: string | number }>`SELECT count(*) AS n FROM ${from} ${whereSql([...base, ...where])}`.execute(this.k.db);
    return Number(res.rows[0].n);
  }

  /** Group keys as callers expect them: dates YYYY-MM-DD, numbers as numbers. */
  private keyExpr(it: ResourceItem): RawBuilder<unknown> {
    const e = itemExpr(it);
    if (it.dataType === 'date') return sql`to_char(${e}, 'YYYY-MM-DD')`;
    if (NUMERIC.has(it.dataType)) return sql`(${e})::float8`;
    return e;
  }

  async aggregate(code: string, q: OpenAggregateQuery): Promise<OpenAggregateGroup[]> {
    const r = await this.readable(code);
    const problems: Problem[] = [];
    const groupBy = Array.isArray(q?.groupBy) ? q.groupBy : [];
    const measures = Array.isArray(q?.measures) ? q.measures : [];
    if (groupBy.length > MAX_GROUP_BY) problems.push({ path: '/groupBy', message: `at most ${MAX_GROUP_BY} items / 最多按${MAX_GROUP_BY}个数据项分组` });
    if (new Set(groupBy).size !== groupBy.length) problems.push({ path: '/groupBy', message: 'an item twice / 分组项重复' });
    if (measures.length > 10) problems.push({ path: '/measures', message: 'at most 10 measures / 最多10个统计量' });
    const keys = groupBy.slice(0, MAX_GROUP_BY).map((g, n) => this.usable(r, g, `/groupBy/${n}`, problems));
    const values: RawBuilder<unknown>[] = [];
    measures.slice(0, 10).forEach((m, n) => {
      const fn = m?.fn;
      if (fn === 'count') {
        if (m.item !== undefined) {
          const it = this.usable(r, m.item, `/measures/${n}/item`, problems);
          if (it) values.push(sql`count(${itemExpr(it)})::float8`);
        } else values.push(sql`count(*)::float8`);
        return;
      }
      if (fn !== 'sum' && fn !== 'avg' && fn !== 'min' && fn !== 'max') {
        problems.push({ path: `/measures/${n}/fn`, message: 'count, sum, avg, min or max / 须为 count、sum、avg、min、max' });
        return;
      }
      const it = this.usable(r, m.item, `/measures/${n}/item`, problems);
      if (!it) return;
      if (!NUMERIC.has(it.dataType)) {
        problems.push({ path: `/measures/${n}/item`, message: `${it.code} is not numeric / 非数值数据项不能求${fn}` });
        return;
      }
      values.push(sql`${sql.raw(fn)}(${itemExpr(it)})::float8`);
    });
    const where = this.filters(r, q?.where, q?.rowRegion ?? null, problems);
    if (problems.length) throw OpenErrors.badQuery(problems);
    const items = keys as ResourceItem[];
    const select = [...items.map((it, n) => sql`${this.keyExpr(it)} AS ${sql.ref(`k${n}`)}`), sql`count(*) AS n`, ...values.map((v, n) => sql`${v} AS ${sql.ref(`m${n}`)}`)];
    const positions = items.map((_, n) => sql.raw(String(n + 1)));
    const { from, base } = sourceSql(r);
    const res = await sql<Record<string, unknown>>`
      SELECT ${sql.join(select)} FROM ${from}
        ${whereSql([...base, ...where])}
        ${items.length ? sql`GROUP BY ${sql.join(positions)} ORDER BY ${sql.join(positions.map((p) => sql`${p} NULLS LAST`))}` : sql``}
        LIMIT ${MAX_GROUPS + 1}`.execute(this.k.db);
    if (res.rows.length > MAX_GROUPS) throw OpenErrors.tooManyGroups();
    return res.rows.map((row) => ({
      key: Object.fromEntries(items.map((it, n) => [it.code, row[`k${n}`] ?? null])),
      count: Number(row.n),
      values: values.map((_, n) => (row[`m${n}`] == null ? null : Number(row[`m${n}`]))),
    }));
  }

  /** A client-credentials client scoped to the gateway and a grant naming exactly the items, in the caller's transaction. */
  async issueGrant(trx: Tx, g: OpenGrantInput): Promise<{ grantId: string; clientId: string; clientSecret: string }> {
    // Read in the caller's transaction, without the catalogue's department names (PGlite has one connection).
    const r = await dataDb(trx).selectFrom('data_resource').select(['id', 'code', 'region_code as regionCode', 'open_type as openType']).where('code', '=', String(g.resourceCode)).where('active', '=', true).executeTakeFirst();
    if (!r || !isOpenType(r.openType)) throw OpenErrors.notOpen();
    const problems: Problem[] = [];
    const codes = new Set((await dataDb(trx).selectFrom('data_item').select('code').where('resource_id', '=', r.id).execute()).map((i) => i.code));
    if (!Array.isArray(g.items) || !g.items.length) problems.push({ path: '/items', message: 'at least one item / 至少一个数据项' });
    else if (g.items.some((i) => !codes.has(i))) problems.push({ path: '/items', message: `not items of ${r.code}: ${g.items.filter((i) => !codes.has(i)).join(', ')}` });
    if (!(g.validFrom instanceof Date) || !(g.expiresAt instanceof Date) || Number.isNaN(g.validFrom.getTime()) || !(g.expiresAt.getTime() > g.validFrom.getTime())) problems.push({ path: '/expiresAt', message: 'after validFrom / 须晚于生效时间' });
    if (!Number.isInteger(g.ratePerMinute) || g.ratePerMinute < 1 || g.ratePerMinute > 100_000) problems.push({ path: '/ratePerMinute', message: '1 to 100000' });
    if (g.rowRegion != null && !/^\d{2,12}$/.test(g.rowRegion)) problems.push({ path: '/rowRegion', message: 'a region code / 须为行政区划代码' });
    if (typeof g.holderName !== 'string' || !g.holderName.trim()) problems.push({ path: '/holderName', message: 'required / 必填' });
    if (problems.length) throw OpenErrors.badGrant(problems);
    const grantId = uuidv7();
    const clientId = `od-${grantId.replace(/-/g, '').slice(-24)}`;
    const name = `${g.holderName}（${r.code}）`.slice(0, 60);
    const { secret } = await this.clients.create({ ...SYSTEM_PRINCIPAL, regionCode: r.regionCode }, { clientId, regionCode: r.regionCode, name, confidential: true, redirectUris: [], grantTypes: ['client_credentials'], scopes: ['data.gateway'], accountTypes: [] }, undefined, { trx });
    await dataDb(trx)
      .insertInto('data_grant')
      .values({ id: grantId, request_id: null, resource_id: r.id, region_code: r.regionCode, client_id: clientId, consumer_department_id: null, holder_name: g.holderName.slice(0, 200), open_application_id: String(g.applicationId), purpose: g.purpose, items: [...new Set(g.items)], clear_items: [], row_region: g.rowRegion, rate_per_minute: g.ratePerMinute, valid_from: g.validFrom, expires_at: g.expiresAt, secret_enc: null, created_at: this.k.clock.now() })
      .execute();
    await this.k.recordChange(trx, { actor: actorOf({ ...SYSTEM_PRINCIPAL, regionCode: r.regionCode }), action: 'granted', objectType: 'data.grant', objectId: grantId, regionCode: r.regionCode, change: { resource: r.code, clientId, holder: g.holderName, application: g.applicationId, items: g.items, rowRegion: g.rowRegion, expiresAt: g.expiresAt.toISOString() } });
    return { grantId, clientId, clientSecret: secret! };
  }

  async revokeGrant(trx: Tx, grantId: string, reason: string): Promise<void> {
    if (typeof grantId !== 'string' || !/^[0-9a-f-]{36}$/i.test(grantId)) return;
    const g = await dataDb(trx).updateTable('data_grant').set({ revoked_at: this.k.clock.now() }).where('id', '=', grantId).where('revoked_at', 'is', null).returning(['id', 'client_id', 'region_code']).executeTakeFirst();
    if (!g) return;
    await this.k.recordChange(trx, { actor: actorOf({ ...SYSTEM_PRINCIPAL, regionCode: g.region_code }), action: 'revoked', objectType: 'data.grant', objectId: grantId, regionCode: g.region_code, change: { clientId: g.client_id, reason } });
    this.onRevoked(g.client_id);
  }

  async grantUsage(grantIds: string[]): Promise<Map<string, { calls: number; rows: number; lastAt: string | null }>> {
    const ids = (grantIds ?? []).filter((id) => typeof id === 'string' && /^[0-9a-f-]{36}$/i.test(id));
    const out = new Map<string, { calls: number; rows: number; lastAt: string | null }>();
    for (const id of ids) out.set(id, { calls: 0, rows: 0, lastAt: null });
    if (!ids.length) return out;
    const rows = await usageOf(this.k.db, ids);
    for (const r of rows) out.set(r.grant_id, { calls: Number(r.calls), rows: Number(r.rows ?? 0), lastAt: r.last_at ? new Date(r.last_at).toISOString() : null });
    return out;
  }
}

/** Calls (not refusals) and rows per grant. */
function usageOf(ex: Executor, ids: string[]) {
  return dataDb(ex)
    .selectFrom('data_usage')
    .select((eb) => ['grant_id', eb.fn.countAll<string>().as('calls'), eb.fn.sum<string>('row_count').as('rows'), eb.fn.max('at').as('last_at')])
    .where('grant_id', 'in', ids)
    .where('operation', '!=', 'refused')
    .groupBy('grant_id')
    .execute();
}
