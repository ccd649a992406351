import type { Platform } from '../../src/platform.ts';

/**
 * The catalogue search as the understanding bench calls it: the ten best item codes for a question
 * and how long the in-process search took. Not logged in the query log (the bench is not a person).
 */
export async function searchForBench(p: Platform, query: string): Promise<{ codes: string[]; ms: number }> {
  const started = performance.now();
  if (!query.trim()) return { codes: [], ms: performance.now() - started };
  const r = await p.services.catalogue.list({ q: query.slice(0, 100), limit: 10 }, null, { log: false });
  return { codes: r.items.map((i) => i.code), ms: performance.now() - started };
}
