import type { OpennessArea, OpennessContext } from '../area.ts';

export type ReviewArea = OpennessArea;

/** 发布审核: drafts, the automatic content check (sensitive words, personal data patterns), 保密审查 and the leader's approval on the action engine, then publication, change or withdrawal in the library. */
export function createReviewArea(ctx: OpennessContext): ReviewArea {
  void ctx;
  return { events: {}, routes: async () => {} };
}
