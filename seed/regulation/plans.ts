import type { Platform } from '../../src/platform.ts';

/** 互联网+监管 demo: a plan drawn and published, another waiting for its seed. (Skeleton: written in its own branch.) */
export async function seedRegulationPlans(p: Platform, deptIds: Map<string, string>): Promise<void> {
  void p;
  void deptIds;
}
