import { sql, type Selectable } from 'kysely';
import { Errors } from '../../../kernel/http/errors.ts';
import { newId } from '../../../kernel/ids/index.ts';
import { actorOf, type Principal } from '../../../kernel/policy/index.ts';
import type { OpendataContext } from '../area.ts';
import { CommunityErrors } from './errors.ts';
import { assertBureau, pageByCreated, datasetRefs, findDataset, isBureau, iso, optionalText, publishedAll, signedIn, text, UUID, type DatasetRef } from './shared.ts';
import { communityDb, type AppKind, type AppState, type OpendataAppTable, type OpendataProductTable, type ProductService, type ProductState } from './tables.ts';

export interface AppInput {
  name: string;
  description: string;
  url: string;
  kind: AppKind;
  /** Datasets used, by id or name: each must be published. */
  datasets: string[];
  developer: string;
}

export interface AppView {
  id: string;
  name: string;
  description: string;
  url: string;
  kind: AppKind;
  datasets: DatasetRef[];
  developer: string;
  state: AppState;
  reason: string | null;
  mine: boolean;
  reviewedAt: string | null;
  createdAt: string;
}

export interface ProductInput {
  name: string;
  description: string;
  /** 实施机构: the body that authorised the operation. */
  implementer: string;
  /** 运营机构: the authorised operator. */
  operator: string;
  /** 授权资源: the source datasets, by id or name (each published). */
  datasets: string[];
  /** 产品和服务清单. */
  services: ProductService[];
  /** 收费标准. */
  pricing: string;
  /** 授权期限. */
  validFrom: string;
  validTo: string;
  terms: string;
  url?: string | null;
}

export interface ProductView {
  id: string;
  name: string;
  description: string;
  implementer: string;
  operator: string;
  datasets: DatasetRef[];
  services: ProductService[];
  pricing: string;
  validFrom: string;
  validTo: string;
  terms: string;
  url: string | null;
  state: ProductState;
  version: number;
  createdAt: string;
  updatedAt: string;
}

type AppRow = Selectable<OpendataAppTable>;
type ProductRow = Selectable<OpendataProductTable>;

const URL_RE = /^https?:\/\/[^\s/$.?#][^\s]*$/i;
const url = (u: string, path = '/url') => {
  const t = u.trim();
  if (!URL_RE.test(t) || t.length > 500) throw CommunityErrors.badUrl(path);
  return t;
};
const datasetFilter = (id: string) => sql<boolean>`dataset_ids @> ARRAY[${id}]::uuid[]`;

/** 应用展示 (apps built on the data, listed after review) and the 授权运营 products the bureau discloses. */
export class Showcase {
  constructor(private readonly ctx: OpendataContext) {}

  private get k() {
    return this.ctx.k;
  }

  /* ------------------------------------------------------------------ apps */

  /** Published apps for anyone (optionally those using one dataset); other states for the bureau. */
  async apps(who: Principal | null, q: { state?: AppState; dataset?: string; mine?: boolean; after?: string; limit?: number }): Promise<{ items: AppView[]; next: string | null; total: number }> {
    const region = this.k.config.regionCode;
    const state = q.state ?? (q.mine ? undefined : 'published');
    if (q.mine) signedIn(who);
    else if (state !== 'published') assertBureau(this.ctx, who, region);
    const datasetId = q.dataset ? (await findDataset(this.ctx, q.dataset))?.id : undefined;
    if (q.dataset && !datasetId) return { items: [], next: null, total: 0 };
    const base = communityDb(this.k.db)
      .selectFrom('opendata_app')
      .where('region_code', 'like', `${region}%`)
      .$if(!!state, (qb) => qb.where('state', '=', state!))
      .$if(!!q.mine, (qb) => qb.where('submitted_by', '=', who!.accountId))
      .$if(!!datasetId, (qb) => qb.where(datasetFilter(datasetId!)));
    const pg = await pageByCreated(base, q, 'newest');
    return { items: await this.appViews(pg.rows, who), next: pg.next, total: pg.total };
  }

  async app(who: Principal | null, id: string): Promise<AppView> {
    const r = await this.appRow(id);
    if (r.state !== 'published' && who?.accountId !== r.submitted_by && !isBureau(this.ctx, who, r.region_code)) throw Errors.notFound('app');
    return (await this.appViews([r], who))[0];
  }

  async submitApp(who: Principal | null, input: AppInput, requestId?: string): Promise<AppView> {
    signedIn(who);
    const region = this.k.config.regionCode;
    const clean = {
      name: text(input.name, '/name', 100),
      description: text(input.description, '/description', 2000),
      url: url(input.url),
      kind: input.kind,
      developer: text(input.developer, '/developer', 100),
    };
    const ds = await publishedAll(this.ctx, input.datasets);
    const id = newId();
    const now = this.k.clock.now();
    const row = await this.k.db.transaction().execute(async (trx) => {
      const r = await communityDb(trx)
        .insertInto('opendata_app')
        .values({
          id,
          region_code: region,
          ...clean,
          dataset_ids: ds.map((d) => d.id),
          submitted_by: who.accountId,
          state: 'pending',
          reason: null,
          reviewed_by: null,
          reviewed_at: null,
          created_at: now,
          updated_at: now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await this.k.recordChange(trx, {
        actor: actorOf(who),
        action: 'submitted',
        objectType: 'opendata.app',
        objectId: id,
        regionCode: region,
        change: { ...clean, datasetIds: ds.map((d) => d.id) },
        summary: { name: clean.name },
        requestId,
      });
      return r;
    });
    return (await this.appViews([row], who))[0];
  }

  /** The bureau lists a pending app, or turns it down with a reason. */
  async reviewApp(who: Principal, id: string, decision: { publish: true } | { publish: false; reason: string }, requestId?: string): Promise<AppView> {
    const before = await this.appRow(id);
    assertBureau(this.ctx, who, before.region_code);
    let reason: string | null = null;
    if (!decision.publish) {
      if (typeof decision.reason !== 'string' || !decision.reason.trim()) throw CommunityErrors.reasonRequired();
      reason = text(decision.reason, '/reason', 500);
    }
    if (before.state !== 'pending') throw CommunityErrors.appReviewed();
    const state: AppState = decision.publish ? 'published' : 'rejected';
    const now = this.k.clock.now();
    const row = await this.k.db.transaction().execute(async (trx) => {
      const r = await communityDb(trx)
        .updateTable('opendata_app')
        .set({ state, reason, reviewed_by: who.accountId, reviewed_at: now, updated_at: now })
        .where('id', '=', id)
        .where('state', '=', 'pending')
        .returningAll()
        .executeTakeFirst();
      if (!r) throw CommunityErrors.appReviewed();
      await this.k.recordChange(trx, {
        actor: actorOf(who),
        action: state,
        objectType: 'opendata.app',
        objectId: id,
        regionCode: before.region_code,
        change: { state: { from: 'pending', to: state }, reason },
        summary: { name: before.name },
        requestId,
      });
      return r;
    });
    return (await this.appViews([row], who))[0];
  }

  /* ------------------------------------------------------------------ 授权运营 products */

  async products(q: { state?: ProductState; dataset?: string; after?: string; limit?: number }): Promise<{ items: ProductView[]; next: string | null; total: number }> {
    const region = this.k.config.regionCode;
    const datasetId = q.dataset ? (await findDataset(this.ctx, q.dataset))?.id : undefined;
    if (q.dataset && !datasetId) return { items: [], next: null, total: 0 };
    const base = communityDb(this.k.db)
      .selectFrom('opendata_product')
      .where('region_code', 'like', `${region}%`)
      .where('state', '=', q.state ?? 'listed')
      .$if(!!datasetId, (qb) => qb.where(datasetFilter(datasetId!)));
    const pg = await pageByCreated(base, q, 'newest');
    return { items: await this.productViews(pg.rows), next: pg.next, total: pg.total };
  }

  async product(id: string): Promise<ProductView> {
    return (await this.productViews([await this.productRow(id)]))[0];
  }

  async createProduct(who: Principal, input: ProductInput, requestId?: string): Promise<ProductView> {
    // Disclosed for the installation's region, where the public lists read them.
    const region = this.k.config.regionCode;
    assertBureau(this.ctx, who, region);
    const clean = await this.checkProduct(input);
    const id = newId();
    const now = this.k.clock.now();
    const row = await this.k.db.transaction().execute(async (trx) => {
      const r = await communityDb(trx)
        .insertInto('opendata_product')
        .values({ id, region_code: region, ...clean, services: JSON.stringify(clean.services), state: 'listed', created_by: who.accountId, created_at: now, updated_at: now })
        .returningAll()
        .executeTakeFirstOrThrow();
      await this.k.recordChange(trx, {
        actor: actorOf(who),
        action: 'created',
        objectType: 'opendata.product',
        objectId: id,
        regionCode: region,
        change: clean,
        summary: { name: clean.name },
        requestId,
      });
      return r;
    });
    return (await this.productViews([row]))[0];
  }

  async updateProduct(who: Principal, id: string, input: ProductInput & { expectedVersion?: number }, requestId?: string): Promise<ProductView> {
    const before = await this.productRow(id);
    assertBureau(this.ctx, who, before.region_code);
    if (before.state === 'withdrawn') throw CommunityErrors.productWithdrawn();
    const clean = await this.checkProduct(input);
    const row = await this.k.db.transaction().execute(async (trx) => {
      const r = await communityDb(trx)
        .updateTable('opendata_product')
        .set({ ...clean, services: JSON.stringify(clean.services), version: sql`version + 1`, updated_at: this.k.clock.now() })
        .where('id', '=', id)
        .where('state', '=', 'listed')
        .where('version', '=', input.expectedVersion ?? before.version)
        .returningAll()
        .executeTakeFirst();
      if (!r) throw CommunityErrors.stale();
      const change = Object.fromEntries(
        Object.entries(clean)
          .filter(([key, v]) => JSON.stringify(before[key as keyof ProductRow]) !== JSON.stringify(v))
          .map(([key, v]) => [key, { from: before[key as keyof ProductRow], to: v }]),
      );
      await this.k.recordChange(trx, {
        actor: actorOf(who),
        action: 'updated',
        objectType: 'opendata.product',
        objectId: id,
        regionCode: before.region_code,
        change,
        summary: { name: clean.name },
        requestId,
      });
      return r;
    });
    return (await this.productViews([row]))[0];
  }

  async withdrawProduct(who: Principal, id: string, reason: string, requestId?: string): Promise<ProductView> {
    const before = await this.productRow(id);
    assertBureau(this.ctx, who, before.region_code);
    if (typeof reason !== 'string' || !reason.trim()) throw CommunityErrors.reasonRequired();
    const why = text(reason, '/reason', 500);
    if (before.state === 'withdrawn') throw CommunityErrors.productWithdrawn();
    const row = await this.k.db.transaction().execute(async (trx) => {
      const r = await communityDb(trx)
        .updateTable('opendata_product')
        .set({ state: 'withdrawn', version: sql`version + 1`, updated_at: this.k.clock.now() })
        .where('id', '=', id)
        .where('state', '=', 'listed')
        .returningAll()
        .executeTakeFirst();
      if (!r) throw CommunityErrors.productWithdrawn();
      await this.k.recordChange(trx, {
        actor: actorOf(who),
        action: 'withdrawn',
        objectType: 'opendata.product',
        objectId: id,
        regionCode: before.region_code,
        change: { state: { from: 'listed', to: 'withdrawn' }, reason: why },
        summary: { name: before.name },
        requestId,
      });
      return r;
    });
    return (await this.productViews([row]))[0];
  }

  /* ------------------------------------------------------------------ helpers */

  private async checkProduct(input: ProductInput) {
    if (input.validTo < input.validFrom) throw CommunityErrors.badPeriod();
    const services = input.services.map((s, i) => ({ name: text(s.name, `/services/${i}/name`, 100), description: text(s.description, `/services/${i}/description`, 1000) }));
    if (new Set(services.map((s) => s.name)).size !== services.length) throw CommunityErrors.repeated('/services');
    const ds = await publishedAll(this.ctx, input.datasets);
    return {
      name: text(input.name, '/name', 100),
      description: text(input.description, '/description', 2000),
      implementer: text(input.implementer, '/implementer', 100),
      operator: text(input.operator, '/operator', 100),
      dataset_ids: ds.map((d) => d.id),
      services,
      pricing: text(input.pricing, '/pricing', 2000),
      valid_from: input.validFrom,
      valid_to: input.validTo,
      terms: text(input.terms, '/terms', 4000),
      url: input.url?.trim() ? url(input.url) : (optionalText(input.url, '/url', 500) ?? null),
    };
  }

  private async appRow(id: string): Promise<AppRow> {
    if (!UUID.test(id)) throw Errors.notFound('app');
    const r = await communityDb(this.k.db).selectFrom('opendata_app').selectAll().where('id', '=', id).executeTakeFirst();
    if (!r) throw Errors.notFound('app');
    return r;
  }

  private async productRow(id: string): Promise<ProductRow> {
    if (!UUID.test(id)) throw Errors.notFound('product');
    const r = await communityDb(this.k.db).selectFrom('opendata_product').selectAll().where('id', '=', id).executeTakeFirst();
    if (!r) throw Errors.notFound('product');
    return r;
  }

  private async appViews(rows: AppRow[], who: Principal | null): Promise<AppView[]> {
    const refs = await datasetRefs(
      this.ctx,
      rows.flatMap((r) => r.dataset_ids),
    );
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      description: r.description,
      url: r.url,
      kind: r.kind,
      datasets: r.dataset_ids.map((d) => refs.get(d)).filter((d): d is DatasetRef => !!d),
      developer: r.developer,
      state: r.state,
      reason: r.reason,
      mine: !!who && who.accountId === r.submitted_by,
      reviewedAt: iso(r.reviewed_at),
      createdAt: r.created_at.toISOString(),
    }));
  }

  private async productViews(rows: ProductRow[]): Promise<ProductView[]> {
    const refs = await datasetRefs(
      this.ctx,
      rows.flatMap((r) => r.dataset_ids),
    );
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      description: r.description,
      implementer: r.implementer,
      operator: r.operator,
      datasets: r.dataset_ids.map((d) => refs.get(d)).filter((d): d is DatasetRef => !!d),
      services: r.services,
      pricing: r.pricing,
      validFrom: r.valid_from,
      validTo: r.valid_to,
      terms: r.terms,
      url: r.url,
      state: r.state,
      version: r.version,
      createdAt: r.created_at.toISOString(),
      updatedAt: r.updated_at.toISOString(),
    }));
  }
}
