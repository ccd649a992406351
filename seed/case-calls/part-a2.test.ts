import { describe, expect, it } from 'vitest';
import { CALLS_A_2 } from './part-a2.ts';

const LEAVES = [
  '010101',
  '010102',
  '010103',
  '010201',
  '010202',
  '010203',
  '010204',
  '010301',
  '010302',
  '010303',
  '010304',
  '010401',
  '010402',
  '010403',
  '010601',
  '010602',
  '010603',
  '010604',
  '020101',
  '020102',
  '020201',
  '020202',
];

describe('12345 calls, part A2', () => {
  it('covers every leaf of the part with at least 30 calls', () => {
    for (const code of LEAVES) expect(CALLS_A_2[code]?.length ?? 0, code).toBeGreaterThanOrEqual(30);
    expect(Object.keys(CALLS_A_2).sort()).toEqual([...LEAVES].sort());
  });

  it('has no duplicate and no call shorter than 6 characters', () => {
    const all = Object.values(CALLS_A_2).flat();
    expect(new Set(all).size).toBe(all.length);
    for (const text of all) expect([...text].length, text).toBeGreaterThanOrEqual(6);
  });
});
