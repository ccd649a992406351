import { sql, type RawBuilder } from 'kysely';
import { segmenter } from './jieba.ts';

export { analyzeQuery, analyzeText, compact, QUERY_WEIGHTS, STOP_WORDS, type QueryTerm, type AnalyzedQuery } from './analyze.ts';
export { RankIndex, type RankField, type RankDoc, type AnalyzedDoc } from './rank.ts';
export { soundKey, splitPinyin, syllables } from './pinyin.ts';
export { KeyedCache } from './keyed-cache.ts';

const WORD = /[\p{L}\p{N}]/u;

/**
 * Words of a text for indexing: search mode (long terms and their parts) plus every dictionary word
 * inside it (full mode), so 城乡居民养老保险 is also found by 养老保险, which search mode alone
 * does not emit. Lower-cased, no punctuation, each word once.
 */
export function tokenize(text: string): string[] {
  const j = segmenter();
  const words = [...j.cutForSearch(text, true), ...j.cutAll(text)].map((t) => t.trim().toLowerCase()).filter((t) => t.length > 0 && WORD.test(t));
  return [...new Set(words)];
}

/** Words of a query: the precise cut, so a query for 一网通办 asks for that term, not its parts. */
export function queryTokens(query: string): string[] {
  return segmenter()
    .cut(query, true)
    .map((t) => t.trim().toLowerCase())
    .filter((t) => t.length > 0 && WORD.test(t));
}

/** SQL for a text's search vector, to store in a `tsvector` column ('simple' config over jieba tokens). */
export function searchVector(text: string): RawBuilder<unknown> {
  return sql`to_tsvector('simple', ${tokenize(text).join(' ')})`;
}

/**
 * A search vector whose parts weigh differently in the rank (PostgreSQL weights A > B > C > D), so a
 * word in a name outranks the same word in a description: 人口 finds 人口基础信息 before a resource
 * that only counts 家庭人口 among its items.
 */
export function weightedSearchVector(parts: readonly (readonly [string, 'A' | 'B' | 'C' | 'D'])[]): RawBuilder<unknown> {
  return sql`(${sql.join(
    parts.map(([text, w]) => sql`setweight(to_tsvector('simple', ${tokenize(text).join(' ')}), ${w})`),
    sql` || `,
  )})`;
}

/** SQL condition: the vector column matches every word of the query. */
export function matchesQuery(column: string, query: string): RawBuilder<boolean> {
  return sql<boolean>`${sql.ref(column)} @@ plainto_tsquery('simple', ${queryTokens(query).join(' ')})`;
}

/** SQL rank of a match, for ordering results. */
export function queryRank(column: string, query: string): RawBuilder<number> {
  return sql<number>`ts_rank(${sql.ref(column)}, plainto_tsquery('simple', ${queryTokens(query).join(' ')}))`;
}
