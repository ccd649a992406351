import type { Platform } from '../../src/platform.ts';

/** Demo: ratings, comments, 数据需求, 应用展示 and 授权运营 products. */
export async function seedOpenCommunity(p: Platform, deptIds: Map<string, string>): Promise<void> {
  void p;
  void deptIds;
}
