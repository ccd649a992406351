import { sql } from 'kysely';
import type { Executor } from '../../../kernel/db/index.ts';
import type { Kernel } from '../../../kernel/index.ts';
import type { AccessPort } from '../ports.ts';
import { accessDb } from './tables.ts';

const DAY = 86_400_000;
const CST = 8 * 3_600_000;

/** The China Standard Time date (YYYY-MM-DD) of an instant. */
export const cstDay = (at: Date): string => new Date(at.getTime() + CST).toISOString().slice(0, 10);

/** Adds a completed download or a served call to the dataset's counter for the day (one upsert). */
export async function countAccess(ex: Executor, c: { datasetId: string; regionCode: string; at: Date; kind: 'download' | 'call'; rows: number }): Promise<void> {
  const dl = c.kind === 'download' ? 1 : 0;
  const dlRows = c.kind === 'download' ? c.rows : 0;
  const call = c.kind === 'call' ? 1 : 0;
  const callRows = c.kind === 'call' ? c.rows : 0;
  await accessDb(ex)
    .insertInto('opendata_access_day')
    .values({ dataset_id: c.datasetId, day: cstDay(c.at), region_code: c.regionCode, downloads: dl, download_rows: dlRows, calls: call, call_rows: callRows })
    .onConflict((oc) =>
      oc.columns(['dataset_id', 'day']).doUpdateSet({
        downloads: sql`opendata_access_day.downloads + ${dl}`,
        download_rows: sql`opendata_access_day.download_rows + ${dlRows}`,
        calls: sql`opendata_access_day.calls + ${call}`,
        call_rows: sql`opendata_access_day.call_rows + ${callRows}`,
      }),
    )
    .execute();
}

/** AccessPort: downloads and calls for the figures page and the dataset pages. */
export class AccessCounts implements AccessPort {
  constructor(private readonly k: Kernel) {}

  async counts(datasetIds?: string[]): Promise<Map<string, { downloads: number; calls: number }>> {
    if (datasetIds && !datasetIds.length) return new Map();
    let q = accessDb(this.k.db)
      .selectFrom('opendata_access_day')
      .select(['dataset_id', sql<number>`sum(downloads)::int`.as('downloads'), sql<number>`sum(calls)::int`.as('calls')])
      .groupBy('dataset_id');
    if (datasetIds) q = q.where('dataset_id', 'in', datasetIds);
    const rows = await q.execute();
    return new Map(rows.map((r) => [r.dataset_id, { downloads: Number(r.downloads), calls: Number(r.calls) }]));
  }

  async daily(days: number): Promise<{ day: string; downloads: number; calls: number }[]> {
    const n = Math.max(1, Math.min(366, Math.floor(days) || 1));
    const now = this.k.clock.now();
    const wanted = Array.from({ length: n }, (_, i) => cstDay(new Date(now.getTime() - (n - 1 - i) * DAY)));
    const rows = await accessDb(this.k.db)
      .selectFrom('opendata_access_day')
      .select([sql<string>`to_char(day, 'YYYY-MM-DD')`.as('day'), sql<number>`sum(downloads)::int`.as('downloads'), sql<number>`sum(calls)::int`.as('calls')])
      .where('day', '>=', wanted[0])
      .where('day', '<=', wanted[n - 1])
      .groupBy('day')
      .execute();
    const byDay = new Map(rows.map((r) => [r.day, r]));
    return wanted.map((day) => ({ day, downloads: Number(byDay.get(day)?.downloads ?? 0), calls: Number(byDay.get(day)?.calls ?? 0) }));
  }
}
