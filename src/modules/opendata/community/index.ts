import type { OpendataArea, OpendataContext } from '../area.ts';
import type { CommunityPort } from '../ports.ts';
import { Demands } from './demands.ts';
import { communityEvents } from './events.ts';
import { Feedback } from './feedback.ts';
import { communityRoutes } from './routes.ts';
import { declareCommunitySettings } from './settings.ts';
import { Showcase } from './showcase.ts';

export interface CommunityArea extends OpendataArea {
  /** What other areas read (also set on ctx.ports). */
  port: CommunityPort;
  /** Ratings and comments (seeds and tests call them). */
  feedback: Feedback;
  /** 数据需求. */
  demands: Demands;
  /** 应用展示 and 授权运营 products. */
  showcase: Showcase;
}

/**
 * 互动: ratings and comments on datasets (comments published after the bureau's review), 数据需求 that
 * the bureau answers within working days and others support, 应用展示 after review, and the
 * 授权运营 products with their source datasets and terms.
 */
export function createCommunityArea(ctx: OpendataContext): CommunityArea {
  declareCommunitySettings(ctx.k.settings);
  const feedback = new Feedback(ctx);
  const demands = new Demands(ctx);
  const showcase = new Showcase(ctx);
  const port: CommunityPort = { ratings: (ids) => feedback.ratings(ids) };
  ctx.ports.community = port;
  return { events: communityEvents, routes: communityRoutes(ctx, { feedback, demands, showcase }), port, feedback, demands, showcase };
}
