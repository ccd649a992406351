import type { Platform } from '../src/platform.ts';
import { seedRegulationItems } from './regulation/items.ts';
import { seedRegulationDirectory } from './regulation/directory.ts';
import { seedRegulationCredit } from './regulation/credit.ts';
import { seedRegulationPlans } from './regulation/plans.ts';
import { seedRegulationTasks } from './regulation/tasks.ts';
import { seedRegulationProfiles } from './regulation/profiles.ts';

/**
 * 互联网+监管 for the demo: 监管事项 for the catalogue's 行政许可 items, the 两库 from the entity
 * base, credit classes, a published draw anyone can check, tasks for the demo inspectors and
 * published results, so regulator01, jc.scjg01 and the public each find something on first visit.
 * Runs after the base data (the 名录库 is built from it) and the services (照单监管).
 */
export async function seedRegulation(p: Platform, deptIds: Map<string, string>): Promise<void> {
  await seedRegulationItems(p, deptIds);
  await seedRegulationDirectory(p, deptIds);
  await seedRegulationCredit(p, deptIds);
  await seedRegulationPlans(p, deptIds);
  await seedRegulationTasks(p, deptIds);
  await seedRegulationProfiles(p, deptIds);
}
