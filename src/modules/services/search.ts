import { Type, type Static } from '@sinclair/typebox';
import { sql } from 'kysely';
import { newId as uuidv7 } from '../../kernel/ids/index.ts';
import { Errors } from '../../kernel/http/errors.ts';
import type { Kernel } from '../../kernel/index.ts';
import { decodeCursor, pageOf } from '../../kernel/paging/index.ts';
import { assertAllowed, type Policy, type Principal } from '../../kernel/policy/index.ts';
import { analyzeQuery, compact, RankIndex, soundKey, type AnalyzedDoc, type RankField } from '../../kernel/search/index.ts';
import type { DepartmentNames } from '../org/index.ts';
import type { CatalogueQuery, ItemContent, ItemSummary } from './schema.ts';
import { servicesDb } from './tables.ts';

/**
 * Fields of an item as the search engine weighs them: what an item is called (name, everyday
 * aliases) far above what people asked for it (examples), those above the department, and the
 * long texts (materials, conditions, legal basis) lowest.
 */
export const FIELDS: RankField[] = [
  { name: 'name', weight: 10, b: 0.3, sound: true },
  { name: 'aliases', weight: 8, b: 0.3, sound: true },
  { name: 'examples', weight: 3, b: 0.5, sound: true },
  { name: 'english', weight: 3, b: 0.3 },
  { name: 'department', weight: 1.5, b: 0.3 },
  { name: 'body', weight: 0.4, b: 0.75 },
];

/** Bonuses for whole matches of a name or alias, in units of the text score (tuned on the items' own example questions). */
export const MATCH_BONUS = { exact: 60, core: 50, sound: 30, contains: 3, contained: 1.5 };

/** BM25 saturation (high, so a name match stays well above an example-question match) and how much meeting every part of a question counts. */
export const RANK_K1 = { k1: 4, coverage: 0.5 };

/** How often another node's catalogue edits are looked for (a cheap count and max). */
const CHECK_MS = 2_000;
/** Items scoring under this share of the best text score are noise (one shared bigram). */
const CUTOFF = 0.2;
/** Learning from clicks: at most this much per word and in all, so a few clicks never outrank a name. */
const CLICK_PER_WORD = 1;
const CLICK_TOTAL = 2;
const CLICK_DAYS = 180;

interface Doc {
  summary: ItemSummary;
  lifeEvents: string[];
  enterpriseEvents: string[];
  /** The name, aliases and code compacted, for whole matches. */
  keys: string[];
  sounds: string[];
}

interface State {
  itemKey: string;
  clickKey: string;
  docs: Doc[];
  index: RankIndex;
  /** word → item id → how many searches with that word ended on the item. */
  clicks: Map<string, Map<string, number>>;
}

export interface SearchHit {
  item: ItemSummary;
  score: number;
}

/** Masks what must not be kept: ID numbers, phone numbers and any run of six or more digits. */
export function maskQuery(text: string): string {
  return text
    .replace(/[0-9０-９]{6,}[0-9０-９Xx]?/g, (m) => '*'.repeat(m.length))
    .replace(/\s+/g, ' ')
    .trim();
}

export const SearchClick = Type.Object(
  {
    queryId: Type.String({ format: 'uuid' }),
    itemId: Type.String({ format: 'uuid' }),
    kind: Type.Union([Type.Literal('open'), Type.Literal('apply')]),
  },
  { additionalProperties: false },
);
export type SearchClick = Static<typeof SearchClick>;

export const SearchReportQuery = Type.Object(
  {
    kind: Type.Union([Type.Literal('zero'), Type.Literal('low-click')]),
    regionCode: Type.Optional(Type.String({ pattern: '^[0-9]{2,12}$' })),
    days: Type.Optional(Type.Integer({ minimum: 1, maximum: 365 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  },
  { additionalProperties: false },
);
export type SearchReportQuery = Static<typeof SearchReportQuery>;

export const SearchReportRow = Type.Object({
  query: Type.String(),
  searches: Type.Integer(),
  clicks: Type.Integer(),
  averageResults: Type.Number(),
  lastAt: Type.String(),
  /** The item most often listed first for it, so an admin can open it and add an alias. */
  topItem: Type.Union([Type.Null(), Type.Object({ id: Type.String(), name: Type.String() })]),
});
export type SearchReportRow = Static<typeof SearchReportRow>;

/**
 * 智能导办: the catalogue searched in people's own words. The index lives in memory per process,
 * built from the database, and is rebuilt when a cheap version check (item count, last change, last
 * click) differs, so several nodes agree within seconds. Items are analysed once per version.
 */
export class CatalogueSearch {
  private state: State | null = null;
  private building: Promise<State> | null = null;
  private checkedAt = 0;
  private dirty = false;
  private readonly analyzed = new Map<string, { doc: AnalyzedDoc; aliases: string[]; online: boolean }>();
  /** Query-log rows not yet written: a search answers without waiting for a write; they go in batches. */
  private pending: { id: string; region_code: string; query: string; terms: string[]; result_count: number; top_item_ids: string[]; at: Date }[] = [];
  private flushing: Promise<void> | null = null;
  private flushTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly k: Kernel,
    private readonly policy: Policy,
    private readonly names: DepartmentNames,
  ) {}

  /** This node changed the catalogue or learned a click: look again before the next search. */
  invalidate(): void {
    this.dirty = true;
  }

  private async versionKeys(): Promise<{ itemKey: string; clickKey: string }> {
    const r = await sql<{ n: number; m: Date | null; c: Date | null; cn: number }>`
      SELECT (SELECT count(*)::int FROM services_item) AS n, (SELECT max(updated_at) FROM services_item) AS m,
             (SELECT max(at) FROM services_search_click) AS c`.execute(this.k.db);
    const row = r.rows[0];
    return { itemKey: `${row.n}|${row.m ? new Date(row.m).getTime() : 0}`, clickKey: String(row.c ? new Date(row.c).getTime() : 0) };
  }

  /**
   * The index to search. A local change (invalidate) is waited for; another node's change, seen by
   * the periodic version check, is picked up in the background while searches go on with the index
   * they have.
   */
  private async fresh(): Promise<State> {
    if (this.state && !this.dirty && Date.now() - this.checkedAt < CHECK_MS) return this.state;
    const wait = !this.state || this.dirty;
    let building = this.building;
    if (!building) {
      building = this.building = this.refresh().finally(() => (this.building = null));
      building.catch((err: unknown) => this.k.log.warn({ err }, 'services: search index not refreshed'));
    }
    if (!wait && this.state) return this.state;
    const s = await building;
    return this.dirty ? this.fresh() : s;
  }

  private async refresh(): Promise<State> {
    this.dirty = false;
    const keys = await this.versionKeys();
    const prev = this.state;
    const built = prev && prev.itemKey === keys.itemKey ? prev : await this.build(keys.itemKey);
    const clicks = prev && prev.clickKey === keys.clickKey ? prev.clicks : await this.loadClicks();
    this.state = { ...built, itemKey: keys.itemKey, clickKey: keys.clickKey, clicks };
    this.checkedAt = Date.now();
    return this.state;
  }

  private async build(itemKey: string): Promise<State> {
    const rows = await servicesDb(this.k.db)
      .selectFrom('services_item as i')
      .innerJoin('services_item_version as v', (j) => j.onRef('v.item_id', '=', 'i.id').onRef('v.version', '=', 'i.current_version'))
      .select([
        'i.id',
        'i.code',
        'i.region_code',
        'i.name',
        'i.name_en',
        'i.item_type',
        'i.department_id',
        'i.applicant_types',
        'i.life_events',
        'i.enterprise_events',
        'i.promised_days',
        'i.visits',
        'i.handling',
        'i.current_version',
        'i.active',
        'v.id as version_id',
      ])
      .execute();
    const depts = await this.names.of([...new Set(rows.map((r) => r.department_id))]);
    const deptsEn = await this.names.ofEn([...new Set(rows.map((r) => r.department_id))]);
    const cacheKey = (r: (typeof rows)[number]) => `${r.version_id}|${depts.get(r.department_id) ?? ''}`;
    const missing = rows.filter((r) => !this.analyzed.has(cacheKey(r)));
    for (let i = 0; i < missing.length; i += 200) {
      const part = missing.slice(i, i + 200);
      const contents = await servicesDb(this.k.db)
        .selectFrom('services_item_version')
        .select(['id', 'content'])
        .where(
          'id',
          'in',
          part.map((r) => r.version_id),
        )
        .execute();
      const byId = new Map(contents.map((c) => [c.id, c.content as ItemContent]));
      for (const r of part) {
        const c = byId.get(r.version_id);
        if (!c) continue;
        const doc = RankIndex.analyze(FIELDS, {
          id: r.id,
          fields: {
            name: [c.name],
            aliases: c.aliases ?? [],
            examples: c.examples ?? [],
            english: [c.nameEn ?? '', r.code],
            department: [depts.get(r.department_id) ?? ''],
            body: [c.materials.map((m) => m.name).join('，'), c.conditions, c.legalBasis],
          },
        });
        this.analyzed.set(cacheKey(r), { doc, aliases: c.aliases ?? [], online: c.visits === 0 });
      }
    }
    if (this.analyzed.size > 4 * rows.length + 1000) {
      const live = new Set(rows.map(cacheKey));
      for (const key of this.analyzed.keys()) if (!live.has(key)) this.analyzed.delete(key);
    }
    const docs: Doc[] = [];
    const analyzed: AnalyzedDoc[] = [];
    for (const r of rows) {
      const a = this.analyzed.get(cacheKey(r));
      if (!a) continue;
      const names = [r.name, ...a.aliases];
      docs.push({
        summary: {
          id: r.id,
          code: r.code,
          regionCode: r.region_code,
          name: r.name,
          nameEn: r.name_en,
          itemType: r.item_type,
          departmentId: r.department_id,
          departmentName: depts.get(r.department_id) ?? '',
          departmentNameEn: deptsEn.get(r.department_id) ?? null,
          applicantTypes: r.applicant_types,
          promisedDays: r.promised_days,
          visits: r.visits,
          handling: r.handling,
          fullyOnline: r.visits === 0,
          version: r.current_version,
          active: r.active,
        },
        lifeEvents: r.life_events,
        enterpriseEvents: r.enterprise_events,
        keys: [...new Set([...names, r.code].map(compact).filter((k) => k.length > 1))],
        sounds: [...new Set(names.map(soundKey).filter((s) => s.length > 3))],
      });
      analyzed.push(a.doc);
    }
    return { itemKey, clickKey: '', docs, index: new RankIndex(FIELDS, analyzed, RANK_K1.k1), clicks: new Map() };
  }

  private async loadClicks(): Promise<Map<string, Map<string, number>>> {
    const since = new Date(this.k.clock.now().getTime() - CLICK_DAYS * 86_400_000);
    const r = await sql<{ word: string; item_id: string; n: number }>`
      SELECT t.word, c.item_id, count(DISTINCT c.query_id)::int AS n
      FROM services_search_click c
      JOIN services_search_query q ON q.id = c.query_id
      CROSS JOIN LATERAL unnest(q.terms) AS t(word)
      WHERE c.at > ${since}
      GROUP BY t.word, c.item_id`.execute(this.k.db);
    const out = new Map<string, Map<string, number>>();
    for (const row of r.rows) {
      let m = out.get(row.word);
      if (!m) out.set(row.word, (m = new Map()));
      m.set(row.item_id, row.n);
    }
    return out;
  }

  /**
   * Items for a question, best first: BM25F over the fields, a large bonus when the question is an
   * item's name or alias (or sounds like one), a smaller one when it contains or is contained in
   * one, and a small bounded boost for items people opened after asking with the same words.
   */
  async rank(text: string, q: Omit<CatalogueQuery, 'q' | 'limit' | 'after'>, showInactive: boolean): Promise<{ hits: SearchHit[]; words: string[]; meaningful: boolean }> {
    const state = await this.fresh();
    const query = analyzeQuery(text);
    if (!query.terms.length) return { hits: [], words: [], meaningful: false };
    // Filters first, so the noise cut-off is measured against the best item the person can see.
    const seen: [Doc, number][] = [];
    let best = 0;
    for (const [i, score] of state.index.score(query.terms, RANK_K1.coverage)) {
      const d = state.docs[i];
      const s = d.summary;
      if (!s.active && !showInactive) continue;
      if (q.regionCode && !s.regionCode.startsWith(q.regionCode)) continue;
      if (q.departmentId && s.departmentId !== q.departmentId) continue;
      if (q.applicantType && !s.applicantTypes.includes(q.applicantType)) continue;
      if (q.lifeEvent && !d.lifeEvents.includes(q.lifeEvent)) continue;
      if (q.enterpriseEvent && !d.enterpriseEvents.includes(q.enterpriseEvent)) continue;
      seen.push([d, score]);
      best = Math.max(best, score);
    }
    const whole = compact(text);
    const out: SearchHit[] = [];
    for (const [d, score] of seen) {
      const s = d.summary;
      let bonus = 0;
      for (const key of d.keys) {
        if (key === whole) bonus = Math.max(bonus, MATCH_BONUS.exact);
        else if (key === query.core) bonus = Math.max(bonus, MATCH_BONUS.core);
        else if (query.core.length > 1 && query.core.includes(key)) bonus = Math.max(bonus, (MATCH_BONUS.contains * key.length) / query.core.length);
        else if (query.core.length > 1 && key.includes(query.core)) bonus = Math.max(bonus, (MATCH_BONUS.contained * query.core.length) / key.length);
      }
      if (query.sound.length > 3 && d.sounds.includes(query.sound)) bonus = Math.max(bonus, MATCH_BONUS.sound);
      if (score < CUTOFF * best && bonus < 5) continue;
      let learned = 0;
      for (const w of query.words) {
        const n = state.clicks.get(w)?.get(s.id);
        if (n) learned += Math.min(CLICK_PER_WORD, 0.5 * Math.log1p(n));
      }
      out.push({ item: s, score: score + bonus + Math.min(CLICK_TOTAL, learned) });
    }
    out.sort((a, b) => b.score - a.score || (a.item.id < b.item.id ? 1 : -1));
    return { hits: out, words: query.words, meaningful: true };
  }

  /** One page of a text search, with keyset paging on (score, id); the first page is logged. */
  async page(q: CatalogueQuery & { q: string }, showInactive: boolean, log = true): Promise<{ items: ItemSummary[]; next: string | null; queryId: string | null }> {
    const limit = q.limit ?? 20;
    const after = decodeCursor(q.after, 2);
    const { hits, words, meaningful } = await this.rank(q.q, q, showInactive);
    const keyed = hits.map((h) => ({ ...h, key: Math.round(h.score * 10_000) }));
    const start = after ? keyed.filter((h) => h.key < Number(after[0]) || (h.key === Number(after[0]) && h.item.id < String(after[1]))) : keyed;
    const pg = pageOf(start.slice(0, limit + 1), limit, (h) => [h.key, h.item.id]);
    let queryId: string | null = null;
    // Input with nothing searchable in it (emoji, punctuation) is not worth a log row.
    if (log && !after && meaningful)
      queryId = this.log(
        q.regionCode ?? this.k.config.regionCode,
        q.q,
        words,
        hits.length,
        hits.slice(0, 10).map((h) => h.item.id),
      );
    return { items: pg.items.map((h) => h.item), next: pg.next, queryId };
  }

  private log(regionCode: string, text: string, words: string[], count: number, top: string[]): string {
    const id = uuidv7();
    const masked = maskQuery(text);
    const terms = words.filter((w) => !/[0-9]{6,}/.test(w)).slice(0, 20);
    this.pending.push({ id, region_code: regionCode, query: masked.slice(0, 100), terms, result_count: count, top_item_ids: top, at: this.k.clock.now() });
    if (this.pending.length >= 200) void this.flush();
    else if (!this.flushTimer) {
      this.flushTimer = setTimeout(() => void this.flush(), 500);
      this.flushTimer.unref();
    }
    return id;
  }

  /** Writes the query-log rows waiting in memory (at most half a second old), in one statement per 200. */
  async flush(): Promise<void> {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    if (this.flushing) await this.flushing;
    const rows = this.pending;
    if (!rows.length) return;
    this.pending = [];
    this.flushing = (async () => {
      try {
        for (let i = 0; i < rows.length; i += 200)
          await servicesDb(this.k.db)
            .insertInto('services_search_query')
            .values(rows.slice(i, i + 200))
            .execute();
      } catch (err) {
        this.k.log.warn({ err, rows: rows.length }, 'services: search log rows not written');
      } finally {
        this.flushing = null;
      }
    })();
    await this.flushing;
  }

  /** A person opened or applied for an item after a search: counted once per query, item and kind. */
  async click(c: SearchClick): Promise<void> {
    if (this.pending.some((r) => r.id === c.queryId)) await this.flush();
    const q = await servicesDb(this.k.db).selectFrom('services_search_query').select(['region_code', 'at']).where('id', '=', c.queryId).executeTakeFirst();
    if (!q) throw Errors.notFound('search query');
    const item = await servicesDb(this.k.db).selectFrom('services_item').select('id').where('id', '=', c.itemId).where('active', '=', true).executeTakeFirst();
    if (!item) throw Errors.notFound('service item');
    await servicesDb(this.k.db)
      .insertInto('services_search_click')
      .values({ query_id: c.queryId, item_id: c.itemId, region_code: q.region_code, kind: c.kind, at: this.k.clock.now() })
      .onConflict((oc) => oc.columns(['query_id', 'item_id', 'kind']).doNothing())
      .execute();
    this.invalidate();
  }

  /**
   * What people searched for and did not find (zero results), or found but did not open (low
   * click-through), most frequent first, for admins to add aliases.
   */
  async report(who: Principal, q: SearchReportQuery): Promise<SearchReportRow[]> {
    const regionCode = q.regionCode ?? (who.regionCode || this.k.config.regionCode);
    assertAllowed(this.policy, who, 'services.manage', { regionCode });
    await this.flush();
    const since = new Date(this.k.clock.now().getTime() - (q.days ?? 30) * 86_400_000);
    const limit = q.limit ?? 50;
    const zero = q.kind === 'zero';
    const r = await sql<{ query: string; searches: number; clicks: number; average: number; last_at: Date; top: string | null }>`
      SELECT lower(s.query) AS query, count(*)::int AS searches,
             count(*) FILTER (WHERE EXISTS (SELECT 1 FROM services_search_click c WHERE c.query_id = s.id))::int AS clicks,
             avg(s.result_count)::float AS average, max(s.at) AS last_at,
             mode() WITHIN GROUP (ORDER BY s.top_item_ids[1]::text) AS top
      FROM services_search_query s
      WHERE s.region_code LIKE ${`${regionCode}%`} AND s.at > ${since} AND ${zero ? sql`s.result_count = 0` : sql`s.result_count > 0`}
      GROUP BY lower(s.query)
      HAVING ${zero ? sql`true` : sql`count(*) FILTER (WHERE EXISTS (SELECT 1 FROM services_search_click c WHERE c.query_id = s.id)) * 5 < count(*)`}
      ORDER BY searches DESC, last_at DESC
      LIMIT ${limit}`.execute(this.k.db);
    const tops = [...new Set(r.rows.map((x) => x.top).filter((x): x is string => !!x))];
    const names = tops.length ? await servicesDb(this.k.db).selectFrom('services_item').select(['id', 'name']).where('id', 'in', tops).execute() : [];
    const nameOf = new Map(names.map((n) => [n.id, n.name]));
    return r.rows.map((x) => ({
      query: x.query,
      searches: x.searches,
      clicks: x.clicks,
      averageResults: Math.round(Number(x.average) * 10) / 10,
      lastAt: new Date(x.last_at).toISOString(),
      topItem: x.top && nameOf.has(x.top) ? { id: x.top, name: nameOf.get(x.top)! } : null,
    }));
  }
}
