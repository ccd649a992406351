import type { Platform } from '../../src/platform.ts';

/** Demo: 有条件开放 applications in each state. */
export async function seedOpenGrants(p: Platform, deptIds: Map<string, string>): Promise<void> {
  void p;
  void deptIds;
}
