import type { Selectable } from 'kysely';
import { sql } from 'kysely';
import { newId as uuidv7 } from '../../../kernel/ids/index.ts';
import type { Executor, Tx } from '../../../kernel/db/index.ts';
import { Errors } from '../../../kernel/http/errors.ts';
import { decodeCursor, pageOf } from '../../../kernel/paging/index.ts';
import { actorOf, assertAllowed, type Principal } from '../../../kernel/policy/index.ts';
import type { OpennessContext } from '../area.ts';
import { ReviewErrors } from './errors.ts';
import { LEXICON_CHANGED } from './events.ts';
import type { TermInput, TermUpdate, TermView } from './schema.ts';
import { reviewDb, type OpennessLexiconTermTable } from './tables.ts';

type TermRow = Selectable<OpennessLexiconTermTable>;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const iso = (d: Date | string) => new Date(d).toISOString();

/** Those who read the list: editors (to know what to avoid), reviewers, leaders and the 政务公开办. */
const READERS = ['openness.edit', 'openness.secrecy', 'openness.approve', 'openness.manage'];

/** The region a principal's lexicon lives in: its county-level code (a 6-digit GB/T 2260 code). */
const regionOf = (who: Principal) => who.regionCode.slice(0, 6);

/**
 * 敏感词库: the sensitive words the content check looks for, per region, edited by openness.manage.
 * A term is never deleted: it is switched off, and every change is kept (who, when, what).
 */
export class Lexicon {
  constructor(private readonly ctx: OpennessContext) {}

  /** The active terms a draft of this region is checked against (its own and those of the regions above it). */
  async activeTerms(regionCode: string, ex: Executor = this.ctx.k.db): Promise<string[]> {
    const rows = await reviewDb(ex)
      .selectFrom('openness_lexicon_term')
      .select('term')
      .where('active', '=', true)
      .where(sql<boolean>`${regionCode} LIKE region_code || '%'`)
      .execute();
    return rows.map((r) => r.term);
  }

  private view(r: TermRow): TermView {
    return { id: r.id, term: r.term, category: r.category, note: r.note, active: r.active, version: r.version, updatedAt: iso(r.updated_at) };
  }

  async list(who: Principal, q: { after?: string; limit?: number }): Promise<{ items: TermView[]; next: string | null }> {
    if (!READERS.some((p) => this.ctx.policy.can(who, p))) throw Errors.forbidden();
    const limit = q.limit ?? 100;
    const cursor = decodeCursor(q.after, 2);
    let query = reviewDb(this.ctx.k.db)
      .selectFrom('openness_lexicon_term')
      .selectAll()
      .where(sql<boolean>`${regionOf(who)} LIKE region_code || '%'`);
    if (cursor) query = query.where(sql<boolean>`(category, term) > (${String(cursor[0])}, ${String(cursor[1])})`);
    const rows = await query
      .orderBy('category')
      .orderBy('term')
      .limit(limit + 1)
      .execute();
    const page = pageOf(rows, limit, (r) => [r.category, r.term]);
    return { items: page.items.map((r) => this.view(r)), next: page.next };
  }

  /** The history of the list, newest first. */
  async changes(who: Principal, q: { after?: string; limit?: number }) {
    assertAllowed(this.ctx.policy, who, 'openness.manage');
    const limit = q.limit ?? 100;
    const cursor = decodeCursor(q.after, 2);
    if (cursor && (Number.isNaN(Date.parse(String(cursor[0]))) || !UUID.test(String(cursor[1])))) throw Errors.validation([{ path: '/after', message: 'invalid cursor / 无效的分页游标' }]);
    let query = reviewDb(this.ctx.k.db)
      .selectFrom('openness_lexicon_change')
      .selectAll()
      .where(sql<boolean>`${regionOf(who)} LIKE region_code || '%'`);
    if (cursor) query = query.where(sql<boolean>`(at, id) < (${new Date(String(cursor[0]))}, ${String(cursor[1])}::uuid)`);
    const rows = await query
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit + 1)
      .execute();
    const page = pageOf(rows, limit, (r) => [iso(r.at), r.id]);
    return {
      items: page.items.map((r) => ({ id: r.id, termId: r.term_id, action: r.action, term: r.term, category: r.category, note: r.note, active: r.active, by: r.by_name, at: iso(r.at) })),
      next: page.next,
    };
  }

  private async logChange(trx: Tx, who: Principal, r: TermRow, action: string, requestId?: string) {
    await reviewDb(trx)
      .insertInto('openness_lexicon_change')
      .values({
        id: uuidv7(),
        term_id: r.id,
        region_code: r.region_code,
        action,
        term: r.term,
        category: r.category,
        note: r.note,
        active: r.active,
        by_id: who.accountId,
        by_name: who.name,
        at: this.ctx.k.clock.now(),
      })
      .execute();
    await this.ctx.k.recordChange(trx, {
      actor: actorOf(who),
      action: `term-${action}`,
      objectType: 'openness.lexicon',
      objectId: r.id,
      regionCode: r.region_code,
      change: { term: r.term, category: r.category, note: r.note, active: r.active },
      event: { topic: LEXICON_CHANGED, payload: { id: r.id, action } },
      requestId,
    });
  }

  async add(who: Principal, input: TermInput, requestId?: string, ex?: Tx): Promise<TermView> {
    assertAllowed(this.ctx.policy, who, 'openness.manage');
    const regionCode = regionOf(who);
    if (!regionCode) throw Errors.forbidden();
    const term = input.term.trim();
    if (!term) throw Errors.validation([{ path: '/term', message: 'blank / 不能为空' }]);
    const now = this.ctx.k.clock.now();
    const run = async (trx: Tx) => {
      const db = reviewDb(trx);
      const taken = await db.selectFrom('openness_lexicon_term').select('id').where('region_code', '=', regionCode).where('term', '=', term).executeTakeFirst();
      if (taken) throw ReviewErrors.termTaken(term);
      const row = await db
        .insertInto('openness_lexicon_term')
        .values({ id: uuidv7(), region_code: regionCode, term, category: input.category, note: input.note?.trim() || null, created_at: now, updated_at: now })
        .returningAll()
        .executeTakeFirstOrThrow();
      await this.logChange(trx, who, row, 'added', requestId);
      return this.view(row);
    };
    return ex ? run(ex) : this.ctx.k.db.transaction().execute(run);
  }

  async update(who: Principal, id: string, input: TermUpdate, requestId?: string): Promise<TermView> {
    assertAllowed(this.ctx.policy, who, 'openness.manage');
    if (!UUID.test(id)) throw ReviewErrors.termNotFound();
    return this.ctx.k.db.transaction().execute(async (trx) => {
      const db = reviewDb(trx);
      const row = await db.selectFrom('openness_lexicon_term').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row || !row.region_code.startsWith(regionOf(who))) throw ReviewErrors.termNotFound();
      if (row.version !== input.expectedVersion) throw ReviewErrors.termChanged();
      const term = input.term?.trim() ?? row.term;
      if (!term) throw Errors.validation([{ path: '/term', message: 'blank / 不能为空' }]);
      if (term !== row.term) {
        const taken = await db.selectFrom('openness_lexicon_term').select('id').where('region_code', '=', row.region_code).where('term', '=', term).executeTakeFirst();
        if (taken) throw ReviewErrors.termTaken(term);
      }
      const next = await db
        .updateTable('openness_lexicon_term')
        .set({
          term,
          category: input.category ?? row.category,
          note: input.note !== undefined ? input.note.trim() || null : row.note,
          active: input.active ?? row.active,
          version: row.version + 1,
          updated_at: this.ctx.k.clock.now(),
        })
        .where('id', '=', row.id)
        .where('version', '=', row.version)
        .returningAll()
        .executeTakeFirst();
      if (!next) throw ReviewErrors.termChanged();
      await this.logChange(trx, who, next, next.active === row.active ? 'changed' : next.active ? 'restored' : 'removed', requestId);
      return this.view(next);
    });
  }
}
