import type { Platform } from '../../src/platform.ts';

/** Demo: sandbox queries of an approved researcher. */
export async function seedOpenSandbox(p: Platform, deptIds: Map<string, string>): Promise<void> {
  void p;
  void deptIds;
}
