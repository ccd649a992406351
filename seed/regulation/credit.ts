import { SYSTEM_PRINCIPAL } from '../../src/modules/identity/index.ts';
import type { Platform } from '../../src/platform.ts';

/**
 * 互联网+监管 demo: the first monthly classification of the demo region, after the 名录库 seed.
 * The indicators are the national default (a region saves its own on the 指标配置 page); the
 * synthetic base's black-listed and penalised entities come out C and D, so the plans' draw rates
 * per class and the profiles have something to show.
 */
export async function seedRegulationCredit(p: Platform, deptIds: Map<string, string>): Promise<void> {
  void deptIds;
  const region = p.kernel.config.regionCode;
  const run = await p.regulation.credit.runs.runNow(region, 'monthly', { id: SYSTEM_PRINCIPAL.accountId, type: 'system', regionCode: region });
  if (run && run.state !== 'done') throw new Error(`credit seed: the classification of ${region} did not finish (${run.failure ?? run.state})`);
}
