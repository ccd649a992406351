import type { OpendataArea, OpendataContext } from '../area.ts';
import type { AccessPort } from '../ports.ts';

export interface AccessArea extends OpendataArea {
  /** What other areas read (also set on ctx.ports). */
  port: AccessPort | null;
}

/** 下载与接口: CSV/JSON/XLSX downloads, previews, API keys and the open API with its documentation. */
export function createAccessArea(ctx: OpendataContext): AccessArea {
  void ctx;
  return { events: {}, routes: async () => {}, port: null };
}
