import { CASE_TEXTS } from '../case-texts.ts';

/**
 * The demo 12345 history's calls, by leaf category: what callers said, labelled by the unit that
 * finally handled them (docs/cases.md, "Who handles what"). `{p}` is a place the seed fills in.
 */
export const CASE_CALLS: Record<string, string[]> = { ...CASE_TEXTS };
