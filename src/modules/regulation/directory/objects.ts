import { sql, type Selectable } from 'kysely';
import { newId as uuidv7 } from '../../../kernel/ids/index.ts';
import type { Actor } from '../../../kernel/audit/index.ts';
import type { Executor, Tx } from '../../../kernel/db/index.ts';
import { creditCodeProblem } from '../../../kernel/ids/credit-code.ts';
import { decodeCursor, pageOf } from '../../../kernel/paging/index.ts';
import { actorOf, assertAllowed, regionWithin, type Principal } from '../../../kernel/policy/index.ts';
import type { RegulationContext } from '../area.ts';
import type { ObjectsPort, SupervisionObject } from '../ports.ts';
import { DirectoryErrors } from './errors.ts';
import { REGULATION_OBJECT_UPSERTED } from './events.ts';
import { directoryDb, type RegulationObjectTable } from './tables.ts';

/** 登记状态 that end a market entity: kept in the 名录库, out of every plan's scope. */
export const CLOSED_STATUSES = ['注销', '吊销', '撤销'];
export const isClosed = (status: string | null | undefined) => !!status && CLOSED_STATUSES.includes(status);

export const SYSTEM_ACTOR: Actor = { id: 'system', type: 'system' };

/** An object as the 名录库 pages show it: the port's view plus whether it is in scope and since when. */
export interface ObjectView extends SupervisionObject {
  active: boolean;
  goneAt: string | null;
  version: number;
  updatedAt: string;
}

export interface ObjectQuery {
  q?: string;
  entityType?: string;
  regionCode?: string;
  industry?: string;
  state?: 'active' | 'inactive' | 'all';
  after?: string;
  limit?: number;
}

export interface NewObject {
  creditCode: string;
  name: string;
  entityType?: string | null;
  regionCode: string;
  industries?: string[];
}

type Row = Selectable<RegulationObjectTable>;

export function objectView(r: Row): ObjectView {
  return {
    id: r.id,
    creditCode: r.credit_code,
    name: r.name,
    entityType: r.entity_type,
    regionCode: r.region_code,
    industries: r.industries ?? [],
    source: r.source as SupervisionObject['source'],
    status: r.status,
    active: r.active,
    goneAt: r.gone_at ? new Date(r.gone_at).toISOString() : null,
    version: r.version,
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

const portView = (r: Row): SupervisionObject => {
  const { id, creditCode, name, entityType, regionCode, industries, source, status } = objectView(r);
  return { id, creditCode, name, entityType, regionCode, industries, source, status };
};

/** `LIKE` text with its wildcards taken literally. */
export const likeText = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
const tags = (xs: string[] | undefined) => [...new Set((xs ?? []).map((x) => x.trim()).filter(Boolean))].sort();

export function checkCreditCode(code: string, path = '/creditCode'): string {
  const problem = creditCodeProblem(code);
  if (problem) throw DirectoryErrors.badCreditCode(path, problem);
  return code.toUpperCase();
}

/**
 * 检查对象名录库: the market entities a plan may draw from. The sync (sync.ts) fills it from the
 * entity base in bulk; an approval (审管联动) or a regulator adds one at a time through `upsert`.
 */
export class DirectoryObjects {
  readonly port: ObjectsPort;

  constructor(private readonly ctx: RegulationContext) {
    this.port = {
      upsert: (trx, o) => this.upsert(trx, o, SYSTEM_ACTOR).then((r) => r.id),
      get: async (ex, creditCode) => {
        const r = await directoryDb(ex).selectFrom('regulation_object').selectAll().where('credit_code', '=', creditCode.toUpperCase()).executeTakeFirst();
        return r ? portView(r) : null;
      },
      inScope: (ex, scope) => this.inScope(ex, scope),
      search: async (ex, q, regionCode, limit) => (await this.search(ex, q, regionCode, limit)).map((r) => portView(r)),
    };
  }

  /**
   * Creates or refreshes one object by credit code. The first source stays (an entity first met
   * through an approval is still `approval` when the base later has it); industries only grow here.
   */
  async upsert(trx: Tx, o: Parameters<ObjectsPort['upsert']>[1], actor: Actor, requestId?: string): Promise<{ id: string; created: boolean }> {
    const code = checkCreditCode(o.creditCode);
    const now = this.ctx.k.clock.now();
    const r = await sql<{ id: string; created: boolean; region_code: string }>`
      INSERT INTO regulation_object (id, credit_code, name, entity_type, region_code, industries, source, status, active, created_at, updated_at)
      VALUES (${uuidv7()}, ${code}, ${o.name}, ${o.entityType ?? null}, ${o.regionCode}, ${tags(o.industries)}::text[], ${o.source}, ${o.status ?? null},
              ${!isClosed(o.status)}, ${now}, ${now})
      ON CONFLICT (credit_code) DO UPDATE SET
        name = excluded.name,
        entity_type = COALESCE(excluded.entity_type, regulation_object.entity_type),
        region_code = excluded.region_code,
        industries = ARRAY(SELECT DISTINCT t FROM unnest(regulation_object.industries || excluded.industries) t ORDER BY t),
        status = COALESCE(excluded.status, regulation_object.status),
        active = regulation_object.gone_at IS NULL AND NOT (COALESCE(excluded.status, regulation_object.status, '') = ANY(${CLOSED_STATUSES}::text[])),
        version = regulation_object.version + 1,
        updated_at = excluded.updated_at
      RETURNING id, (xmax::text = '0') AS created, region_code`.execute(trx);
    const row = r.rows[0];
    await this.ctx.k.recordChange(trx, {
      actor,
      action: row.created ? 'created' : 'refreshed',
      objectType: 'regulation.object',
      objectId: row.id,
      regionCode: row.region_code,
      change: { creditCode: code, name: o.name, source: o.source, status: o.status ?? null, industries: tags(o.industries) },
      event: { topic: REGULATION_OBJECT_UPSERTED, payload: { id: row.id, creditCode: code, regionCode: row.region_code, source: o.source, created: row.created } },
      requestId,
    });
    return { id: row.id, created: row.created };
  }

  /** Active objects of the regions (prefixes), of the types and with any of the industries, in credit-code order. */
  async inScope(ex: Executor, scope: { regionCodes: string[]; entityTypes?: string[]; industries?: string[] }): Promise<SupervisionObject[]> {
    if (!scope.regionCodes.length) return [];
    let q = directoryDb(ex)
      .selectFrom('regulation_object')
      .selectAll()
      .where('active', '=', true)
      .where((eb) => eb.or(scope.regionCodes.map((c) => eb('region_code', 'like', `${likeText(c)}%`))));
    if (scope.entityTypes?.length) q = q.where('entity_type', 'in', scope.entityTypes);
    if (scope.industries?.length) q = q.where(sql<boolean>`industries && ${scope.industries}::text[]`);
    return (await q.orderBy('credit_code').execute()).map(portView);
  }

  /** 画像 search: exact code, then code prefix, then exact name, name prefix, name containing; shorter names first. */
  async search(ex: Executor, text: string, regionCode: string, limit: number): Promise<Row[]> {
    const q = text.trim();
    if (!q) return [];
    const code = q.toUpperCase();
    const r = await sql<Row>`
      SELECT * FROM regulation_object
       WHERE region_code LIKE ${`${likeText(regionCode)}%`}
         AND (credit_code LIKE ${`${likeText(code)}%`} OR name LIKE ${`%${likeText(q)}%`})
       ORDER BY CASE WHEN credit_code = ${code} THEN 0 WHEN credit_code LIKE ${`${likeText(code)}%`} THEN 1
                     WHEN name = ${q} THEN 2 WHEN name LIKE ${`${likeText(q)}%`} THEN 3 ELSE 4 END,
                active DESC, length(name), credit_code
       LIMIT ${Math.max(1, Math.min(200, limit))}`.execute(ex);
    return r.rows;
  }

  /** The 名录库 list of the caller's jurisdiction, filtered, in credit-code order with a keyset cursor. */
  async list(who: Principal, f: ObjectQuery) {
    const region = this.region(who, f.regionCode, '/regionCode');
    const limit = f.limit ?? 50;
    const after = decodeCursor(f.after, 1);
    let q = directoryDb(this.ctx.k.db)
      .selectFrom('regulation_object')
      .selectAll()
      .where('region_code', 'like', `${likeText(region)}%`);
    if (f.q?.trim()) {
      const text = f.q.trim();
      q = q.where((eb) => eb.or([eb('credit_code', 'like', `${likeText(text.toUpperCase())}%`), eb('name', 'like', `%${likeText(text)}%`)]));
    }
    if (f.entityType) q = q.where('entity_type', '=', f.entityType);
    if (f.industry) q = q.where(sql<boolean>`${f.industry} = ANY(industries)`);
    if ((f.state ?? 'active') !== 'all') q = q.where('active', '=', (f.state ?? 'active') === 'active');
    if (after) q = q.where('credit_code', '>', String(after[0]));
    const rows = await q
      .orderBy('credit_code')
      .limit(limit + 1)
      .execute();
    const page = pageOf(rows, limit, (r) => [r.credit_code]);
    return { items: page.items.map(objectView), next: page.next };
  }

  async one(who: Principal, creditCode: string): Promise<ObjectView> {
    const r = await directoryDb(this.ctx.k.db).selectFrom('regulation_object').selectAll().where('credit_code', '=', creditCode.toUpperCase()).executeTakeFirst();
    if (!r || !this.ctx.policy.can(who, 'regulation.read', { regionCode: r.region_code })) throw DirectoryErrors.objectNotFound();
    return objectView(r);
  }

  /** Counts of a region's objects by entity type and by county (active ones, and how many are out of scope). */
  async counts(regionCode: string) {
    const db = directoryDb(this.ctx.k.db);
    const prefix = `${likeText(regionCode)}%`;
    const [byType, byRegion] = await Promise.all([
      db
        .selectFrom('regulation_object')
        .select(['entity_type', (eb) => eb.fn.countAll<string>().as('n'), sql<string>`count(*) FILTER (WHERE active)`.as('a')])
        .where('region_code', 'like', prefix)
        .groupBy('entity_type')
        .execute(),
      db
        .selectFrom('regulation_object')
        .select(['region_code', (eb) => eb.fn.countAll<string>().as('n'), sql<string>`count(*) FILTER (WHERE active)`.as('a')])
        .where('region_code', 'like', prefix)
        .groupBy('region_code')
        .execute(),
    ]);
    const names = new Map<string, string | null>();
    for (const r of byRegion) names.set(r.region_code, (await this.ctx.org.region(r.region_code).catch(() => null))?.name ?? null);
    const total = byType.reduce((s, r) => s + Number(r.n), 0);
    const active = byType.reduce((s, r) => s + Number(r.a), 0);
    return {
      regionCode,
      total,
      active,
      byType: byType
        .map((r) => ({ entityType: r.entity_type, active: Number(r.a), total: Number(r.n) }))
        .sort((a, b) => b.active - a.active || String(a.entityType).localeCompare(String(b.entityType))),
      byRegion: byRegion
        .map((r) => ({ regionCode: r.region_code, name: names.get(r.region_code) ?? null, active: Number(r.a), total: Number(r.n) }))
        .sort((a, b) => a.regionCode.localeCompare(b.regionCode)),
    };
  }

  /** A regulator enters an entity the base does not have yet (e.g. registered elsewhere, operating here). */
  async add(who: Principal, o: NewObject, requestId?: string): Promise<ObjectView> {
    const code = checkCreditCode(o.creditCode);
    const region = await this.knownRegion(who, o.regionCode, '/regionCode');
    assertAllowed(this.ctx.policy, who, 'regulation.manage', { regionCode: region });
    return this.ctx.k.db.transaction().execute(async (trx) => {
      const exists = await directoryDb(trx).selectFrom('regulation_object').select('id').where('credit_code', '=', code).executeTakeFirst();
      if (exists) throw DirectoryErrors.objectExists();
      await this.upsert(trx, { ...o, creditCode: code, regionCode: region, source: 'manual', status: '存续' }, actorOf(who), requestId);
      return objectView(await directoryDb(trx).selectFrom('regulation_object').selectAll().where('credit_code', '=', code).executeTakeFirstOrThrow());
    });
  }

  /** Sets an object's industry tags (the fields plans are scoped by), with an optional expected version. */
  async tag(who: Principal, creditCode: string, industries: string[], expectedVersion?: number, requestId?: string): Promise<ObjectView> {
    const current = await this.one(who, creditCode);
    assertAllowed(this.ctx.policy, who, 'regulation.manage', { regionCode: current.regionCode });
    const next = tags(industries);
    return this.ctx.k.db.transaction().execute(async (trx) => {
      const r = await directoryDb(trx)
        .updateTable('regulation_object')
        .set((eb) => ({ industries: sql<string[]>`${next}::text[]`, version: eb('version', '+', 1), updated_at: this.ctx.k.clock.now() }))
        .where('id', '=', current.id)
        .$if(expectedVersion !== undefined, (q) => q.where('version', '=', expectedVersion!))
        .returningAll()
        .executeTakeFirst();
      if (!r) throw DirectoryErrors.stale();
      await this.ctx.k.recordChange(trx, {
        actor: actorOf(who),
        action: 'tagged',
        objectType: 'regulation.object',
        objectId: r.id,
        regionCode: r.region_code,
        change: { creditCode: r.credit_code, from: current.industries, to: next },
        summary: { creditCode: r.credit_code },
        requestId,
      });
      return objectView(r);
    });
  }

  /** The region a caller asks about: their own jurisdiction, or a region inside it. */
  region(who: Principal, asked: string | undefined, path: string): string {
    if (!asked) return who.regionCode;
    if (!regionWithin(asked, who.regionCode)) throw DirectoryErrors.regionOutside(path);
    return asked;
  }

  private async knownRegion(who: Principal, code: string, path: string): Promise<string> {
    const r = this.region(who, code, path);
    if (!(await this.ctx.org.region(r).catch(() => null))) throw DirectoryErrors.regionOutside(path);
    return r;
  }
}
