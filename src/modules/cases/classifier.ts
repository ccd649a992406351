import { sql } from 'kysely';
import type { Executor } from '../../kernel/db/index.ts';
import type { Kernel } from '../../kernel/index.ts';
import { regionWithin } from '../../kernel/policy/index.ts';
import type { OrgService } from '../org/index.ts';
import type { Categories } from './categories.ts';
import { caseFeatures, mainAndAside, weightedFeatures } from './classifier-features.ts';
import { addCase, emptyCounts, NaiveBayes, type Counts } from './classifier-model.ts';
import { Gazetteer, type PlaceName, type StreetGuess } from './classifier-places.ts';
import { casesDb } from './tables.ts';

export { caseTerms } from './classifier-features.ts';

export interface Scored {
  categoryCode: string;
  confidence: number;
  basis: string[];
}

interface Loaded {
  counts: Counts;
  places: Gazetteer;
  at: number;
  /** The model per region (its keywords are the duties that apply there) and the duty list it was built from. */
  models: Map<string, { model: NaiveBayes; duties: unknown }>;
}

const RELOAD_MS = 60_000;

/**
 * Understands a call (分得更准): category probabilities from a naive Bayes model over words, Han
 * bigrams and toneless pinyin, trained on the final category of every closed case (the counts
 * live in the database, so every node learns), with the responsibility list's keywords as prior
 * counts; and the street (属地) named in the text, from a gazetteer of streets, towns, estates and
 * roads.
 */
export class Classifier {
  private loaded: Loaded | null = null;
  private loading: Promise<Loaded> | null = null;
  constructor(
    private readonly k: Kernel,
    private readonly categories: Categories,
    private readonly org: Pick<OrgService, 'regions'>,
  ) {}

  private async current(): Promise<Loaded> {
    const l = this.loaded;
    if (l && Date.now() - l.at < RELOAD_MS) return l;
    this.loading ??= this.load()
      .then((x) => (this.loaded = x))
      .finally(() => (this.loading = null));
    // A stale model answers while the fresh counts load (what other nodes learned); only the very
    // first call waits.
    if (l) {
      this.loading.catch(() => undefined);
      return l;
    }
    return this.loading;
  }

  private async load(): Promise<Loaded> {
    const db = casesDb(this.k.db);
    const region = this.k.config.regionCode;
    const [docs, terms, names, streets] = await Promise.all([
      db.selectFrom('cases_category_count').selectAll().execute(),
      db.selectFrom('cases_term_count').selectAll().execute(),
      db.selectFrom('cases_place_name').select(['name', 'street_code', 'kind']).where('region_code', '=', region).execute(),
      this.org.regions(region),
    ]);
    const counts = emptyCounts();
    for (const d of docs) {
      counts.docs.set(d.category_code, d.docs);
      counts.terms.set(d.category_code, d.terms);
      counts.totalDocs += d.docs;
    }
    for (const c of terms) {
      let byCat = counts.counts.get(c.term);
      if (!byCat) counts.counts.set(c.term, (byCat = new Map()));
      byCat.set(c.category_code, c.n);
    }
    const streetNames = new Map(streets.filter((s) => s.active).map((s) => [s.code, s.name]));
    const places: PlaceName[] = names.filter((n) => streetNames.has(n.street_code)).map((n) => ({ name: n.name, streetCode: n.street_code, kind: n.kind }));
    return { counts, places: new Gazetteer(streetNames, places), at: Date.now(), models: new Map() };
  }

  /** Forget what was loaded (after a bulk training or a gazetteer change), so the next call reads it again. */
  invalidate(): void {
    this.loaded = null;
  }

  private async model(regionCode: string): Promise<NaiveBayes> {
    const l = await this.current();
    const duties = await this.categories.duties();
    const cached = l.models.get(regionCode);
    if (cached && cached.duties === duties) return cached.model;
    const leaves = (await this.categories.list()).filter((c) => c.leaf && c.active).map((c) => c.code);
    const keywords = new Map<string, string[]>();
    for (const d of duties) {
      if (!d.active || !regionWithin(regionCode, d.regionCode)) continue;
      keywords.set(d.categoryCode, [...new Set([...(keywords.get(d.categoryCode) ?? []), ...d.keywords])]);
    }
    const model = new NaiveBayes(l.counts, leaves, keywords);
    l.models.set(regionCode, { model, duties });
    return model;
  }

  /** Probability per leaf category for a text in a region; empty when the text holds nothing the model knows. */
  async categoryScores(text: string, regionCode: string): Promise<Map<string, number>> {
    return (await this.model(regionCode)).score(weightedFeatures(text));
  }

  /** Categories ranked for a text in a region, best first, with a confidence that sums to 1. */
  async classify(text: string, regionCode: string, limit = 3): Promise<Scored[]> {
    const scores = await this.categoryScores(text, regionCode);
    return [...scores]
      .filter(([, p]) => p > 0.0005)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, limit)
      .map(([categoryCode, p]) => ({ categoryCode, confidence: Math.round(p * 1000) / 1000, basis: ['model'] }));
  }

  /** The street or town a text names, with how sure; null when it names none. */
  async street(text: string): Promise<StreetGuess | null> {
    return (await this.current()).places.find(text);
  }

  /** Learns one case's final category, in the caller's transaction: from its main complaint, not a side remark. */
  async learn(trx: Executor, text: string, categoryCode: string): Promise<void> {
    const features = caseFeatures(mainAndAside(text)[0]);
    if (!features.length) return;
    await sql`INSERT INTO cases_term_count (category_code, term, n)
      SELECT ${categoryCode}, t, 1 FROM unnest(${features}::text[]) AS t
      ON CONFLICT (category_code, term) DO UPDATE SET n = cases_term_count.n + 1`.execute(trx);
    await sql`INSERT INTO cases_category_count (category_code, docs, terms) VALUES (${categoryCode}, 1, ${features.length})
      ON CONFLICT (category_code) DO UPDATE SET docs = cases_category_count.docs + 1, terms = cases_category_count.terms + ${features.length}`.execute(trx);
    // This node sees it at once; the others at their next reload.
    if (this.loaded) addCase(this.loaded.counts, categoryCode, features);
  }

  /**
   * Trains on many cases at once (the seed's history): counts are summed in memory and written as
   * one set-based upsert per table.
   */
  async learnMany(trx: Executor, cases: { text: string; categoryCode: string }[]): Promise<void> {
    const c = emptyCounts();
    for (const x of cases) addCase(c, x.categoryCode, caseFeatures(mainAndAside(x.text)[0]));
    const rows: [string, string, number][] = [];
    for (const [term, byCat] of c.counts) for (const [code, n] of byCat) rows.push([code, term, n]);
    for (let i = 0; i < rows.length; i += 5000) {
      const chunk = rows.slice(i, i + 5000);
      await sql`INSERT INTO cases_term_count (category_code, term, n)
        SELECT c, t, n FROM unnest(${chunk.map((r) => r[0])}::text[], ${chunk.map((r) => r[1])}::text[], ${chunk.map((r) => r[2])}::int[]) AS x(c, t, n)
        ON CONFLICT (category_code, term) DO UPDATE SET n = cases_term_count.n + excluded.n`.execute(trx);
    }
    const cats = [...c.docs.keys()];
    if (cats.length)
      await sql`INSERT INTO cases_category_count (category_code, docs, terms)
        SELECT c, d, t FROM unnest(${cats}::text[], ${cats.map((k) => c.docs.get(k)!)}::int[], ${cats.map((k) => c.terms.get(k)!)}::int[]) AS x(c, d, t)
        ON CONFLICT (category_code) DO UPDATE SET docs = cases_category_count.docs + excluded.docs, terms = cases_category_count.terms + excluded.terms`.execute(trx);
    this.invalidate();
  }

  /** Adds place names to the gazetteer (estates, roads, villages); existing names are kept. */
  async addPlaces(trx: Executor, names: PlaceName[]): Promise<void> {
    if (!names.length) return;
    await sql`INSERT INTO cases_place_name (region_code, name, street_code, kind)
      SELECT ${this.k.config.regionCode}, n, s, k FROM unnest(${names.map((x) => x.name)}::text[], ${names.map((x) => x.streetCode)}::text[], ${names.map((x) => x.kind)}::text[]) AS x(n, s, k)
      ON CONFLICT DO NOTHING`.execute(trx);
    this.invalidate();
  }
}
