import { sql } from 'kysely';
import type { Executor } from '../../kernel/db/index.ts';
import type { Kernel } from '../../kernel/index.ts';
import { regionWithin } from '../../kernel/policy/index.ts';
import { tokenize } from '../../kernel/search/index.ts';
import type { Categories } from './categories.ts';
import { casesDb } from './tables.ts';

/** Words too common in 12345 calls to say anything about the category. */
const STOP = new Set([
  '市民',
  '来电',
  '反映',
  '希望',
  '相关',
  '部门',
  '处理',
  '解决',
  '问题',
  '情况',
  '现在',
  '目前',
  '一直',
  '已经',
  '没有',
  '我们',
  '他们',
  '这个',
  '那个',
  '请求',
  '要求',
  '尽快',
  '能够',
  '可以',
  '进行',
  '本人',
  '自己',
  '附近',
  '时候',
  '一下',
  '咨询',
  '投诉',
  '诉求',
  '表示',
  '称',
]);

export interface Scored {
  categoryCode: string;
  confidence: number;
  basis: string[];
}

interface Model {
  docs: Map<string, number>;
  terms: Map<string, number>;
  counts: Map<string, Map<string, number>>;
  totalDocs: number;
  at: number;
}

const RELOAD_MS = 60_000;
/** Weight of the trained model against the keyword rules once the model has seen cases. */
const MODEL_WEIGHT = 0.7;

/** The words a case is classified by: jieba tokens of two characters or more, minus stop words. */
export function caseTerms(text: string): string[] {
  return tokenize(text).filter((t) => t.length >= 2 && !STOP.has(t) && !/^[0-9]+$/.test(t));
}

/**
 * Suggests categories for a case (分得更准): a multinomial naive Bayes model over jieba tokens,
 * trained on past cases and on every dispatcher's choice (term counts live in the database, so
 * every node learns), blended with keyword rules from the responsibility list. The rules carry a
 * new installation until the model has seen cases.
 */
export class Classifier {
  private model: Model | null = null;
  constructor(
    private readonly k: Kernel,
    private readonly categories: Categories,
  ) {}

  private async current(): Promise<Model> {
    if (this.model && Date.now() - this.model.at < RELOAD_MS) return this.model;
    const [docs, counts] = await Promise.all([casesDb(this.k.db).selectFrom('cases_category_count').selectAll().execute(), casesDb(this.k.db).selectFrom('cases_term_count').selectAll().execute()]);
    const m: Model = { docs: new Map(), terms: new Map(), counts: new Map(), totalDocs: 0, at: Date.now() };
    for (const d of docs) {
      m.docs.set(d.category_code, d.docs);
      m.terms.set(d.category_code, d.terms);
      m.totalDocs += d.docs;
    }
    for (const c of counts) {
      let byCat = m.counts.get(c.term);
      if (!byCat) m.counts.set(c.term, (byCat = new Map()));
      byCat.set(c.category_code, c.n);
    }
    this.model = m;
    return m;
  }

  /** Forget the cached model (after a bulk training), so the next call reads the counts again. */
  invalidate(): void {
    this.model = null;
  }

  /** Categories ranked for a text in a region, best first, with a confidence that sums to 1. */
  async classify(text: string, regionCode: string, limit = 3): Promise<Scored[]> {
    const terms = caseTerms(text);
    const leaves = (await this.categories.list()).filter((c) => c.leaf && c.active);
    if (!leaves.length) return [];
    const m = await this.current();
    const ruleHits = await this.ruleHits(text, regionCode);
    const nb =
      m.totalDocs > 0 && terms.length > 0
        ? this.naiveBayes(
            m,
            terms,
            leaves.map((c) => c.code),
          )
        : null;
    const ruleTotal = [...ruleHits.values()].reduce((s, h) => s + h.length, 0);
    const scored = leaves.map((c) => {
      const rule = ruleTotal ? (ruleHits.get(c.code)?.length ?? 0) / ruleTotal : 0;
      const model = nb?.get(c.code) ?? 0;
      const confidence = nb ? (ruleTotal ? MODEL_WEIGHT * model + (1 - MODEL_WEIGHT) * rule : model) : rule;
      const basis = [...(ruleHits.get(c.code) ?? []).map((w) => `keyword:${w}`), ...(nb && model > 0.05 ? ['model'] : [])];
      return { categoryCode: c.code, confidence, basis };
    });
    return scored
      .filter((s) => s.confidence > 0)
      .sort((a, b) => b.confidence - a.confidence || a.categoryCode.localeCompare(b.categoryCode))
      .slice(0, limit)
      .map((s) => ({ ...s, confidence: Math.round(s.confidence * 1000) / 1000 }));
  }

  /** Keywords of the responsibility entries that apply in the region and appear in the text. */
  private async ruleHits(text: string, regionCode: string): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    for (const d of await this.categories.duties()) {
      if (!d.active || !regionWithin(regionCode, d.regionCode)) continue;
      const hits = d.keywords.filter((w) => text.includes(w));
      if (hits.length) out.set(d.categoryCode, [...new Set([...(out.get(d.categoryCode) ?? []), ...hits])]);
    }
    return out;
  }

  /** Posterior per category with Laplace smoothing, softened by the text's length. */
  private naiveBayes(m: Model, terms: string[], codes: string[]): Map<string, number> {
    const vocab = Math.max(1, m.counts.size);
    const logs = codes.map((code) => {
      const docs = m.docs.get(code) ?? 0;
      const total = m.terms.get(code) ?? 0;
      let s = Math.log((docs + 1) / (m.totalDocs + codes.length));
      for (const t of terms) s += Math.log(((m.counts.get(t)?.get(code) ?? 0) + 1) / (total + vocab));
      return s;
    });
    // Naive Bayes is overconfident on long texts; a temperature growing with length keeps the
    // confidences readable as "how sure", while the ranking stays the same.
    const temp = Math.max(1, terms.length / 4);
    const max = Math.max(...logs);
    const exps = logs.map((l) => Math.exp((l - max) / temp));
    const sum = exps.reduce((a, b) => a + b, 0);
    return new Map(codes.map((c, i) => [c, exps[i] / sum]));
  }

  /** Learns one case's final category (the dispatcher's choice), in the caller's transaction. */
  async learn(trx: Executor, text: string, categoryCode: string): Promise<void> {
    const terms = [...new Set(caseTerms(text))];
    if (!terms.length) return;
    await sql`INSERT INTO cases_term_count (category_code, term, n)
      SELECT ${categoryCode}, t, 1 FROM unnest(${terms}::text[]) AS t
      ON CONFLICT (category_code, term) DO UPDATE SET n = cases_term_count.n + 1`.execute(trx);
    await sql`INSERT INTO cases_category_count (category_code, docs, terms) VALUES (${categoryCode}, 1, ${terms.length})
      ON CONFLICT (category_code) DO UPDATE SET docs = cases_category_count.docs + 1, terms = cases_category_count.terms + ${terms.length}`.execute(trx);
    const m = this.model;
    if (m) {
      m.docs.set(categoryCode, (m.docs.get(categoryCode) ?? 0) + 1);
      m.terms.set(categoryCode, (m.terms.get(categoryCode) ?? 0) + terms.length);
      m.totalDocs += 1;
      for (const t of terms) {
        let byCat = m.counts.get(t);
        if (!byCat) m.counts.set(t, (byCat = new Map()));
        byCat.set(categoryCode, (byCat.get(categoryCode) ?? 0) + 1);
      }
    }
  }

  /**
   * Trains on many cases at once (the seed's history): counts are summed in memory and written as
   * one set-based upsert per table.
   */
  async learnMany(trx: Executor, cases: { text: string; categoryCode: string }[]): Promise<void> {
    const termCounts = new Map<string, number>();
    const catCounts = new Map<string, { docs: number; terms: number }>();
    for (const c of cases) {
      const terms = [...new Set(caseTerms(c.text))];
      const cc = catCounts.get(c.categoryCode) ?? { docs: 0, terms: 0 };
      cc.docs += 1;
      cc.terms += terms.length;
      catCounts.set(c.categoryCode, cc);
      for (const t of terms) termCounts.set(`${c.categoryCode}\u0000${t}`, (termCounts.get(`${c.categoryCode}\u0000${t}`) ?? 0) + 1);
    }
    const keys = [...termCounts.keys()];
    for (let i = 0; i < keys.length; i += 5000) {
      const chunk = keys.slice(i, i + 5000);
      await sql`INSERT INTO cases_term_count (category_code, term, n)
        SELECT c, t, n FROM unnest(${chunk.map((k) => k.split('\u0000')[0])}::text[], ${chunk.map((k) => k.split('\u0000')[1])}::text[], ${chunk.map((k) => termCounts.get(k)!)}::int[]) AS x(c, t, n)
        ON CONFLICT (category_code, term) DO UPDATE SET n = cases_term_count.n + excluded.n`.execute(trx);
    }
    const cats = [...catCounts.entries()];
    if (cats.length)
      await sql`INSERT INTO cases_category_count (category_code, docs, terms)
        SELECT c, d, t FROM unnest(${cats.map(([c]) => c)}::text[], ${cats.map(([, v]) => v.docs)}::int[], ${cats.map(([, v]) => v.terms)}::int[]) AS x(c, d, t)
        ON CONFLICT (category_code) DO UPDATE SET docs = cases_category_count.docs + excluded.docs, terms = cases_category_count.terms + excluded.terms`.execute(trx);
    this.invalidate();
  }
}
