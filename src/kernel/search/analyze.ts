import fs from 'node:fs';
import { segmenter } from './jieba.ts';
import { splitPinyin, syllables } from './pinyin.ts';

/**
 * Words that say how someone asks, not what they ask for. Dropped from queries and from indexed
 * text alike, so "我的身份证过期了要怎么办" is searched as 身份证 过期.
 */
export const STOP_WORDS = new Set(
  (
    '的 了 着 过了 吗 呢 啊 吧 呀 么 嘛 哦 哈 是 在 有 没有 和 与 及 或 或者 以及 还 也 都 就 又 才 被 把 给 让 对 从 向 往 ' +
    '我 我的 我们 我家 你 你们 您 他 她 它 自己 本人 咱 这 那 这个 那个 这些 那些 ' +
    '怎么 怎么办 怎么样 怎样 如何 咋 咋办 咋弄 怎么弄 怎么搞 弄 搞 办 办理 去办 要办 想办 办个 办一下 ' +
    '要 想 想要 需要 需 得 能 能否 可以 可不可以 能不能 应该 该 必须 打算 准备 ' +
    '哪里 哪儿 哪 哪个 哪些 去哪 去哪里 在哪 在哪里 什么 啥 什么样 多少 几 多久 多长时间 几天 ' +
    '请问 请 一下 麻烦 帮忙 帮 个 下 上 去 来 到 ' +
    '手续 流程 材料 资料 需要什么 要什么 申请 咨询 问 问题 情况 现在 已经 刚 刚刚 一个'
  ).split(/\s+/),
);

const HAN = /^\p{Script=Han}+$/u;
const WORD = /[\p{L}\p{N}]/u;
const LATIN = /^[a-z]+$/;

/** Lower case, letters and digits only: how names and aliases are compared whole. */
export function compact(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

let synonyms: Map<string, string[]> | null = null;

/** Everyday word → the words implementation lists use (synonyms.txt), read once. */
function synonymMap(): Map<string, string[]> {
  if (!synonyms) {
    synonyms = new Map();
    for (const line of fs.readFileSync(new URL('./synonyms.txt', import.meta.url), 'utf8').split('\n')) {
      const [key, ...rest] = line.trim().split(/\s+/);
      if (!key || key.startsWith('#') || !rest.length) continue;
      synonyms.set(key.toLowerCase(), rest);
    }
  }
  return synonyms;
}

interface Pieces {
  /** Words, each once per text: jieba's precise cut plus its search-mode parts. */
  words: string[];
  /** Extra parts that only the search-mode cut found (为 个体户: 个体). */
  parts: string[];
  /** Runs of Chinese characters between stop words and punctuation. */
  runs: string[];
  /** Latin words (English or pinyin). */
  latin: string[];
  /** Every token of the precise cut that is not a stop word, single characters included. */
  tokens: string[];
}

function pieces(text: string, dropStops: boolean): Pieces {
  const j = segmenter();
  const precise = j.cut(text, true).map((t) => t.trim().toLowerCase());
  const stop = (t: string) => dropStops && STOP_WORDS.has(t);
  const words: string[] = [];
  const runs: string[] = [];
  const latin: string[] = [];
  const tokens: string[] = [];
  let run = '';
  for (const t of precise) {
    const keep = t.length > 0 && WORD.test(t) && !stop(t);
    if (keep) tokens.push(t);
    if (keep && HAN.test(t)) run += t;
    else if (run) {
      runs.push(run);
      run = '';
    }
    if (!keep) continue;
    if (LATIN.test(t)) latin.push(t);
    if (!(HAN.test(t) && t.length === 1) && !(LATIN.test(t) && t.length === 1)) words.push(t);
  }
  if (run) runs.push(run);
  const seen = new Set(words);
  const parts: string[] = [];
  for (const t of j.cutForSearch(text, true)) {
    const w = t.trim().toLowerCase();
    if (w.length > 1 && WORD.test(w) && !stop(w) && !seen.has(w)) {
      seen.add(w);
      parts.push(w);
    }
  }
  return { words: [...new Set(words)], parts, runs, latin, tokens };
}

const bigramsOf = (run: string): string[] => {
  const chars = [...run];
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
  return out;
};

const soundPairs = (syl: string[]): string[] => {
  const out: string[] = [];
  for (let i = 0; i + 1 < syl.length; i++) out.push(`${syl[i]}_${syl[i + 1]}`);
  return out;
};

/**
 * Terms of a text to index, with repeats (they are term frequencies): `w:` words, `b:` character
 * bigrams, `u:` single characters and, when `sound` is asked for, `p:` pairs of toneless pinyin
 * syllables (so 社宝卡 and shebaoka meet 社保卡). All of them after stop words are dropped.
 */
export function analyzeText(text: string, sound: boolean): string[] {
  if (!text.trim()) return [];
  const { words, parts, runs } = pieces(text, true);
  const out = [...words, ...parts].map((w) => `w:${w}`);
  for (const r of runs) {
    for (const b of bigramsOf(r)) out.push(`b:${b}`);
    for (const c of r) out.push(`u:${c}`);
    if (sound) for (const p of soundPairs(syllables(r))) out.push(`p:${p}`);
  }
  return out;
}

export interface QueryTerm {
  term: string;
  weight: number;
}

export interface AnalyzedQuery {
  terms: QueryTerm[];
  /** What the person asked for without the way they asked it (身份证过期), compacted. */
  core: string;
  /** The meaningful words, for learning from what people open afterwards. */
  words: string[];
  /** Latin input read as pinyin (shebaoka → shebaoka), or the core's own sound. */
  sound: string;
}

/** Weights of the kinds of query term: whole words count most, sounds least. */
export const QUERY_WEIGHTS = { word: 1, part: 0.3, bigram: 0.6, char: 1, sound: 0.35, latinSound: 0.6, synonym: 0.6 };

/**
 * A query's terms. Stop words are dropped unless nothing else is left (a query of only 办理 still
 * searches for 办理); single characters are searched only when the query is one character.
 */
export function analyzeQuery(query: string): AnalyzedQuery {
  let p = pieces(query, true);
  if (!p.words.length && !p.runs.length && !p.latin.length) p = pieces(query, false);
  const terms = new Map<string, number>();
  const add = (term: string, weight: number) => terms.set(term, Math.max(terms.get(term) ?? 0, weight));
  for (const w of p.words) add(`w:${w}`, QUERY_WEIGHTS.word);
  for (const w of p.parts) add(`w:${w}`, QUERY_WEIGHTS.part);
  const hanChars = p.runs.reduce((n, r) => n + [...r].length, 0);
  let sound = '';
  for (const r of p.runs) {
    for (const b of bigramsOf(r)) add(`b:${b}`, QUERY_WEIGHTS.bigram);
    if (hanChars === 1) add(`u:${r}`, QUERY_WEIGHTS.char);
    const syl = syllables(r);
    sound += syl.join('');
    for (const s of soundPairs(syl)) add(`p:${s}`, QUERY_WEIGHTS.sound);
  }
  for (const l of p.latin) {
    const syl = splitPinyin(l);
    if (!syl) continue;
    sound += syl.join('');
    for (const s of soundPairs(syl)) add(`p:${s}`, QUERY_WEIGHTS.latinSound);
  }
  // Everyday words also search the words of the implementation lists (驾照 → 驾驶证, 丢 → 遗失 补领).
  const whole = compact(query);
  for (const [key, official] of synonymMap()) {
    const hit = [...key].length > 1 ? whole.includes(key) : p.tokens.includes(key);
    if (!hit) continue;
    for (const o of official) {
      const op = pieces(o, false);
      for (const w of [...op.words, ...op.parts]) if (!terms.has(`w:${w}`)) add(`w:${w}`, QUERY_WEIGHTS.synonym);
    }
  }
  const core = compact([...p.runs, ...p.words.filter((w) => !HAN.test(w))].join(''));
  return { terms: [...terms].map(([term, weight]) => ({ term, weight })), core, words: p.words, sound };
}
