import { describe, expect, it } from 'vitest';
import { CALLS_C_2 } from './part-c2.js';

const LEAVES = [
  '050203',
  '060101',
  '060201',
  '060202',
  '060301',
  '070101',
  '070102',
  '070201',
  '070202',
  '070301',
  '070302',
  '080101',
  '080102',
  '080103',
  '080104',
  '090101',
  '090102',
  '090103',
  '090104',
  '090105',
  '090201',
];

describe('12345 calls, part C (second writer)', () => {
  it('covers exactly its own leaf categories', () => {
    expect(Object.keys(CALLS_C_2).sort()).toEqual([...LEAVES].sort());
  });

  it.each(LEAVES)('category %s has at least 30 calls', (code) => {
    expect(CALLS_C_2[code]?.length ?? 0).toBeGreaterThanOrEqual(30);
  });

  it('has no duplicate call anywhere in the part', () => {
    const all = Object.values(CALLS_C_2).flat();
    const seen = new Set<string>();
    const dupes = all.filter((c) => (seen.has(c) ? true : (seen.add(c), false)));
    expect(dupes).toEqual([]);
  });

  it('has no call shorter than 6 characters', () => {
    const short = Object.values(CALLS_C_2)
      .flat()
      .filter((c) => [...c].length < 6);
    expect(short).toEqual([]);
  });
});
