import type { Platform } from '../../src/platform.ts';

/** The demo region's documents (一网协同), through the office module's own functions. */
export async function seedOfficeDocuments(p: Platform, deptIds: Map<string, string>): Promise<void> {
  void p;
  void deptIds;
}
