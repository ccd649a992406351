import { sql, type Selectable } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { Errors } from '../../kernel/http/errors.ts';
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
});

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
    const words = queryTokens(q).filter((w) => w.length >= 2);
    let query = casesDb(this.k.db).selectFrom('cases_knowledge').selectAll().where('active', '=', true).where('region_code', '=', this.k.config.regionCode);
    if (words.length) {
      // OR of the words: while typing, a partial sentence should still surface the right answer.
      const tsq = sql`to_tsquery('simple', ${words
        .map((w) => w.replace(/[^\p{L}\p{N}]/gu, ''))
        .filter(Boolean)
        .join(' | ')})`;
      query = query.where(sql<boolean>`search @@ ${tsq}`).orderBy(sql`ts_rank(search, ${tsq})`, 'desc');
    } else if (q.trim()) return [];
    const rows = await query.orderBy('uses', 'desc').orderBy('updated_at', 'desc').limit(Math.min(limit, 50)).execute();
    return rows.map(view);
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
        change: { title: input.title, categoryCode: input.categoryCode ?? null },
        requestId,
      });
      return row;
    });
    return view(saved);
  }
}
