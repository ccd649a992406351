import type { Platform } from '../../src/platform.ts';

/** Demo: the 开放目录: datasets synced from the catalogue, described (theme, tags, licence) and published. */
export async function seedOpenCatalogue(p: Platform, deptIds: Map<string, string>): Promise<void> {
  void p;
  void deptIds;
}
