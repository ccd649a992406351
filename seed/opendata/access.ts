import type { Platform } from '../../src/platform.ts';

/** Demo: an API key for qiye01 and some downloads and calls. */
export async function seedOpenAccess(p: Platform, deptIds: Map<string, string>): Promise<void> {
  void p;
  void deptIds;
}
