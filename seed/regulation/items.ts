import type { Platform } from '../../src/platform.ts';

/** 互联网+监管 demo: 监管事项 for every demo 行政许可 item, 随机抽查事项 flagged. (Skeleton: written in its own branch.) */
export async function seedRegulationItems(p: Platform, deptIds: Map<string, string>): Promise<void> {
  void p;
  void deptIds;
}
