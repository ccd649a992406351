import type { OpendataArea, OpendataContext } from '../area.ts';
import type { GrantsPort } from '../ports.ts';

export interface GrantsArea extends OpendataArea {
  /** What other areas read (also set on ctx.ports). */
  port: GrantsPort | null;
}

/** 有条件开放: applications, the 数据利用协议, provider and bureau approval, and the gateway grant it yields. */
export function createGrantsArea(ctx: OpendataContext): GrantsArea {
  void ctx;
  return { events: {}, routes: async () => {}, port: null };
}
