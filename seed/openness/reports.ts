import type { Platform } from '../../src/platform.ts';

/** Demo 年度报告: last year's report generated from the records. */
export async function seedOpenReports(p: Platform, deptIds: Map<string, string>): Promise<void> {
  void p;
  void deptIds;
}
