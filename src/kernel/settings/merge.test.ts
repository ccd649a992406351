// yiwang-test: database-independent (opens no database; see vitest.config.ts)
import { describe, expect, it } from 'vitest';
import { mergeOver, sourcesOf } from './merge.ts';

describe('the one-way merge of region settings', () => {
  it('a lower level overrides key by key and never changes the level above', () => {
    const national = { limits: { urgent: { responseHours: 1, completeDays: 1 } }, roles: ['a', 'b'] };
    const province = { limits: { urgent: { completeDays: 2 } } };
    const city = { roles: ['c'] };
    const merged = [province, city].reduce<unknown>((acc, l) => mergeOver(acc, l), national);
    expect(merged).toEqual({ limits: { urgent: { responseHours: 1, completeDays: 2 } }, roles: ['c'] });
    expect(national).toEqual({ limits: { urgent: { responseHours: 1, completeDays: 1 } }, roles: ['a', 'b'] });
    expect(province).toEqual({ limits: { urgent: { completeDays: 2 } } });
  });

  it('says which region set each field, and an empty override takes nothing over', () => {
    const s = sourcesOf([
      { regionCode: '', value: { a: { x: 1, y: 2 }, list: [1] } },
      { regionCode: '15', value: { a: { y: 3 } } },
      { regionCode: '1522', value: {} },
      { regionCode: '152201', value: { list: [2] } },
    ]);
    expect(s).toEqual({ '/a/x': '', '/a/y': '15', '/list': '152201' });
  });
});
