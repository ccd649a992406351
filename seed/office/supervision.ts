import type { Platform } from '../../src/platform.ts';

/** The demo region's supervision (一网协同), through the office module's own functions. */
export async function seedOfficeSupervision(p: Platform, deptIds: Map<string, string>): Promise<void> {
  void p;
  void deptIds;
}
