import type { OpennessArea, OpennessContext } from '../area.ts';
import { reviewEvents } from './events.ts';
import { Lexicon } from './lexicon.ts';
import { reviewRoutes } from './routes.ts';
import { Drafts } from './service.ts';
import { declareReviewSettings } from './settings.ts';

export { checkContent, textsOf, FINDING_KINDS, type Finding, type FindingKind } from './check.ts';
export { DRAFT_WORKFLOW } from './workflow.ts';

export interface ReviewArea extends OpennessArea {
  /** Drafts and their steps (seeds and tests call them). */
  drafts: Drafts;
  /** The sensitive-word list. */
  lexicon: Lexicon;
}

/** 发布审核: drafts, the automatic content check (sensitive words, personal data patterns), 保密审查 and the leader's approval on the action engine, then publication, change or withdrawal in the library. */
export function createReviewArea(ctx: OpennessContext): ReviewArea {
  declareReviewSettings(ctx.k.settings);
  const lexicon = new Lexicon(ctx);
  const drafts = new Drafts(ctx, lexicon);
  return { events: reviewEvents, routes: reviewRoutes(drafts, lexicon), drafts, lexicon };
}
