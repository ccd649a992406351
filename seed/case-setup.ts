import type { Platform } from '../src/platform.ts';
import { SYSTEM_PRINCIPAL } from '../src/modules/identity/index.ts';
import { actorOf } from '../src/kernel/policy/index.ts';
import { CASE_CATEGORIES, CASE_DUTIES, FAST_LIMITS } from './case-categories.ts';
import { demoGrids } from './grids.ts';
import { KNOWLEDGE } from './case-knowledge.ts';

/**
 * Where the demo's estates and roads lie (street region codes): the gazetteer that names the
 * street (属地) of a call from its words, and the places the seeded history puts in each street.
 * A road through two streets names both.
 */
export const STREET_PLACES: { estates: Record<string, string>; roads: Record<string, string[]> } = {
  estates: {
    万佳小区: '152201001',
    春阳小区: '152201001',
    万佳社区: '152201001',
    普惠社区: '152201001',
    红城小区: '152201002',
    和平里: '152201002',
    洮儿河畔小区: '152201003',
    兴安新村: '152201003',
    金桥家园: '152201004',
    阳光名邸: '152201005',
    都林苑: '152201006',
    五一新村: '152201007',
    新城佳苑: '152201009',
    天骄花园: '152201010',
  },
  roads: {
    罕山街: ['152201001'],
    五一北路: ['152201001', '152201007'],
    和平路: ['152201002'],
    红城街: ['152201002'],
    兴安北大街: ['152201003'],
    兴安南大街: ['152201003', '152201007'],
    乌兰大街: ['152201004'],
    成吉思汗大街: ['152201004', '152201009'],
    新桥街: ['152201005'],
    洮儿河路: ['152201005'],
    站前街: ['152201005'],
    桥西街: ['152201005'],
    都林街: ['152201006'],
    五一南路: ['152201007'],
    健康路: ['152201008'],
    团结大街: ['152201009'],
    天骄大街: ['152201010'],
  },
};

/**
 * The 12345 set-up of a region: category tree, responsibility list, grids and knowledge base,
 * written through the modules' own functions. `units` maps department codes (and street region
 * codes, for the street offices) to department ids.
 */
export async function seedCaseSetup(p: Platform, units: Map<string, string>): Promise<void> {
  const region = p.kernel.config.regionCode;
  const streets = await p.kernel.db.selectFrom('org_region').select(['code', 'name']).where('parent_code', '=', region).orderBy('code').execute();
  await p.kernel.db.transaction().execute((trx) => p.cityops.grids.save(trx, actorOf(SYSTEM_PRINCIPAL), region, demoGrids(streets, units)));
  for (const [code, name, nameEn] of CASE_CATEGORIES) {
    await p.cases.categories.saveCategory(
      SYSTEM_PRINCIPAL,
      { code, parentCode: code.length > 2 ? code.slice(0, -2) : null, name, nameEn, ...(FAST_LIMITS[code] ? { limits: FAST_LIMITS[code] } : {}) },
      'seed',
    );
  }
  for (const [categoryCode, unit, keywords] of CASE_DUTIES) {
    const departmentId = unit === 'street' ? null : units.get(unit);
    if (unit !== 'street' && !departmentId) continue;
    await p.cases.categories.saveDuty(SYSTEM_PRINCIPAL, { regionCode: region, categoryCode, level: unit === 'street' ? 'street' : 'department', departmentId, keywords }, 'seed');
  }
  for (const k of KNOWLEDGE) await p.cases.knowledge.save(SYSTEM_PRINCIPAL, null, k, 'seed');
  const known = new Set(streets.map((s) => s.code));
  const places = [
    ...Object.entries(STREET_PLACES.estates).map(([name, streetCode]) => ({ name, streetCode, kind: 'estate' as const })),
    ...Object.entries(STREET_PLACES.roads).flatMap(([name, codes]) => codes.map((streetCode) => ({ name, streetCode, kind: 'road' as const }))),
  ].filter((x) => known.has(x.streetCode));
  await p.kernel.db.transaction().execute((trx) => p.cases.classifier.addPlaces(trx, places));
}
