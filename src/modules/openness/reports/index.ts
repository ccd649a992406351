import type { OpennessArea, OpennessContext } from '../area.ts';

export type ReportsArea = OpennessArea;

/** 年度报告: the 政府信息公开工作年度报告 tables filled from the library and the requests. */
export function createReportsArea(ctx: OpennessContext): ReportsArea {
  void ctx;
  return { events: {}, routes: async () => {} };
}
