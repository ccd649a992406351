import { analyzeText, type QueryTerm } from './analyze.ts';

/** One field of the documents: how much a match in it counts and how much its length matters. */
export interface RankField {
  name: string;
  weight: number;
  /** BM25 length normalisation, 0 (none) … 1 (full). */
  b: number;
  /** Also index the field's sound (pinyin), for typing mistakes and Latin-letter input. */
  sound?: boolean;
}

/** A document to index: texts per field (a field may hold several, such as aliases). */
export interface RankDoc {
  id: string;
  fields: Record<string, readonly string[]>;
}

/** A document analysed once; keep it to rebuild the index without analysing again. */
export interface AnalyzedDoc {
  id: string;
  /** Per field: term → frequency, and the field's length in terms. */
  fields: { tf: Map<string, number>; length: number }[];
}

/** Texts repeat across documents (the same materials, conditions, legal basis): analyse each once. */
const analysed = new Map<string, string[]>();
function analyseOnce(text: string, sound: boolean): string[] {
  const key = `${sound ? 1 : 0}${text}`;
  let terms = analysed.get(key);
  if (!terms) {
    terms = analyzeText(text, sound);
    if (analysed.size > 50_000) analysed.clear();
    analysed.set(key, terms);
  }
  return terms;
}

interface Posting {
  doc: number;
  /** Σ field weight × length-normalised frequency, computed at build time. */
  wtf: number;
}

/**
 * BM25F over words, character bigrams, single characters and pinyin pairs, in memory. Every
 * query term adds idf × saturated weighted frequency; no term is required, so a question in
 * someone's own words still finds the item that shares most of its meaning.
 */
export class RankIndex {
  private readonly postings = new Map<string, Posting[]>();
  readonly ids: string[];

  constructor(
    private readonly spec: readonly RankField[],
    docs: readonly AnalyzedDoc[],
    private readonly k1 = 4,
  ) {
    this.ids = docs.map((d) => d.id);
    const avg = spec.map((_, f) => docs.reduce((n, d) => n + d.fields[f].length, 0) / Math.max(1, docs.length) || 1);
    for (const [i, d] of docs.entries()) {
      const wtf = new Map<string, number>();
      for (const [f, field] of spec.entries()) {
        const { tf, length } = d.fields[f];
        const norm = 1 - field.b + (field.b * length) / avg[f];
        for (const [term, n] of tf) wtf.set(term, (wtf.get(term) ?? 0) + (field.weight * n) / norm);
      }
      for (const [term, w] of wtf) {
        let list = this.postings.get(term);
        if (!list) this.postings.set(term, (list = []));
        list.push({ doc: i, wtf: w });
      }
    }
  }

  /** Analyses one document for this field layout. */
  static analyze(spec: readonly RankField[], doc: RankDoc): AnalyzedDoc {
    return {
      id: doc.id,
      fields: spec.map((field) => {
        const tf = new Map<string, number>();
        let length = 0;
        for (const text of doc.fields[field.name] ?? []) {
          for (const t of analyseOnce(text, !!field.sound)) {
            tf.set(t, (tf.get(t) ?? 0) + 1);
            length++;
          }
        }
        return { tf, length };
      }),
    };
  }

  get size(): number {
    return this.ids.length;
  }

  /**
   * Scores of the documents matching any term, by position in `ids`. With `coverage` c > 0 a
   * document's score is scaled by (1 − c + c × the idf-weighted share of the query it matches), so
   * an item meeting every part of a question beats one meeting one part many times.
   */
  score(terms: readonly QueryTerm[], coverage = 0): Map<number, number> {
    const n = this.ids.length;
    const out = new Map<number, number>();
    const met = new Map<number, number>();
    let total = 0;
    for (const { term, weight } of terms) {
      const list = this.postings.get(term);
      const df = list?.length ?? 0;
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      total += weight * idf;
      if (!list) continue;
      for (const p of list) {
        out.set(p.doc, (out.get(p.doc) ?? 0) + weight * idf * (p.wtf / (this.k1 + p.wtf)));
        if (coverage > 0) met.set(p.doc, (met.get(p.doc) ?? 0) + weight * idf);
      }
    }
    if (coverage > 0 && total > 0) for (const [doc, s] of out) out.set(doc, s * (1 - coverage + (coverage * (met.get(doc) ?? 0)) / total));
    return out;
  }
}
