import type { OpennessArea, OpennessContext } from '../area.ts';
import type { RequestsPort } from '../ports.ts';
import { requestsEvents } from './events.ts';
import { requestsRoutes } from './routes.ts';
import { Requests } from './service.ts';

export interface RequestsArea extends OpennessArea {
  /** What other areas read (also set on ctx.ports.requests). */
  port: RequestsPort | null;
  /** Applying, the department's steps, the timers (seeds and tests call these). */
  requests: Requests;
  /** Runs the hourly sweep now (closures for no 补正, ended consultations, 督办), for tests and the demo seed. */
  sweep(): Promise<{ closed: number; consultationsEnded: number; supervised: number }>;
}

/** The hourly timer: 补正 not received, consultations past their 15 days, overdue requests → 督办. */
export const SWEEP_TIMER = 'openness.requests.sweep';

/** 依申请公开: applications for government information on the regulation's clock (20 working days, one extension, 补正, third-party consultation), answers as sealed 告知书, 督办 when overdue. */
export function createRequestsArea(ctx: OpennessContext): RequestsArea {
  const requests = new Requests(ctx);
  const port: RequestsPort = { yearFigures: (ex, year) => requests.yearFigures(ex, year), progress: (ex, year) => requests.progress(ex, year) };
  ctx.ports.requests = port;
  ctx.k.jobs.registerTimer(SWEEP_TIMER, 3_600_000, async (_job, trx) => void (await requests.sweep(trx)));
  return {
    events: requestsEvents,
    routes: requestsRoutes(ctx, requests),
    port,
    requests,
    sweep: () => ctx.k.db.transaction().execute((trx) => requests.sweep(trx)),
  };
}

export { Requests } from './service.ts';
