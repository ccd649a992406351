import { sql, type Selectable } from 'kysely';
import { Errors } from '../../../kernel/http/errors.ts';
import { newId } from '../../../kernel/ids/index.ts';
import { actorOf, type Principal } from '../../../kernel/policy/index.ts';
import type { OpendataContext } from '../area.ts';
import { CommunityErrors } from './errors.ts';
import { assertBureau, pageByCreated, datasetRefs, iso, publicName, publishedOr404, signedIn, text, UUID, type DatasetRef } from './shared.ts';
import { communityDb, type CommentState, type OpendataCommentTable } from './tables.ts';

export interface RatingSummary {
  average: number;
  count: number;
  /** Accounts giving 1, 2, 3, 4 and 5 stars. */
  distribution: [number, number, number, number, number];
  /** The caller's own rating (null: none, or not signed in). */
  mine: number | null;
}

export interface CommentView {
  id: string;
  datasetId: string;
  body: string;
  authorName: string;
  state: CommentState;
  /** The caller wrote it (their pending or hidden comment is shown to them alone). */
  mine: boolean;
  hiddenReason: string | null;
  reply: string | null;
  repliedAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface QueueCommentView extends CommentView {
  dataset: DatasetRef | null;
}

type CommentRow = Selectable<OpendataCommentTable>;

const COMMENT_MAX = 1000;
const round2 = (n: number) => Math.round(n * 100) / 100;

/** Ratings (one per account and dataset, changeable) and comments the bureau reviews before the public sees them. */
export class Feedback {
  constructor(private readonly ctx: OpendataContext) {}

  private get k() {
    return this.ctx.k;
  }

  /* ------------------------------------------------------------------ ratings */

  async summary(datasetId: string, who: Principal | null): Promise<RatingSummary> {
    const rows = await communityDb(this.k.db)
      .selectFrom('opendata_rating')
      .select(['stars', (eb) => eb.fn.countAll<string>().as('n')])
      .where('dataset_id', '=', datasetId)
      .groupBy('stars')
      .execute();
    const distribution: RatingSummary['distribution'] = [0, 0, 0, 0, 0];
    for (const r of rows) distribution[r.stars - 1] = Number(r.n);
    const count = distribution.reduce((a, b) => a + b, 0);
    const sum = distribution.reduce((a, n, i) => a + n * (i + 1), 0);
    let mine: number | null = null;
    if (who) {
      const own = await communityDb(this.k.db).selectFrom('opendata_rating').select('stars').where('dataset_id', '=', datasetId).where('account_id', '=', who.accountId).executeTakeFirst();
      mine = own?.stars ?? null;
    }
    return { average: count ? round2(sum / count) : 0, count, distribution, mine };
  }

  /** Rates a published dataset; a second rating by the same account replaces the first (one row, even when two arrive at once). */
  async rate(who: Principal | null, datasetRef: string, stars: number, requestId?: string): Promise<RatingSummary> {
    signedIn(who);
    if (!Number.isInteger(stars) || stars < 1 || stars > 5) throw Errors.validation([{ path: '/stars', message: '1–5 / 1 至 5 星' }]);
    const d = await publishedOr404(this.ctx, datasetRef);
    const now = this.k.clock.now();
    await this.k.db.transaction().execute(async (trx) => {
      const before = await communityDb(trx).selectFrom('opendata_rating').select('stars').where('dataset_id', '=', d.id).where('account_id', '=', who.accountId).executeTakeFirst();
      await communityDb(trx)
        .insertInto('opendata_rating')
        .values({ dataset_id: d.id, account_id: who.accountId, region_code: d.regionCode, stars, created_at: now, updated_at: now })
        .onConflict((oc) => oc.columns(['dataset_id', 'account_id']).doUpdateSet({ stars, updated_at: now }))
        .execute();
      await this.k.recordChange(trx, {
        actor: actorOf(who),
        action: 'rated',
        objectType: 'opendata.rating',
        objectId: d.id,
        regionCode: d.regionCode,
        change: { stars: { from: before?.stars ?? null, to: stars } },
        summary: { datasetId: d.id, stars },
        requestId,
      });
    });
    return this.summary(d.id, who);
  }

  /** Average and count per dataset (the port other areas read). */
  async ratings(datasetIds?: string[]): Promise<Map<string, { average: number; count: number }>> {
    const ids = datasetIds?.filter((id) => UUID.test(id));
    if (ids && !ids.length) return new Map();
    const rows = await communityDb(this.k.db)
      .selectFrom('opendata_rating')
      .select(['dataset_id', (eb) => eb.fn.countAll<string>().as('n'), (eb) => eb.fn.sum<string>('stars').as('total')])
      .$if(!!ids, (qb) => qb.where('dataset_id', 'in', ids!))
      .groupBy('dataset_id')
      .execute();
    return new Map(rows.map((r) => [r.dataset_id, { average: round2(Number(r.total) / Number(r.n)), count: Number(r.n) }]));
  }

  /* ------------------------------------------------------------------ comments */

  /** A dataset's published comments, newest first, with the caller's own pending or hidden ones among them. */
  async comments(datasetRef: string, who: Principal | null, q: { after?: string; limit?: number }): Promise<{ items: CommentView[]; next: string | null; total: number }> {
    const d = await publishedOr404(this.ctx, datasetRef);
    const visible = communityDb(this.k.db)
      .selectFrom('opendata_comment')
      .where('dataset_id', '=', d.id)
      .where((eb) => (who ? eb.or([eb('state', '=', 'published'), eb('author_id', '=', who.accountId)]) : eb('state', '=', 'published')));
    const pg = await pageByCreated(visible, q, 'newest');
    return { items: pg.rows.map((r) => this.view(r, who)), next: pg.next, total: pg.total };
  }

  async comment(who: Principal | null, datasetRef: string, body: string, requestId?: string): Promise<CommentView> {
    signedIn(who);
    const clean = text(body, '/body', COMMENT_MAX);
    const d = await publishedOr404(this.ctx, datasetRef);
    const id = newId();
    const now = this.k.clock.now();
    const row = await this.k.db.transaction().execute(async (trx) => {
      const r = await communityDb(trx)
        .insertInto('opendata_comment')
        .values({
          id,
          dataset_id: d.id,
          region_code: d.regionCode,
          author_id: who.accountId,
          author_name: publicName(who),
          body: clean,
          state: 'pending',
          hidden_reason: null,
          reply: null,
          replied_at: null,
          moderated_by: null,
          moderated_at: null,
          created_at: now,
          updated_at: now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await this.k.recordChange(trx, {
        actor: actorOf(who),
        action: 'created',
        objectType: 'opendata.comment',
        objectId: id,
        regionCode: d.regionCode,
        change: { datasetId: d.id, body: clean },
        summary: { datasetId: d.id },
        requestId,
      });
      return r;
    });
    return this.view(row, who);
  }

  /** The author changes their comment; it waits for review again. Someone else's comment is refused. */
  async edit(who: Principal | null, id: string, body: string, expectedVersion: number | undefined, requestId?: string): Promise<CommentView> {
    signedIn(who);
    const before = await this.row(id);
    if (before.author_id !== who.accountId) throw CommunityErrors.notAuthor();
    if (before.state === 'hidden') throw CommunityErrors.commentHidden();
    const clean = text(body, '/body', COMMENT_MAX);
    const row = await this.k.db.transaction().execute(async (trx) => {
      const r = await communityDb(trx)
        .updateTable('opendata_comment')
        .set({ body: clean, state: 'pending', version: sql`version + 1`, updated_at: this.k.clock.now() })
        .where('id', '=', id)
        .where('author_id', '=', who.accountId)
        .where('state', '<>', 'hidden')
        .$if(expectedVersion !== undefined, (qb) => qb.where('version', '=', expectedVersion!))
        .returningAll()
        .executeTakeFirst();
      if (!r) throw CommunityErrors.stale();
      await this.k.recordChange(trx, {
        actor: actorOf(who),
        action: 'edited',
        objectType: 'opendata.comment',
        objectId: id,
        regionCode: before.region_code,
        change: { body: { from: before.body, to: clean }, state: { from: before.state, to: 'pending' } },
        summary: { datasetId: before.dataset_id },
        requestId,
      });
      return r;
    });
    return this.view(row, who);
  }

  /** The bureau's review queue (pending first by age), or comments in another state. */
  async queue(who: Principal, q: { state?: CommentState; after?: string; limit?: number }): Promise<{ items: QueueCommentView[]; next: string | null; total: number }> {
    const region = who.regionCode || this.k.config.regionCode;
    assertBureau(this.ctx, who, region);
    const state = q.state ?? 'pending';
    const base = communityDb(this.k.db).selectFrom('opendata_comment').where('region_code', 'like', `${region}%`).where('state', '=', state);
    const pg = await pageByCreated(base, q, 'oldest');
    const refs = await datasetRefs(
      this.ctx,
      pg.rows.map((r) => r.dataset_id),
    );
    return { items: pg.rows.map((r) => ({ ...this.view(r, who), hiddenReason: r.hidden_reason, dataset: refs.get(r.dataset_id) ?? null })), next: pg.next, total: pg.total };
  }

  /** The bureau publishes a comment, hides it with a reason, or replies to it. */
  async moderate(who: Principal, id: string, act: { action: 'publish' } | { action: 'hide'; reason: string } | { action: 'reply'; reply: string }, requestId?: string): Promise<CommentView> {
    const before = await this.row(id);
    assertBureau(this.ctx, who, before.region_code);
    const now = this.k.clock.now();
    let set: Partial<Record<keyof CommentRow, unknown>>;
    let action: 'published' | 'hidden' | 'replied';
    if (act.action === 'publish') {
      if (before.state === 'published') throw CommunityErrors.commentSameState('published');
      set = { state: 'published', hidden_reason: null, moderated_by: who.accountId, moderated_at: now };
      action = 'published';
    } else if (act.action === 'hide') {
      const reason = act.reason?.trim() ? text(act.reason, '/reason', 500) : null;
      if (!reason) throw CommunityErrors.reasonRequired();
      if (before.state === 'hidden') throw CommunityErrors.commentSameState('hidden');
      set = { state: 'hidden', hidden_reason: reason, moderated_by: who.accountId, moderated_at: now };
      action = 'hidden';
    } else {
      set = { reply: text(act.reply, '/reply', COMMENT_MAX), replied_at: now };
      action = 'replied';
    }
    const row = await this.k.db.transaction().execute(async (trx) => {
      const r = await communityDb(trx)
        .updateTable('opendata_comment')
        .set({ ...(set as object), version: sql`version + 1`, updated_at: now })
        .where('id', '=', id)
        .where('version', '=', before.version)
        .returningAll()
        .executeTakeFirst();
      if (!r) throw CommunityErrors.stale();
      const change = Object.fromEntries(Object.entries(set).map(([key, v]) => [key, { from: before[key as keyof CommentRow] ?? null, to: v }]));
      await this.k.recordChange(trx, {
        actor: actorOf(who),
        action,
        objectType: 'opendata.comment',
        objectId: id,
        regionCode: before.region_code,
        change,
        summary: { datasetId: before.dataset_id },
        requestId,
      });
      return r;
    });
    return { ...this.view(row, who), hiddenReason: row.hidden_reason };
  }

  private async row(id: string): Promise<CommentRow> {
    if (!UUID.test(id)) throw Errors.notFound('comment');
    const r = await communityDb(this.k.db).selectFrom('opendata_comment').selectAll().where('id', '=', id).executeTakeFirst();
    if (!r) throw Errors.notFound('comment');
    return r;
  }

  private view(r: CommentRow, who: Principal | null): CommentView {
    const mine = !!who && who.accountId === r.author_id;
    return {
      id: r.id,
      datasetId: r.dataset_id,
      body: r.body,
      authorName: r.author_name,
      state: r.state,
      mine,
      hiddenReason: mine || r.state !== 'hidden' ? r.hidden_reason : null,
      reply: r.reply,
      repliedAt: iso(r.replied_at),
      createdAt: r.created_at.toISOString(),
      updatedAt: r.updated_at.toISOString(),
      version: r.version,
    };
  }
}
