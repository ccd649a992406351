import type { RegulationArea, RegulationContext } from '../area.ts';
import { drawsEvents } from './events.ts';
import { Plans } from './plans.ts';
import { PublicDraws } from './public.ts';
import { drawsRoutes } from './routes.ts';

export interface DrawsArea extends RegulationArea {
  /** 抽查计划: create, 冻结并公布, draw, cancel (seeds and tests call these). */
  plans: Plans;
  /** The public view and the server-side recomputation of a draw. */
  published: PublicDraws;
}

/**
 * 抽查计划 and the verifiable 双随机 draw: a plan freezes its candidates, inspector pool and 回避
 * pairs and names a future public seed before the draw; the draw (sortition.ts) is a pure function
 * of those published inputs, so the public page and a downloadable script recompute it.
 * No port: other areas learn of a draw through its tasks (planId) and the `regulation.plan.drawn` event.
 */
export function createDrawsArea(ctx: RegulationContext): DrawsArea {
  const plans = new Plans(ctx);
  const published = new PublicDraws(ctx, plans);
  return { events: drawsEvents, routes: drawsRoutes(plans, published), plans, published };
}
