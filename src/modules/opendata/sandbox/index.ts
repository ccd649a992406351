import type { OpendataArea, OpendataContext } from '../area.ts';

export type SandboxArea = OpendataArea;

/** 沙箱 (可用不可见): aggregate queries over approved items inside the platform, with k-anonymity and a log for the provider. */
export function createSandboxArea(ctx: OpendataContext): SandboxArea {
  void ctx;
  return { events: {}, routes: async () => {} };
}
