import { queryTokens, tokenize } from '../../src/kernel/search/index.ts';
import type { Platform } from '../../src/platform.ts';

type Entry = { code: string; name: Set<string>; all: Set<string> };
let entries: Entry[] | null = null;

/**
 * The baseline the search is measured against: what the portal did before (an item matches when
 * every word of the query is among the words of its name, code, conditions and materials; ranked
 * by how many of them are in its name), over the same catalogue, in memory.
 */
export async function everyWordSearch(p: Platform, query: string): Promise<{ codes: string[]; ms: number }> {
  if (!entries) {
    const rows = await p.kernel.db
      .selectFrom('services_item as i')
      .innerJoin('services_item_version as v', (j) => j.onRef('v.item_id', '=', 'i.id').onRef('v.version', '=', 'i.current_version'))
      .select(['i.code', 'i.name', 'v.content'])
      .where('i.active', '=', true)
      .execute();
    entries = rows.map((r) => {
      const c = r.content as { conditions?: string; materials?: { name: string }[] };
      const text = [r.name, r.code, c.conditions ?? '', (c.materials ?? []).map((m) => m.name).join(' ')].join(' ');
      return { code: r.code, name: new Set(tokenize(r.name)), all: new Set(tokenize(text)) };
    });
  }
  const t = performance.now();
  const words = queryTokens(query);
  const hits = words.length
    ? entries
        .filter((e) => words.every((w) => e.all.has(w)))
        .map((e) => ({ code: e.code, score: words.filter((w) => e.name.has(w)).length }))
        .sort((a, b) => b.score - a.score)
        .slice(0, 10)
    : [];
  return { codes: hits.map((h) => h.code), ms: performance.now() - t };
}
