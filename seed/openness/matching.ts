import type { Platform } from '../../src/platform.ts';

/** Demo 政策找人: a policy document carrying a 主动服务 rule, run once so matched residents find it. */
export async function seedOpenMatching(p: Platform, deptIds: Map<string, string>): Promise<void> {
  void p;
  void deptIds;
}
