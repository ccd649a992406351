import { CALLS_A } from './part-a.ts';
import { CALLS_A_2 } from './part-a2.ts';
import { CALLS_B } from './part-b.ts';
import { CALLS_B_2 } from './part-b2.ts';
import { CALLS_C } from './part-c.ts';
import { CALLS_C_2 } from './part-c2.ts';

const PARTS = [CALLS_A, CALLS_B, CALLS_C, CALLS_A_2, CALLS_B_2, CALLS_C_2];

/**
 * The demo 12345 history's calls, by leaf category: what callers said, written by hand as people
 * speak (two writers a category, working apart, about 65 distinct calls a category) and labelled by
 * the unit that finally handles them (docs/cases.md, "Who handles what"). `{p}` is a place the seed
 * fills in. The evaluation set in bench/understanding/ was written apart from these and is never
 * trained on. A call two writers happened to word alike is kept once.
 */
export const CASE_CALLS: Record<string, string[]> = {};
for (const part of PARTS) for (const [code, calls] of Object.entries(part)) CASE_CALLS[code] = [...new Set([...(CASE_CALLS[code] ?? []), ...calls])];
