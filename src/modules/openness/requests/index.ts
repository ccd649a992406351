import type { OpennessArea, OpennessContext } from '../area.ts';
import type { RequestsPort } from '../ports.ts';

export interface RequestsArea extends OpennessArea {
  /** What other areas read (also set on ctx.ports.requests). */
  port: RequestsPort | null;
}

/** 依申请公开: applications for government information on the regulation's clock (20 working days, one extension, 补正, third-party consultation), answers as sealed 告知书, 督办 when overdue. */
export function createRequestsArea(ctx: OpennessContext): RequestsArea {
  void ctx;
  return { events: {}, routes: async () => {}, port: null };
}
