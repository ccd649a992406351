import { sql, type Selectable } from 'kysely';
import { newId as uuidv7 } from '../../kernel/ids/index.ts';
import { Errors } from '../../kernel/http/errors.ts';
import type { Tx } from '../../kernel/db/index.ts';
import type { Kernel } from '../../kernel/index.ts';
import { actorOf, assertAllowed, type Policy, type Principal } from '../../kernel/policy/index.ts';
import { matchesQuery, queryRank, queryTokens, searchVector } from '../../kernel/search/index.ts';
import { CasesErrors } from './errors.ts';
import type { Categories } from './categories.ts';
import type { Knowledge, KnowledgeInput } from './schema.ts';
import { casesDb, type CasesKnowledgeTable } from './tables.ts';

const iso = (d: Date | string) => new Date(d).toISOString();
const view = (r: Selectable<CasesKnowledgeTable>): Knowledge => ({
  id: r.id,
  title: r.title,
  body: r.body,
  categoryCode: r.category_code,
  keywords: r.keywords,
  active: r.active,
  uses: r.uses,
  version: r.version,
  updatedAt: iso(r.updated_at),
  public: r.public,
  publicRef: r.public_ref,
});

/** An entry another module makes public (统一知识问答库): `ref` names its source, so the same source updates it. */
export interface PublicEntryInput {
  title: string;
  body: string;
  keywords: string[];
  ref: string;
}

/** The words of a query as an OR of its terms (a partial sentence still finds the right answer), or null when it has none. */
function anyWordQuery(q: string) {
  const words = queryTokens(q)
    .filter((w) => w.length >= 2)
    .map((w) => w.replace(/[^\p{L}\p{N}]/gu, ''))
    .filter(Boolean);
  return words.length ? sql`to_tsquery('simple', ${words.join(' | ')})` : null;
}

/**
 * 知识库: answers agents find while the caller is still talking. Searched with jieba + full-text
 * (any word may match, best ranked first, so a half-typed sentence already finds something).
 */
export class KnowledgeBase {
  constructor(
    private readonly k: Kernel,
    private readonly policy: Policy,
    private readonly categories: Categories,
  ) {}

  async search(who: Principal, q: string, limit = 10): Promise<Knowledge[]> {
    assertAllowed(this.policy, who, 'cases.intake', { regionCode: this.k.config.regionCode });
    let query = casesDb(this.k.db).selectFrom('cases_knowledge').selectAll().where('active', '=', true).where('region_code', '=', this.k.config.regionCode);
    // OR of the words: while typing, a partial sentence should still surface the right answer.
    const tsq = anyWordQuery(q);
    if (tsq) query = query.where(sql<boolean>`search @@ ${tsq}`).orderBy(sql`ts_rank(search, ${tsq})`, 'desc');
    else if (q.trim()) return [];
    const rows = await query.orderBy('uses', 'desc').orderBy('updated_at', 'desc').limit(Math.min(limit, 50)).execute();
    return rows.map(view);
  }

  /**
   * 统一知识问答库: the public entries, for anyone (no sign-in), ranked as the agents' search ranks
   * them; without words, the latest. The same rows agents search, so an answer lives in one place.
   */
  async searchPublic(q: string, limit = 10): Promise<Knowledge[]> {
    let query = casesDb(this.k.db).selectFrom('cases_knowledge').selectAll().where('active', '=', true).where('public', '=', true).where('region_code', '=', this.k.config.regionCode);
    const tsq = anyWordQuery(q);
    if (tsq)
      query = query
        .where(sql<boolean>`search @@ ${tsq}`)
        .orderBy(sql`ts_rank(search, ${tsq})`, 'desc')
        .orderBy('uses', 'desc');
    else if (q.trim()) return [];
    const rows = await query
      .orderBy('updated_at', 'desc')
      .orderBy('id', 'desc')
      .limit(Math.min(Math.max(limit, 1), 50))
      .execute();
    return rows.map(view);
  }

  /**
   * Makes (or updates) a public entry on behalf of another module (an answered 政民互动 question),
   * inside its transaction: that module has checked who may publish. The entry is active, so the
   * hotline agents find it too. Returns the entry's id.
   */
  async publishPublic(trx: Tx, who: Principal, entry: PublicEntryInput): Promise<{ id: string }> {
    const region = this.k.config.regionCode;
    const now = this.k.clock.now();
    const keywords = [...new Set(entry.keywords.map((w) => w.trim().slice(0, 20)).filter(Boolean))].slice(0, 20);
    const fields = {
      title: entry.title.trim().slice(0, 100),
      body: entry.body.trim(),
      keywords,
      search: searchVector(`${entry.title} ${keywords.join(' ')} ${entry.body}`),
      active: true,
      public: true,
      published_at: now,
      updated_at: now,
    };
    const db = casesDb(trx);
    const before = await db.selectFrom('cases_knowledge').select(['id']).where('region_code', '=', region).where('public_ref', '=', entry.ref).forUpdate().executeTakeFirst();
    const row = before
      ? await db
          .updateTable('cases_knowledge')
          .set((eb) => ({ ...fields, version: eb('version', '+', 1) }))
          .where('id', '=', before.id)
          .returning(['id'])
          .executeTakeFirstOrThrow()
      : await db
          .insertInto('cases_knowledge')
          .values({ id: uuidv7(), region_code: region, category_code: null, created_at: now, public_ref: entry.ref, ...fields })
          .returning(['id'])
          .executeTakeFirstOrThrow();
    await this.k.recordChange(trx, {
      actor: actorOf(who),
      action: 'published',
      objectType: 'cases.knowledge',
      objectId: row.id,
      regionCode: region,
      change: { title: fields.title, public: true, ref: entry.ref },
    });
    return row;
  }

  /**
   * Takes an entry out of the public Q&A. An entry another module made (it has a source) leaves the
   * knowledge base with its source (inactive: agents no longer find it either); 12345's own entry
   * stays for the agents.
   */
  async unpublishPublic(trx: Tx, who: Principal, id: string): Promise<void> {
    if (!/^[0-9a-f-]{36}$/.test(id)) throw Errors.notFound('knowledge');
    const region = this.k.config.regionCode;
    const row = await casesDb(trx)
      .updateTable('cases_knowledge')
      .set((eb) => ({
        public: false,
        active: sql<boolean>`CASE WHEN public_ref IS NULL THEN active ELSE false END`,
        version: eb('version', '+', 1),
        updated_at: this.k.clock.now(),
      }))
      .where('id', '=', id)
      .where('region_code', '=', region)
      .returning(['id', 'public_ref', 'active'])
      .executeTakeFirst();
    if (!row) throw Errors.notFound('knowledge');
    await this.k.recordChange(trx, {
      actor: actorOf(who),
      action: 'unpublished',
      objectType: 'cases.knowledge',
      objectId: id,
      regionCode: region,
      change: { public: false, active: row.active, ref: row.public_ref },
    });
  }

  async list(who: Principal, q?: string): Promise<Knowledge[]> {
    assertAllowed(this.policy, who, 'cases.manage', { regionCode: this.k.config.regionCode });
    let query = casesDb(this.k.db).selectFrom('cases_knowledge').selectAll().where('region_code', '=', this.k.config.regionCode);
    if (q) query = query.where(matchesQuery('search', q)).orderBy(queryRank('search', q), 'desc');
    return (await query.orderBy('updated_at', 'desc').limit(200).execute()).map(view);
  }

  async save(who: Principal, id: string | null, input: KnowledgeInput, requestId?: string): Promise<Knowledge> {
    const region = this.k.config.regionCode;
    assertAllowed(this.policy, who, 'cases.manage', { regionCode: region });
    if (input.categoryCode && !(await this.categories.get(input.categoryCode))) throw CasesErrors.unknownCategory(input.categoryCode);
    const now = this.k.clock.now();
    const fields = {
      title: input.title.trim(),
      body: input.body.trim(),
      category_code: input.categoryCode ?? null,
      keywords: input.keywords ?? [],
      search: searchVector(`${input.title} ${(input.keywords ?? []).join(' ')} ${input.body}`),
      active: input.active ?? true,
      updated_at: now,
      // 公开 left out of an edit keeps the entry as it was.
      ...(input.public === undefined ? {} : { public: input.public }),
      ...(input.public ? { published_at: now } : {}),
    };
    const saved = await this.k.db.transaction().execute(async (trx) => {
      let row;
      if (id) {
        if (!/^[0-9a-f-]{36}$/.test(id)) throw Errors.notFound('knowledge');
        row = await casesDb(trx)
          .updateTable('cases_knowledge')
          .set((eb) => ({ ...fields, version: eb('version', '+', 1) }))
          .where('id', '=', id)
          .where('region_code', '=', region)
          .returningAll()
          .executeTakeFirst();
        if (!row) throw Errors.notFound('knowledge');
      } else
        row = await casesDb(trx)
          .insertInto('cases_knowledge')
          .values({ id: uuidv7(), region_code: region, created_at: now, ...fields })
          .returningAll()
          .executeTakeFirstOrThrow();
      await this.k.recordChange(trx, {
        actor: actorOf(who),
        action: id ? 'updated' : 'created',
        objectType: 'cases.knowledge',
        objectId: row.id,
        regionCode: region,
        change: { title: input.title, categoryCode: input.categoryCode ?? null, ...(input.public === undefined ? {} : { public: input.public }) },
        requestId,
      });
      return row;
    });
    return view(saved);
  }
}
