import { describe, expect, it } from 'vitest';
import { CASE_DUTIES } from '../case-categories.ts';
import { CALLS_A } from './part-a.ts';

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

describe('12345 calls, part A', () => {
  it('gives every leaf of its categories at least 32 calls, and no other codes', () => {
    expect(Object.keys(CALLS_A).sort()).toEqual(LEAVES);
    const duties = new Set(CASE_DUTIES.map(([code]) => code));
    for (const code of LEAVES) {
      expect(duties.has(code), code).toBe(true);
      expect(CALLS_A[code].length, code).toBeGreaterThanOrEqual(32);
    }
  });

  it('has no call twice, within or across categories', () => {
    const all = Object.values(CALLS_A).flat();
    const seen = new Set<string>();
    const twice = all.filter((c) => (seen.has(c) ? true : (seen.add(c), false)));
    expect(twice).toEqual([]);
  });

  it('has no call shorter than 6 characters, and at most one place slot per call', () => {
    for (const [code, calls] of Object.entries(CALLS_A)) {
      for (const call of calls) {
        expect([...call.trim()].length, `${code}: ${call}`).toBeGreaterThanOrEqual(6);
        expect(call.split('{p}').length - 1, `${code}: ${call}`).toBeLessThanOrEqual(1);
      }
    }
  });

  it('names the carrier in every call of a carrier category', () => {
    const carriers: Record<string, RegExp> = { '010601': /移动|10086/, '010602': /联通|10010/, '010603': /电信|10000/ };
    for (const [code, name] of Object.entries(carriers)) {
      for (const call of CALLS_A[code]) expect(call, code).toMatch(name);
    }
  });
});
