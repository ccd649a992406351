import type { Platform } from '../src/platform.ts';
import { seedOpenLibrary } from './openness/library.ts';
import { seedOpenReview } from './openness/review.ts';
import { seedOpenMatching } from './openness/matching.ts';
import { seedOpenInteraction } from './openness/interaction.ts';
import { seedOpenRequests } from './openness/requests.ts';
import { seedOpenReports } from './openness/reports.ts';

/**
 * 政务公开 for the demo: the policy library with the real texts and their 解读, drafts under review,
 * 依申请公开 requests in every state, a yearly report, 政策找人 on a policy and 政民互动 answers shared
 * with 12345 — so a visitor, citizen01, gk.bgs, bm.bgs and leader01 each find something on first visit.
 * Runs after 主动服务 and 一网协同 (it uses their policies, seals and 督办).
 */
export async function seedOpenness(p: Platform, deptIds: Map<string, string>): Promise<void> {
  await seedOpenLibrary(p, deptIds);
  await seedOpenReview(p, deptIds);
  await seedOpenMatching(p, deptIds);
  await seedOpenInteraction(p, deptIds);
  await seedOpenRequests(p, deptIds);
  await seedOpenReports(p, deptIds);
}
