import { pinyin } from 'pinyin-pro';
import { tokenize } from '../../kernel/search/index.ts';

/** Words too common in 12345 calls to say anything about the matter. */
export const STOP = new Set([
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
  '有关',
  '麻烦',
  '谢谢',
  '记录',
  '之前',
  '电话',
  '回复',
  '继续',
  '派人',
  '看看',
]);

/** Prefixes that keep the three kinds of feature apart; a word has none (so older word counts stay valid). */
export const BIGRAM = 'b:';
export const PINYIN = 'p:';

const HAN_RUN = /\p{Script=Han}+/gu;
/** Longest text that is looked at: a 12345 call is at most 2000 characters, plus its title. */
const MAX_CHARS = 2200;
/** Text cut into jieba words: the start of a call says what it is about; bigrams cover the rest. */
const MAX_WORD_CHARS = 800;

/** Han characters whose pinyin is looked at: enough for any call, bounded for a pasted essay. */
const MAX_PINYIN = 600;

/** Toneless pinyin of each character of a run of Han characters (polyphones read in context). */
function pinyinOf(run: string): string[] {
  return pinyin(run, { toneType: 'none', type: 'array', v: true });
}

/** The words a case is classified by: jieba tokens of two characters or more, minus stop words and numbers. */
export function caseTerms(text: string): string[] {
  return tokenize(text.slice(0, MAX_CHARS)).filter((t) => t.length >= 2 && t.length <= 20 && !STOP.has(t) && !/^[0-9]+$/.test(t));
}

/**
 * The features of a text, each once: its jieba words, the Han character bigrams (which survive a
 * wrong word split), and the toneless pinyin of each bigram (which survives a homophone typo).
 */
export function caseFeatures(text: string): string[] {
  const t = text.slice(0, MAX_CHARS);
  const out = new Set<string>(caseTerms(t.slice(0, MAX_WORD_CHARS)));
  let budget = MAX_PINYIN;
  for (const run of t.match(HAN_RUN) ?? []) {
    if (run.length < 2) continue;
    const py = budget > 0 ? pinyinOf(run.slice(0, budget)) : [];
    budget -= run.length;
    for (let i = 0; i + 1 < run.length; i++) {
      const b = run.slice(i, i + 2);
      if (STOP.has(b)) continue;
      out.add(BIGRAM + b);
      // The sound of the bigram: 暖器/暖气 and 不惹/不热 land on the same feature.
      if (i + 1 < py.length) out.add(PINYIN + py[i] + py[i + 1]);
    }
  }
  return [...out];
}

/** The kind of a feature, for its weight. */
export function featureKind(f: string): 'word' | 'bigram' | 'pinyin' {
  return f.startsWith(BIGRAM) ? 'bigram' : f.startsWith(PINYIN) ? 'pinyin' : 'word';
}

/** Where a caller turns to a second, smaller matter: the label is the main complaint (docs/cases.md). */
const ASIDE = /(另外|还有个|还有一件|还有就是|顺便|此外|再就是|对了)/;
/** How much the words after such a turn count, against the main complaint's. */
export const ASIDE_WEIGHT = 0.35;

/** A call's main complaint and what it says after turning to a side matter ('' when it does not). */
export function mainAndAside(text: string): [string, string] {
  const m = ASIDE.exec(text);
  // A turn in the first few characters is the start of the call, not a side remark.
  if (!m || m.index < 8) return [text, ''];
  return [text.slice(0, m.index), text.slice(m.index)];
}

/** Features with weights: the main complaint's at 1, those only in a side remark at ASIDE_WEIGHT. */
export function weightedFeatures(text: string): Map<string, number> {
  const [main, aside] = mainAndAside(text);
  const out = new Map<string, number>();
  if (aside) for (const f of caseFeatures(aside)) out.set(f, ASIDE_WEIGHT);
  for (const f of caseFeatures(main)) out.set(f, 1);
  return out;
}
