import { caseFeatures, featureKind } from './classifier-features.ts';

/**
 * The counts a classifier is trained from: per category the cases seen and the features they
 * carried, per feature how many cases of each category carried it. They are what the database
 * keeps (cases_category_count, cases_term_count), so every node learns from every dispatch.
 */
export interface Counts {
  docs: Map<string, number>;
  terms: Map<string, number>;
  counts: Map<string, Map<string, number>>;
  totalDocs: number;
}

export const emptyCounts = (): Counts => ({ docs: new Map(), terms: new Map(), counts: new Map(), totalDocs: 0 });

/** Adds one case's features to the counts. */
export function addCase(c: Counts, categoryCode: string, features: string[], n = 1): void {
  c.docs.set(categoryCode, (c.docs.get(categoryCode) ?? 0) + n);
  c.terms.set(categoryCode, (c.terms.get(categoryCode) ?? 0) + features.length * n);
  c.totalDocs += n;
  for (const f of features) {
    let byCat = c.counts.get(f);
    if (!byCat) c.counts.set(f, (byCat = new Map()));
    byCat.set(categoryCode, (byCat.get(categoryCode) ?? 0) + n);
  }
}

/** Weights and smoothing, tuned on a held-out fifth of the training history (see docs/cases.md). */
export interface ModelParams {
  /** How much a feature of each kind counts. */
  weight: { word: number; bigram: number; pinyin: number };
  /** Additive smoothing of feature counts. */
  alpha: number;
  /** How many cases a responsibility-list keyword is worth to its category ('multinomial'). */
  keywordPrior: number;
  /** The least share of a category's cases a keyword of its duty entry is taken to appear in ('df'). */
  keywordShare: number;
  /** Discount features carried by many categories ('df'). */
  idf: boolean;
  /** Exponent on the class prior (0: every category alike, 1: as often as seen). */
  priorPower: number;
  /** Softmax temperature per feature of the text: keeps confidences readable on long calls. */
  temperature: number;
  /**
   * 'df': a feature's likelihood is the share of the category's cases that carry it, floored at
   * `alpha` — every category pays the same for a feature it never saw, so categories with little
   * history do not soak up unfamiliar words. 'multinomial': the textbook model.
   */
  mode: 'df' | 'multinomial';
}

export const DEFAULT_PARAMS: ModelParams = {
  weight: { word: 1, bigram: 0.1, pinyin: 0.6 },
  alpha: 0.1,
  keywordPrior: 4,
  keywordShare: 8,
  idf: true,
  priorPower: 0,
  temperature: 0.1,
  mode: 'df',
};

/**
 * A multinomial naive Bayes model over binary features (a case counts a feature once), with
 * per-kind weights and the responsibility list's keywords as prior counts. It reads the counts
 * as they are (learning adds to them, nothing is rebuilt); scoring a call touches only the
 * categories each of its features was seen with.
 */
export class NaiveBayes {
  /** Keyword features per category, counted as `keywordPrior` cases each. */
  private readonly kw = new Map<string, Map<string, number>>();
  private readonly kwTotal = new Map<string, number>();
  private readonly kwOnly: number;

  constructor(
    private readonly counts: Counts,
    readonly codes: string[],
    keywords: Map<string, string[]>,
    readonly params: ModelParams = DEFAULT_PARAMS,
  ) {
    const known = new Set(codes);
    for (const [code, words] of keywords) {
      if (!known.has(code)) continue;
      const feats = new Set(words.flatMap((w) => caseFeatures(w)));
      for (const f of feats) {
        let byCat = this.kw.get(f);
        if (!byCat) this.kw.set(f, (byCat = new Map()));
        byCat.set(code, params.keywordPrior);
      }
      this.kwTotal.set(code, feats.size * params.keywordPrior);
    }
    this.kwOnly = [...this.kw.keys()].filter((f) => !counts.counts.has(f)).length;
  }

  /** The features the model has seen (in cases or keywords); the others say nothing. */
  known(features: string[]): string[] {
    return features.filter((f) => this.counts.counts.has(f) || this.kw.has(f));
  }

  /** Probability per category for the features, summing to 1; empty when no feature is known. */
  score(input: string[] | Map<string, number>): Map<string, number> {
    const given = Array.isArray(input) ? null : input;
    const features = given ? [...given.keys()] : (input as string[]);
    const scale = (f: string) => given?.get(f) ?? 1;
    const known = this.known(features);
    if (!known.length) return new Map();
    const { alpha, weight, priorPower } = this.params;
    const vocab = Math.max(1, this.counts.counts.size + this.kwOnly);
    const logAlpha = Math.log(alpha);
    let mass = 0;
    const hits = new Map<string, number>();
    for (const f of known) {
      const w = weight[featureKind(f)] * scale(f);
      mass += w;
      const seen = this.counts.counts.get(f);
      const kw = this.kw.get(f);
      const cats = new Set<string>([...(seen?.keys() ?? []), ...(kw?.keys() ?? [])]);
      for (const c of cats) {
        const n = (seen?.get(c) ?? 0) + (kw?.get(c) ?? 0);
        if (n > 0) hits.set(c, (hits.get(c) ?? 0) + w * (Math.log(n + alpha) - logAlpha));
      }
    }
    const docSum = this.counts.totalDocs + this.codes.length * 2;
    if (this.params.mode === 'df') return this.scoreDf(known, docSum, scale);
    const s = new Map<string, number>();
    for (const c of this.codes) {
      const total = (this.counts.terms.get(c) ?? 0) + (this.kwTotal.get(c) ?? 0);
      const docs = (this.counts.docs.get(c) ?? 0) + (this.kwTotal.has(c) ? 1 : 0) + 1;
      s.set(c, priorPower * Math.log(docs / docSum) + mass * (logAlpha - Math.log(total + alpha * vocab)) + (hits.get(c) ?? 0));
    }
    return this.soften(s, mass);
  }

  private scoreDf(known: string[], docSum: number, scale: (f: string) => number): Map<string, number> {
    const { alpha, weight, priorPower, keywordShare, idf } = this.params;
    const logFloor = Math.log(alpha);
    const hits = new Map<string, number>();
    let mass = 0;
    const all = this.codes.length;
    for (const f of known) {
      const seen = this.counts.counts.get(f);
      const kw = this.kw.get(f);
      // A feature carried by many categories says little (an idf-like discount).
      let spread = seen?.size ?? 0;
      if (kw) for (const c of kw.keys()) if (!seen?.has(c)) spread++;
      const w = weight[featureKind(f)] * scale(f) * (idf ? Math.log(1 + all / Math.max(1, spread)) / Math.log(1 + all) : 1);
      mass += w;
      const add = (c: string) => {
        const d = this.counts.docs.get(c) ?? 0;
        // A keyword of the category's duty entry counts as carried by at least `keywordShare` of its cases.
        const share = Math.max(d > 0 ? Math.min(1, (seen?.get(c) ?? 0) / d) : 0, kw?.has(c) ? keywordShare : 0);
        if (share > 0) hits.set(c, (hits.get(c) ?? 0) + w * (Math.log(share + alpha) - logFloor));
      };
      if (seen) for (const c of seen.keys()) add(c);
      if (kw) for (const c of kw.keys()) if (!seen?.has(c)) add(c);
    }
    const s = new Map<string, number>();
    for (const c of this.codes) {
      const docs = (this.counts.docs.get(c) ?? 0) + (this.kwTotal.has(c) ? 1 : 0) + 1;
      s.set(c, priorPower * Math.log(docs / docSum) + (hits.get(c) ?? 0));
    }
    return this.soften(s, mass);
  }

  private soften(s: Map<string, number>, mass: number): Map<string, number> {
    // Naive Bayes is overconfident as evidence grows; a temperature that grows with the text keeps
    // "how sure" readable while the ranking stays the same.
    const temp = Math.max(1, mass * this.params.temperature);
    const max = Math.max(...s.values());
    const exps = new Map([...s].map(([c, v]) => [c, Math.exp((v - max) / temp)]));
    const z = [...exps.values()].reduce((a, b) => a + b, 0);
    return new Map([...exps].map(([c, v]) => [c, v / z]));
  }
}
