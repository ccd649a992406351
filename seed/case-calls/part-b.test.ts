import { describe, expect, it } from 'vitest';
import { CASE_CATEGORIES, CASE_DUTIES } from '../case-categories.ts';
import { CALLS_B } from './part-b.ts';

// The leaves this part writes for, with the unit the 派单目录 gives each (docs/cases.md).
const MINE: Record<string, string> = {
  '020203': 'STHJ',
  '020301': 'STHJ',
  '020401': 'ZRZYJ',
  '020402': 'LCJ',
  '020403': 'SLJ',
  '030101': 'SCJG',
  '030102': 'SCJG',
  '030201': 'SCJG',
  '030202': 'SCJG',
  '030203': 'SCJG',
  '030301': 'YCZM',
  '030302': 'SWJ',
  '040101': 'RSJ',
  '040102': 'RSJ',
  '040201': 'RSJ',
  '040202': 'YBJ',
  '040203': 'GJJ',
  '050101': 'JTJ',
  '050102': 'JTJ',
  '050103': 'JTJ',
  '050201': 'JGDD',
  '050202': 'JGDD',
};

describe('12345 calls, part B', () => {
  it('covers exactly its leaves, which the category tree and the 派单目录 know with the same units', () => {
    expect(Object.keys(CALLS_B).sort()).toEqual(Object.keys(MINE).sort());
    const leaves = new Set(CASE_CATEGORIES.map(([code]) => code));
    const units = new Map(CASE_DUTIES.map(([code, unit]) => [code, unit]));
    for (const [code, unit] of Object.entries(MINE)) {
      expect(leaves.has(code), code).toBe(true);
      expect(units.get(code), code).toBe(unit);
    }
  });

  it('has at least 32 calls for every leaf', () => {
    for (const code of Object.keys(MINE)) expect(CALLS_B[code]?.length ?? 0, code).toBeGreaterThanOrEqual(32);
  });

  it('never repeats a call, within a leaf or across leaves', () => {
    const all = Object.values(CALLS_B).flat();
    const seen = new Set<string>();
    const repeated = all.filter((call) => (seen.has(call) ? true : (seen.add(call), false)));
    expect(repeated).toEqual([]);
  });

  it('has no call shorter than 6 characters, and at most one place slot per call', () => {
    for (const [code, calls] of Object.entries(CALLS_B)) {
      for (const call of calls) {
        expect([...call.trim()].length, `${code}: ${call}`).toBeGreaterThanOrEqual(6);
        expect(call.split('{p}').length - 1, `${code}: ${call}`).toBeLessThanOrEqual(1);
      }
    }
  });
});
