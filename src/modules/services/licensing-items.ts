import type { Executor } from '../../kernel/db/index.ts';
import { servicesDb } from './tables.ts';

/** A 行政许可 item of the catalogue, as 照单监管 needs it. */
export interface LicensingItemFacts {
  id: string;
  code: string;
  name: string;
  departmentId: string;
  regionCode: string;
}

/**
 * The active 行政许可 items of a region (GB/T 2260 prefix), by code: what 照单监管 checks for a
 * 监管事项 each (read-only; the regulation module reaches it through src/flows/regulation-catalogue.ts).
 */
export async function licensingItemsOf(ex: Executor, regionCode: string): Promise<LicensingItemFacts[]> {
  const rows = await servicesDb(ex)
    .selectFrom('services_item')
    .select(['id', 'code', 'name', 'department_id', 'region_code'])
    .where('item_type', '=', 'licensing')
    .where('active', '=', true)
    .where('region_code', 'like', `${regionCode}%`)
    .orderBy('code')
    .execute();
  return rows.map((r) => ({ id: r.id, code: r.code, name: r.name, departmentId: r.department_id, regionCode: r.region_code }));
}
