import { sql } from 'kysely';
import type { Kernel } from '../../../kernel/index.ts';
import { analyzeQuery, compact, RankIndex, soundKey, type RankField, KeyedCache } from '../../../kernel/search/index.ts';
import type { OpenCatalogue, DatasetView } from './datasets.ts';

/**
 * Fields of a dataset as the search weighs them, in the service search's manner: its title far
 * above its tags, those above the English words and the publisher, the description and the data
 * items lowest.
 */
export const FIELDS: RankField[] = [
  { name: 'title', weight: 10, b: 0.3, sound: true },
  { name: 'tags', weight: 6, b: 0.3, sound: true },
  { name: 'english', weight: 3, b: 0.3 },
  { name: 'department', weight: 1.5, b: 0.3 },
  { name: 'notes', weight: 0.8, b: 0.75 },
  { name: 'items', weight: 0.5, b: 0.75 },
];

/** Whole matches of a title or tag, as the service search gives them (same units). */
const MATCH_BONUS = { exact: 60, core: 50, sound: 30, contains: 3, contained: 1.5 };
const K1 = 4;
const COVERAGE = 0.5;
/** Datasets under this share of the best text score are noise (one shared bigram). */
const CUTOFF = 0.2;
/** How often another node's changes are looked for. */
const CHECK_MS = 2_000;

interface State {
  key: string;
  docs: DatasetView[];
  keys: string[][];
  sounds: string[][];
  index: RankIndex;
}

/**
 * Every dataset (any state) in one in-memory BM25F index, rebuilt when this node changes the
 * catalogue (invalidate) or a cheap check (count, last change) shows another node did.
 */
export class DatasetIndex {
  private readonly cache = new KeyedCache<State>(
    () => this.versionKey(),
    (key) => this.build(key),
    CHECK_MS,
  );

  constructor(
    private readonly k: Kernel,
    private readonly cat: OpenCatalogue,
  ) {}

  invalidate(): void {
    this.cache.invalidate();
  }

  private async versionKey(): Promise<string> {
    const r = await sql<{ n: number; m: Date | null; v: number | null }>`
      SELECT count(*)::int AS n, max(modified_at) AS m, sum(version)::int AS v FROM opendata_dataset`.execute(this.k.db);
    const row = r.rows[0];
    return `${row.n}|${row.m ? new Date(row.m).getTime() : 0}|${row.v ?? 0}`;
  }

  fresh(): Promise<State> {
    return this.cache.get();
  }

  private async build(key: string): Promise<State> {
    const docs = await this.cat.views(await this.cat.rows());
    const analyzed = docs.map((d) =>
      RankIndex.analyze(FIELDS, {
        id: d.id,
        fields: {
          title: [d.title],
          tags: d.tags,
          english: [d.titleEn, d.name, d.resourceCode],
          department: [d.departmentName],
          notes: [d.notes],
          items: d.items.map((i) => `${i.name} ${i.description}`),
        },
      }),
    );
    const names = (d: DatasetView) => [d.title, ...d.tags];
    return {
      key,
      docs,
      keys: docs.map((d) => [...new Set([...names(d), d.name].map(compact).filter((x) => x.length > 1))]),
      sounds: docs.map((d) => [
        ...new Set(
          names(d)
            .map(soundKey)
            .filter((s) => s.length > 3),
        ),
      ]),
      index: new RankIndex(FIELDS, analyzed, K1),
    };
  }

  /** Every dataset, ordered by name. */
  async all(): Promise<DatasetView[]> {
    return (await this.fresh()).docs;
  }

  /**
   * Datasets for a query, best first, among those `keep` accepts: BM25F over the fields, a large
   * bonus when the query is a title or tag (or sounds like one), smaller when it contains one or is
   * contained in one — the service search's ranking.
   */
  async rank(text: string, keep: (d: DatasetView) => boolean): Promise<{ dataset: DatasetView; score: number }[]> {
    const s = await this.fresh();
    const query = analyzeQuery(text);
    if (!query.terms.length) return [];
    const seen: [number, number][] = [];
    let best = 0;
    for (const [i, score] of s.index.score(query.terms, COVERAGE)) {
      if (!keep(s.docs[i])) continue;
      seen.push([i, score]);
      best = Math.max(best, score);
    }
    const whole = compact(text);
    const out: { dataset: DatasetView; score: number }[] = [];
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
      out.push({ dataset: s.docs[i], score: score + bonus });
    }
    out.sort((a, b) => b.score - a.score || a.dataset.name.localeCompare(b.dataset.name));
    return out;
  }
}
