import type { Platform } from '../../src/platform.ts';

/** 互联网+监管 demo: complaints linked to entities and a 告知承诺 approval with its verification task. (Skeleton: written in its own branch.) */
export async function seedRegulationProfiles(p: Platform, deptIds: Map<string, string>): Promise<void> {
  void p;
  void deptIds;
}
