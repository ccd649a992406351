import { CALLS_A } from './part-a.ts';
import { CALLS_B } from './part-b.ts';
import { CALLS_C } from './part-c.ts';

/**
 * The demo 12345 history's calls, by leaf category: what callers said, written by hand as people
 * speak (three writers, 32+ distinct calls a category) and labelled by the unit that finally handles
 * them (docs/cases.md, "Who handles what"). `{p}` is a place the seed fills in. The evaluation set in
 * bench/understanding/ was written apart from these and is never trained on.
 */
export const CASE_CALLS: Record<string, string[]> = { ...CALLS_A, ...CALLS_B, ...CALLS_C };
