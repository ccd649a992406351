import { describe, expect, it } from 'vitest';
import { CALLS_B_2 } from './part-b2.js';

const LEAVES = [
  '020203',
  '020301',
  '020401',
  '020402',
  '020403',
  '030101',
  '030102',
  '030201',
  '030202',
  '030203',
  '030301',
  '030302',
  '040101',
  '040102',
  '040201',
  '040202',
  '040203',
  '050101',
  '050102',
  '050103',
  '050201',
  '050202',
];

describe('12345 calls, part B2', () => {
  it('covers exactly my leaf categories', () => {
    expect(Object.keys(CALLS_B_2).sort()).toEqual([...LEAVES].sort());
  });

  it.each(LEAVES)('category %s has at least 30 calls', (code) => {
    expect(CALLS_B_2[code]!.length).toBeGreaterThanOrEqual(30);
  });

  it('has no duplicate call anywhere', () => {
    const all = Object.values(CALLS_B_2).flat();
    const seen = new Set<string>();
    const dups = all.filter((c) => (seen.has(c) ? true : (seen.add(c), false)));
    expect(dups).toEqual([]);
  });

  it('has no call shorter than 6 characters', () => {
    const short = Object.values(CALLS_B_2)
      .flat()
      .filter((c) => [...c].length < 6);
    expect(short).toEqual([]);
  });
});
