import type { Platform } from '../../src/platform.ts';

/** Demo: the departments' open datasets as data-catalogue resources with their rows (data module). */
export async function seedOpenDatasets(p: Platform, deptIds: Map<string, string>): Promise<void> {
  void p;
  void deptIds;
}
