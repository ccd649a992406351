import type { OpendataArea, OpendataContext } from '../area.ts';
import type { CommunityPort } from '../ports.ts';

export interface CommunityArea extends OpendataArea {
  /** What other areas read (also set on ctx.ports). */
  port: CommunityPort | null;
}

/** 互动: ratings and comments, 数据需求, 应用展示 and 授权运营 products. */
export function createCommunityArea(ctx: OpendataContext): CommunityArea {
  void ctx;
  return { events: {}, routes: async () => {}, port: null };
}
