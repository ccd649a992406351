import type { Platform } from '../../src/platform.ts';

/** 互联网+监管 demo: the 名录库: objects from the entity base, inspectors with 执法证 and a declared relation. (Skeleton: written in its own branch.) */
export async function seedRegulationDirectory(p: Platform, deptIds: Map<string, string>): Promise<void> {
  void p;
  void deptIds;
}
