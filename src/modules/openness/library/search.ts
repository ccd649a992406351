import { sql } from 'kysely';
import * as OpenCC from 'opencc-js';
import type { Kernel } from '../../../kernel/index.ts';
import { analyzeQuery, compact, RankIndex, soundKey, type RankField, KeyedCache } from '../../../kernel/search/index.ts';
import type { DocumentRow, Library } from './library.ts';

/**
 * Fields of a document as the search weighs them, in the service search's manner: its title far above
 * its 文号 and 主题词, those above the summary and the issuer, the full text lowest (long, so length
 * matters more).
 */
export const FIELDS: RankField[] = [
  { name: 'title', weight: 10, b: 0.3, sound: true },
  { name: 'number', weight: 6, b: 0.2 },
  { name: 'keywords', weight: 6, b: 0.3, sound: true },
  { name: 'english', weight: 3, b: 0.3 },
  { name: 'summary', weight: 2, b: 0.5 },
  { name: 'issuer', weight: 1.5, b: 0.3 },
  { name: 'body', weight: 0.8, b: 0.75 },
];
/** What `find` looks at: the title and 文号 (and 主题词). */
const NAME_FIELDS: RankField[] = FIELDS.filter((f) => f.name === 'title' || f.name === 'number' || f.name === 'keywords');

const MATCH_BONUS = { exact: 60, core: 50, sound: 30, contains: 3, contained: 1.5 };
const K1 = 4;
const COVERAGE = 0.5;
/** Documents under this share of the best text score are noise. */
const CUTOFF = 0.2;
/** Every query checks the cheap version key (a write in a transaction not yet committed must not leave a stale index). */
const CHECK_MS = 0;

/** Traditional → simplified (台湾正体 → 大陆简体, characters only): the index and queries see simplified text, the document keeps its wording. */
const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });
export const simplified = (s: string): string => (s ? toSimplified(s) : s);

interface State {
  key: string;
  docs: DocumentRow[];
  keys: string[][];
  sounds: string[][];
  index: RankIndex;
  names: RankIndex;
}

/**
 * Every document (any state) in one in-memory BM25F index (jieba words, bigrams, pinyin) over its
 * simplified text, rebuilt when this node changes the library or a cheap check shows another did.
 */
export class DocumentIndex {
  private readonly cache = new KeyedCache<State>(
    () => this.versionKey(),
    (key) => this.build(key),
    CHECK_MS,
  );

  constructor(
    private readonly k: Kernel,
    private readonly lib: Library,
  ) {}

  invalidate(): void {
    this.cache.invalidate();
  }

  private async versionKey(): Promise<string> {
    const r = await sql<{ n: number; m: Date | null; v: number | null }>`
      SELECT count(*)::int AS n, max(updated_at) AS m, sum(version)::int AS v FROM openness_document`.execute(this.k.db);
    const row = r.rows[0];
    return `${row.n}|${row.m ? new Date(row.m).getTime() : 0}|${row.v ?? 0}`;
  }

  fresh(): Promise<State> {
    return this.cache.get();
  }

  private async build(key: string): Promise<State> {
    const docs = await this.lib.rows(this.k.db);
    const fields = (d: DocumentRow) => ({
      title: [simplified(d.title)],
      number: d.number ? [simplified(d.number)] : [],
      keywords: d.keywords.map(simplified),
      english: d.title_en ? [d.title_en] : [],
      summary: d.summary ? [simplified(d.summary)] : [],
      issuer: [simplified(d.issuer_name)],
      body: [simplified(d.body)],
    });
    const analyzed = docs.map((d) => RankIndex.analyze(FIELDS, { id: d.id, fields: fields(d) }));
    const named = docs.map((d) => {
      const f = fields(d);
      return RankIndex.analyze(NAME_FIELDS, { id: d.id, fields: { title: f.title, number: f.number, keywords: f.keywords } });
    });
    const names = (d: DocumentRow) => [simplified(d.title), ...d.keywords.map(simplified), ...(d.number ? [simplified(d.number)] : [])];
    return {
      key,
      docs,
      keys: docs.map((d) => [
        ...new Set(
          names(d)
            .map(compact)
            .filter((x) => x.length > 1),
        ),
      ]),
      sounds: docs.map((d) => [
        ...new Set(
          names(d)
            .map(soundKey)
            .filter((s) => s.length > 3),
        ),
      ]),
      index: new RankIndex(FIELDS, analyzed, K1),
      names: new RankIndex(NAME_FIELDS, named, K1),
    };
  }

  /** Every document, newest first. */
  async all(): Promise<DocumentRow[]> {
    return (await this.fresh()).docs;
  }

  /**
   * Documents for a query, best first, among those `keep` accepts: BM25F over the fields plus a large
   * bonus when the query is a title, 文号 or 主题词 (or sounds like one) — the service search's ranking.
   * `namesOnly` ranks by title, 文号 and 主题词 alone.
   */
  async rank(text: string, keep: (d: DocumentRow) => boolean, namesOnly = false): Promise<{ doc: DocumentRow; score: number }[]> {
    const s = await this.fresh();
    const simple = simplified(text);
    const query = analyzeQuery(simple);
    if (!query.terms.length) return [];
    const seen: [number, number][] = [];
    let best = 0;
    for (const [i, score] of (namesOnly ? s.names : s.index).score(query.terms, COVERAGE)) {
      if (!keep(s.docs[i])) continue;
      seen.push([i, score]);
      best = Math.max(best, score);
    }
    const whole = compact(simple);
    const out: { doc: DocumentRow; score: number }[] = [];
    for (const [i, score] of seen) {
      let bonus = 0;
      for (const key of s.keys[i]) {
        if (key === whole) bonus = Math.max(bonus, MATCH_BONUS.exact);
        else if (key === query.core) bonus = Math.max(bonus, MATCH_BONUS.core);
        else if (query.core.length > 1 && query.core.includes(key)) bonus = Math.max(bonus, (MATCH_BONUS.contains * key.length) / query.core.length);
        else if (query.core.length > 1 && key.includes(query.core)) bonus = Math.max(bonus, (MATCH_BONUS.contained * query.core.length) / key.length);
      }
      if (query.sound.length > 3 && s.sounds[i].includes(query.sound)) bonus = Math.max(bonus, MATCH_BONUS.sound);
      if (score < CUTOFF * best && bonus < 5) continue;
      out.push({ doc: s.docs[i], score: score + bonus });
    }
    out.sort((a, b) => b.score - a.score || b.doc.published_on.localeCompare(a.doc.published_on) || a.doc.id.localeCompare(b.doc.id));
    return out;
  }
}
