import type { OpendataArea, OpendataContext } from '../area.ts';
import type { GrantsPort } from '../ports.ts';
import { Applications } from './applications.ts';
import { grantsEvents } from './events.ts';
import { grantsRoutes } from './routes.ts';

export interface GrantsArea extends OpendataArea {
  /** What other areas read (also set on ctx.ports). */
  port: GrantsPort;
  /** Applications: create, sign, submit, decide, revoke, credentials (seeds and tests call these). */
  applications: Applications;
}

/** The daily timer that ends grants whose 数据利用协议 has ended. */
export const EXPIRE_TIMER = 'opendata.grants.expire';

/** 有条件开放: applications, the 数据利用协议, provider and bureau approval, and the gateway grant it yields. */
export function createGrantsArea(ctx: OpendataContext): GrantsArea {
  const applications = new Applications(ctx);
  const port: GrantsPort = {
    sandboxAccess: (ex, who, datasetId) => applications.sandboxAccess(ex, who, datasetId),
    activeCount: (datasetIds) => applications.activeCount(datasetIds),
  };
  ctx.ports.grants = port;
  ctx.k.jobs.registerTimer(EXPIRE_TIMER, 86_400_000, async (_job, trx) => void (await applications.expireDue(trx)));
  return { events: grantsEvents, routes: grantsRoutes(applications), port, applications };
}
