import type { OpendataArea, OpendataContext } from '../area.ts';
import type { CataloguePort } from '../ports.ts';

export interface CatalogueArea extends OpendataArea {
  /** What other areas read (also set on ctx.ports). */
  port: CataloguePort | null;
}

/** 开放目录: datasets made from catalogue resources, their metadata, publication, search, the 开放责任清单 and 开放率, and the figures. */
export function createCatalogueArea(ctx: OpendataContext): CatalogueArea {
  void ctx;
  return { events: {}, routes: async () => {}, port: null };
}
