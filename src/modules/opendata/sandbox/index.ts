import type { OpendataArea, OpendataContext } from '../area.ts';
import { sandboxEvents } from './events.ts';
import { SandboxQueries } from './queries.ts';
import { sandboxRoutes } from './routes.ts';
import { declareSandboxSettings } from './settings.ts';

export interface SandboxArea extends OpendataArea {
  /** The sandbox's queries and log (seeds and tests call it). */
  queries: SandboxQueries;
}

/** 沙箱 (可用不可见): aggregate queries over approved items inside the platform, with k-anonymity and a log for the provider. */
export function createSandboxArea(ctx: OpendataContext): SandboxArea {
  declareSandboxSettings(ctx.k.settings);
  const queries = new SandboxQueries(ctx);
  return { events: sandboxEvents, routes: sandboxRoutes(queries), queries };
}
