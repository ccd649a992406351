import type { Platform } from '../src/platform.ts';
import { seedOpenDatasets } from './opendata/datasets.ts';
import { seedOpenCatalogue } from './opendata/catalogue.ts';
import { seedOpenAccess } from './opendata/access.ts';
import { seedOpenGrants } from './opendata/grants.ts';
import { seedOpenSandbox } from './opendata/sandbox.ts';
import { seedOpenCommunity } from './opendata/community.ts';

/**
 * 公共数据开放 for the demo: departments' open datasets registered in the data catalogue with their
 * rows, the 开放目录 made from them with themes and licences, an API key, a 有条件开放 application in
 * each state, sandbox queries, ratings, 数据需求, apps and a 授权运营 product — so a visitor, qiye01,
 * data01 and steward.scjg each find something on first visit. Runs after the base data.
 */
export async function seedOpendata(p: Platform, deptIds: Map<string, string>): Promise<void> {
  await seedOpenDatasets(p, deptIds);
  await seedOpenCatalogue(p, deptIds);
  await seedOpenAccess(p, deptIds);
  await seedOpenGrants(p, deptIds);
  await seedOpenSandbox(p, deptIds);
  await seedOpenCommunity(p, deptIds);
}
