// yiwang-test: database-independent (opens no database; see vitest.config.ts)
import { describe, expect, it } from 'vitest';
import { analyzeQuery, analyzeText, compact, RankIndex, soundKey, splitPinyin, type RankField } from './index.ts';

describe('reading a question', () => {
  it('drops the way people ask and keeps what they ask for', () => {
    const q = analyzeQuery('我的身份证过期了要怎么办');
    expect(q.words).toEqual(['身份证', '过期']);
    expect(q.core).toBe('身份证过期');
    expect(q.terms.map((t) => t.term)).toEqual(expect.arrayContaining(['w:身份证', 'b:身份', 'b:过期', 'p:shen_fen']));
    expect(q.terms.map((t) => t.term)).not.toContain('w:怎么办');
  });

  it('still searches a question made only of common words, and a single character', () => {
    expect(analyzeQuery('办理').terms.length).toBeGreaterThan(0);
    expect(analyzeQuery('税').terms.map((t) => t.term)).toContain('u:税');
    expect(analyzeQuery('😀😀').terms).toEqual([]);
  });

  it('reads Latin letters as pinyin and characters by their sound', () => {
    expect(splitPinyin('shebaoka')).toEqual(['she', 'bao', 'ka']);
    expect(splitPinyin('xian')).toEqual(['xian']);
    expect(splitPinyin('select1')).toBeNull();
    expect(soundKey('社宝卡')).toBe(soundKey('社保卡'));
    expect(soundKey('重庆银行')).toBe('chongqingyinhang');
    expect(analyzeQuery('shebaoka').sound).toBe('shebaoka');
  });

  it('widens everyday words to the words of implementation lists', () => {
    expect(analyzeQuery('驾照丢了').terms.map((t) => t.term)).toEqual(expect.arrayContaining(['w:驾驶证', 'w:遗失']));
  });

  it('compacts text for whole comparisons', () => {
    expect(compact(' 社保卡！Card ')).toBe('社保卡card');
    expect(analyzeText('', true)).toEqual([]);
  });
});

describe('BM25F ranking', () => {
  const fields: RankField[] = [
    { name: 'name', weight: 10, b: 0.3, sound: true },
    { name: 'examples', weight: 3, b: 0.5, sound: true },
    { name: 'body', weight: 0.4, b: 0.75 },
  ];
  const docs = [
    { id: 'card', fields: { name: ['社会保障卡申领'], examples: ['社保卡怎么办'], body: ['居民身份证'] } },
    { id: 'idcard', fields: { name: ['居民身份证换领'], examples: ['身份证过期了怎么办'], body: ['居民身份证'] } },
    { id: 'shop', fields: { name: ['个体工商户设立登记'], examples: ['开个小店要办什么'], body: ['居民身份证', '经营场所使用证明'] } },
  ];
  const index = new RankIndex(
    fields,
    docs.map((d) => RankIndex.analyze(fields, d)),
  );
  const best = (q: string) => {
    const scores = [...index.score(analyzeQuery(q).terms)].sort((a, b) => b[1] - a[1]);
    return scores.map(([i]) => index.ids[i]);
  };

  it('ranks a match in the name above one in the long texts', () => {
    expect(best('身份证')[0]).toBe('idcard');
  });

  it('needs no query word to be everywhere', () => {
    expect(best('身份证过期 火星')[0]).toBe('idcard');
  });

  it('finds a mistyped character by its sound', () => {
    expect(best('社宝卡')[0]).toBe('card');
  });
});
