import type { Platform } from '../src/platform.ts';
import { SYSTEM_PRINCIPAL } from '../src/modules/identity/index.ts';
import { actorOf } from '../src/kernel/policy/index.ts';
import { CASE_CATEGORIES, CASE_DUTIES, FAST_LIMITS } from './case-categories.ts';
import { demoGrids } from './grids.ts';
import { KNOWLEDGE } from './case-knowledge.ts';

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
}
