import type { Platform } from '../../src/platform.ts';

/** 互联网+监管 demo: tasks with results (one published, one objected), a penalty. (Skeleton: written in its own branch.) */
export async function seedRegulationTasks(p: Platform, deptIds: Map<string, string>): Promise<void> {
  void p;
  void deptIds;
}
