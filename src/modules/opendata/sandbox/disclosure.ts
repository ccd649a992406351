import type { AggregateGroup } from '../ports.ts';
import type { ReleasedGroup } from './schema.ts';

/*
 * Disclosure control of the sandbox (可用不可见). The rules, in the order they are applied (also in
 * docs/opendata-sandbox.md):
 *
 * 0. Nothing but aggregates: a query names groups (≤ 3 items), measures (count, sum, avg; ≤ 5) and
 *    filters (≤ 5). No operation returns rows; min and max are not offered (each is one person's
 *    value). Every item grouped, measured or filtered must be in the user's agreement, sums and
 *    averages only over numeric items, and the agreement's row scope is always applied.
 * 1. k-anonymity: a group with fewer than k rows (k per region, default 10) is suppressed — its
 *    count and values withheld — also when it is the only group, and also when it is empty (a
 *    query without grouping that matches nobody).
 * 2. Differencing: for every filter, each group is compared with the same group of the same query
 *    without that filter. When the filter removed between 1 and k−1 rows of it, the group is
 *    suppressed: otherwise count(all) − count(all but a few) would single out those few.
 * 3. Complement: along every line of the result (the groups that agree on all grouped items but
 *    one; with one grouped item, all groups), when the hidden rows — suppressed groups, and groups
 *    a filter emptied of 1…k−1 rows — hold between 1 and k−1 rows together, the smallest shown
 *    groups of the line are suppressed too until the hidden rows number at least k (or none is
 *    left), so a hidden group cannot be worked out as a total minus the groups shown.
 * 4. Near-unique items (more distinct values in the scope than rows / k, e.g. a name or an exact
 *    cost): an equality, `in` or prefix filter on one is refused; a group-by on one is answered
 *    but the keys of its suppressed groups are withheld too (only how many were hidden is said),
 *    so grouping by an identifier never lists the identifiers.
 * 5. Budget: each user has a daily number of queries (default 200, China Standard Time days);
 *    refused queries count too, so probing cannot go on for ever.
 * 6. Results are not rounded: the shown counts, sums and averages are exact over ≥ k rows.
 *
 * What it does not defend alone: differencing two different thresholds (age ≥ 30 vs age ≥ 31) or
 * several accounts working together. Against those stand rule 3, the budget and the log every
 * query leaves for the provider (who sees each filter value and may revoke the agreement).
 */

export type Reason = NonNullable<ReleasedGroup['reason']>;

export interface Controlled {
  groups: ReleasedGroup[];
  suppressedGroups: number;
  keysWithheld: boolean;
}

const keyOf = (groupBy: string[], key: Record<string, unknown>) => JSON.stringify(groupBy.map((g) => key[g] ?? null));

type KeyValue = string | number | boolean | null;
const cleanKey = (groupBy: string[], key: Record<string, unknown>): Record<string, KeyValue> =>
  Object.fromEntries(
    groupBy.map((g) => {
      const v = key[g];
      return [g, v === undefined || v === null ? null : typeof v === 'number' || typeof v === 'boolean' ? v : String(v)];
    }),
  );

/**
 * Applies rules 1–4 to the groups of a query. `without[i]` are the groups of the same query without
 * its i-th filter; `keysShown` is false when a grouped item is near-unique.
 */
export function control(groupBy: string[], main: AggregateGroup[], without: AggregateGroup[][], k: number, keysShown: boolean): Controlled {
  // A query without grouping always has its one group, even when nothing matched.
  const groups = groupBy.length === 0 && main.length === 0 ? [{ key: {}, count: 0, values: [] }] : main;
  const reasons = new Map<number, Reason>();
  const lookups = without.map((ws) => new Map(ws.map((w) => [keyOf(groupBy, w.key), w.count])));
  groups.forEach((g, i) => {
    if (g.count < k) return void reasons.set(i, 'small');
    const id = keyOf(groupBy, g.key);
    for (const l of lookups) {
      const removed = (l.get(id) ?? g.count) - g.count;
      if (removed >= 1 && removed < k) return void reasons.set(i, 'difference');
    }
  });
  // Rule 3, along every line of the table (all groups that agree on every grouped item but one):
  // the rows hidden in a line — suppressed groups, and groups a filter emptied of 1…k−1 rows, which
  // the line's total without the filter would reveal — must not be a small number. A group hidden
  // here has ≥ k rows, so it never makes another line small: one pass is enough.
  const phantoms = new Map<string, { key: Record<string, unknown>; count: number }>();
  const present = new Set(groups.map((g) => keyOf(groupBy, g.key)));
  for (const ws of without)
    for (const w of ws) {
      const id = keyOf(groupBy, w.key);
      if (!present.has(id) && w.count >= 1 && w.count < k) phantoms.set(id, { key: w.key, count: Math.max(w.count, phantoms.get(id)?.count ?? 0) });
    }
  for (let j = 0; j < groupBy.length; j++) {
    const others = groupBy.filter((_, x) => x !== j);
    const lines = new Map<string, { hidden: number; shown: number[] }>();
    const lineOf = (key: Record<string, unknown>) => {
      const id = keyOf(others, key);
      if (!lines.has(id)) lines.set(id, { hidden: 0, shown: [] });
      return lines.get(id)!;
    };
    groups.forEach((g, i) => {
      const line = lineOf(g.key);
      if (reasons.has(i)) line.hidden += g.count;
      else line.shown.push(i);
    });
    for (const p of phantoms.values()) lineOf(p.key).hidden += p.count;
    for (const line of lines.values()) {
      if (line.hidden < 1 || line.hidden >= k) continue;
      for (const i of line.shown.sort((a, b) => groups[a].count - groups[b].count)) {
        if (line.hidden >= k) break;
        reasons.set(i, 'complement');
        line.hidden += groups[i].count;
      }
    }
  }
  const released: ReleasedGroup[] = [];
  groups.forEach((g, i) => {
    const reason = reasons.get(i);
    if (!reason) released.push({ key: cleanKey(groupBy, g.key), count: g.count, values: g.values.map((v) => (v === null || !Number.isFinite(v) ? null : v)), suppressed: false, reason: null });
    else if (keysShown) released.push({ key: cleanKey(groupBy, g.key), count: null, values: null, suppressed: true, reason });
  });
  return { groups: released, suppressedGroups: reasons.size, keysWithheld: !keysShown && reasons.size > 0 };
}
