// yiwang-test: database-independent (opens no database; see vitest.config.ts)
import { describe, expect, it } from 'vitest';
import { CASE_CATEGORIES, CASE_DUTIES } from '../case-categories.ts';
import { CALLS_A } from './part-a.ts';
import { CALLS_A_2 } from './part-a2.ts';
import { CALLS_B } from './part-b.ts';
import { CALLS_B_2 } from './part-b2.ts';
import { CALLS_C } from './part-c.ts';
import { CALLS_C_2 } from './part-c2.ts';
import { CASE_CALLS } from './index.ts';

const PARTS = { CALLS_A, CALLS_A_2, CALLS_B, CALLS_B_2, CALLS_C, CALLS_C_2 };
const leaves = new Set(CASE_DUTIES.map(([c]) => c));
const named = new Set(CASE_CATEGORIES.map(([c]) => c));

describe('the hand-written 12345 calls', () => {
  for (const [name, part] of Object.entries(PARTS))
    it(`${name}: every key is a leaf of the 派单目录 with at least 30 distinct calls a seed can fill`, () => {
      for (const [code, calls] of Object.entries(part)) {
        expect(leaves.has(code) && named.has(code), code).toBe(true);
        expect(calls.length, code).toBeGreaterThanOrEqual(30);
        expect(new Set(calls).size, code).toBe(calls.length);
        for (const c of calls) {
          expect(c.replace('{p}', '').length, c).toBeGreaterThanOrEqual(6);
          // The seed fills only the first {p}; a second would show as literal text.
          expect(c.split('{p}').length, c).toBeLessThanOrEqual(2);
        }
      }
    });

  it('covers every leaf of the 派单目录, with two writers each', () => {
    for (const code of leaves) {
      expect(CASE_CALLS[code]?.length ?? 0, code).toBeGreaterThanOrEqual(60);
      expect(Object.values(PARTS).filter((p) => p[code]).length, code).toBe(2);
    }
  });
});
