import type { Platform } from '../../src/platform.ts';

/** 互联网+监管 demo: indicator settings and the first monthly classification. (Skeleton: written in its own branch.) */
export async function seedRegulationCredit(p: Platform, deptIds: Map<string, string>): Promise<void> {
  void p;
  void deptIds;
}
