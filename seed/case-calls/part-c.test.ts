import { describe, expect, it } from 'vitest';
import { CASE_CATEGORIES, CASE_DUTIES } from '../case-categories.ts';
import { CALLS_C } from './part-c.ts';

/** Part C's categories and the unit docs/cases.md sends each of them to. */
const PART_C: Record<string, string> = {
  '050203': 'JGDD',
  '060101': 'JYJ',
  '060201': 'WJW',
  '060202': 'WJW',
  '060301': 'WLTJ',
  '070101': 'XFJY',
  '070102': 'YJGL',
  '070201': 'GAJ',
  '070202': 'street',
  '070301': 'HZDD',
  '070302': 'CRJ',
  '080101': 'ZWSJ',
  '080102': 'ZWSJ',
  '080103': 'BDC',
  '080104': 'SWUJ',
  '090101': 'MZJ',
  '090102': 'MZJ',
  '090103': 'MZJ',
  '090104': 'CLH',
  '090105': 'TYJR',
  '090201': 'NMKJ',
};

describe('12345 calls, part C', () => {
  it('covers exactly its leaf categories, each a leaf handled by the unit the rules name', () => {
    expect(Object.keys(CALLS_C).sort()).toEqual(Object.keys(PART_C).sort());
    const codes = CASE_CATEGORIES.map(([code]) => code);
    for (const [code, unit] of Object.entries(PART_C)) {
      expect(codes).toContain(code);
      expect(codes.filter((c) => c !== code && c.startsWith(code))).toEqual([]);
      expect(CASE_DUTIES.find(([c]) => c === code)?.[1]).toBe(unit);
    }
  });

  it('gives every category at least 32 calls', () => {
    for (const [code, calls] of Object.entries(CALLS_C)) {
      expect(calls.length, code).toBeGreaterThanOrEqual(32);
    }
  });

  it('repeats no call, within a category or across them', () => {
    const all = Object.values(CALLS_C).flat();
    const seen = new Set<string>();
    const repeated = all.filter((call) => (seen.has(call) ? true : (seen.add(call), false)));
    expect(repeated).toEqual([]);
  });

  it('has no call shorter than 6 characters, and none that is only a place', () => {
    for (const call of Object.values(CALLS_C).flat()) {
      expect([...call.trim()].length, call).toBeGreaterThanOrEqual(6);
      expect([...call.replaceAll('{p}', '').trim()].length, call).toBeGreaterThanOrEqual(6);
    }
  });

  it('fills only the {p} slot, with no other braces left for the seed to trip on', () => {
    for (const call of Object.values(CALLS_C).flat()) {
      expect(call.replaceAll('{p}', ''), call).not.toMatch(/[{}]/);
    }
  });
});
