import type { OpendataArea, OpendataContext } from '../area.ts';

export type CkanArea = OpendataArea;

/** CKAN Action API v3 and the DCAT-AP 3 catalogue (JSON-LD, Turtle): read-only views of the open catalogue. */
export function createCkanArea(ctx: OpendataContext): CkanArea {
  void ctx;
  return { events: {}, routes: async () => {} };
}
