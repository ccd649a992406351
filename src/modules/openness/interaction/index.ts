import type { OpennessArea, OpennessContext } from '../area.ts';

export type InteractionArea = OpennessArea;

/** 政民互动: questions and 留言 on a policy or in the 咨询 column, answers published after review, the public Q&A knowledge base shared with 12345. */
export function createInteractionArea(ctx: OpennessContext): InteractionArea {
  void ctx;
  return { events: {}, routes: async () => {} };
}
