import { need, type OpendataContext } from '../area.ts';
import type { DatasetItem } from '../ports.ts';
import { openDataset, pick } from './open-dataset.ts';

export const PREVIEW_ROWS = 20;
export const HISTOGRAM_BINS = 10;
const CACHE_MS = 60_000;

export interface NumericSummary {
  item: string;
  count: number;
  min: number | null;
  max: number | null;
  avg: number | null;
  /** Equal-width bins from min to max; the last includes max. */
  bins: { from: number; to: number; count: number }[];
}

export interface Preview {
  dataset: string;
  items: { code: string; name: string; dataType: string; description: string }[];
  rows: Record<string, unknown>[];
  total: number;
  numeric: NumericSummary[];
}

const isNumeric = (i: DatasetItem) => i.dataType === 'integer' || i.dataType === 'number';
const num = (v: unknown): number | null => (v === null || v === undefined || !Number.isFinite(Number(v)) ? null : Number(v));

/**
 * 预览: the first rows and, for each numeric published item, min/max/avg and a histogram, all
 * computed inside the database (`source.aggregate`, `source.count`): bins come from cumulative
 * counts at each boundary, so no row beyond the first 20 is read. Cached a minute per dataset
 * version on this node.
 */
export class Previews {
  private readonly cache = new Map<string, { at: number; value: Preview }>();

  constructor(private readonly ctx: OpendataContext) {}

  async get(name: string): Promise<Preview> {
    const { ds, items } = await openDataset(this.ctx, name);
    const key = `${ds.id}|${ds.modifiedAt}`;
    const hit = this.cache.get(key);
    if (hit && hit.at > Date.now() - CACHE_MS) return hit.value;
    const source = need(this.ctx, 'source');
    const codes = items.map((i) => i.code);
    const [page, total] = await Promise.all([source.rows(ds.resourceCode, codes, { limit: PREVIEW_ROWS }), source.count(ds.resourceCode)]);
    const numericItems = items.filter(isNumeric);
    const numeric: NumericSummary[] = [];
    // One aggregate per item (the source takes at most 10 measures a query), each inside the database.
    for (const i of numericItems) {
      const measures = (['count', 'min', 'max', 'avg'] as const).map((fn) => ({ fn, item: i.code }));
      const [g] = await source.aggregate(ds.resourceCode, { groupBy: [], measures, where: [], rowRegion: null });
      const [count, min, max, avg] = [num(g?.values[0]) ?? 0, num(g?.values[1]), num(g?.values[2]), num(g?.values[3])];
      numeric.push({ item: i.code, count, min, max, avg, bins: await this.bins(ds.resourceCode, i, count, min, max) });
    }
    const value: Preview = {
      dataset: ds.name,
      items: items.map((i) => ({ code: i.code, name: i.name, dataType: i.dataType, description: i.description })),
      rows: page.rows.map((r) => pick(r, items)),
      total,
      numeric,
    };
    if (this.cache.size > 500) this.cache.clear();
    this.cache.set(key, { at: Date.now(), value });
    return value;
  }

  /** Bin counts as differences of "rows ≤ boundary" counts (the last boundary is max: every row with a value). */
  private async bins(code: string, item: DatasetItem, count: number, min: number | null, max: number | null): Promise<NumericSummary['bins']> {
    if (min === null || max === null || count === 0) return [];
    if (min === max) return [{ from: min, to: max, count }];
    const integer = item.dataType === 'integer';
    let bins = HISTOGRAM_BINS;
    if (integer) bins = Math.min(bins, max - min + 1);
    const width = (max - min) / bins;
    const bounds = Array.from({ length: bins - 1 }, (_, n) => (integer ? Math.floor(min + width * (n + 1)) : min + width * (n + 1)));
    const source = need(this.ctx, 'source');
    const cumulative = await Promise.all(bounds.map((b) => source.count(code, { where: [{ item: item.code, op: 'lte', value: b }] })));
    cumulative.push(count);
    const out: NumericSummary['bins'] = [];
    let prevCount = 0;
    let from = min;
    for (const [n, c] of cumulative.entries()) {
      const to = n < bounds.length ? bounds[n] : max;
      out.push({ from, to, count: c - prevCount });
      prevCount = c;
      from = integer ? to + 1 : to;
    }
    return out;
  }
}
