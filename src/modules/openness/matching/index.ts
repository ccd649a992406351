import type { OpennessArea, OpennessContext } from '../area.ts';

export type MatchingArea = OpennessArea;

/** 政策找人: a policy document carries a 主动服务 rule that says whom it applies to; matched people and companies are told, with the reasons and a link to apply. */
export function createMatchingArea(ctx: OpennessContext): MatchingArea {
  void ctx;
  return { events: {}, routes: async () => {} };
}
