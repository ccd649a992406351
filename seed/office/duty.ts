import type { Platform } from '../../src/platform.ts';

/** The demo region's duty (一网协同), through the office module's own functions. */
export async function seedOfficeDuty(p: Platform, deptIds: Map<string, string>): Promise<void> {
  void p;
  void deptIds;
}
