import type { OpennessArea, OpennessContext } from '../area.ts';
import { reportsEvents } from './events.ts';
import { reportsRoutes, yearOf } from './routes.ts';
import { Reports } from './service.ts';

export interface ReportsArea extends OpennessArea {
  /** Generation, editing and publication of the yearly reports (seeds and tests call it). */
  reports: Reports;
}

/** 年度报告: the 政府信息公开工作年度报告 tables filled from the library and the requests. */
export function createReportsArea(ctx: OpennessContext): ReportsArea {
  const reports = new Reports(ctx);
  return { events: reportsEvents, routes: reportsRoutes(reports, () => yearOf(ctx.k.clock.now())), reports };
}
