import type { OpendataArea, OpendataContext } from '../area.ts';
import { dcatRoutes } from './dcat-routes.ts';
import { ckanRoutes } from './routes.ts';

export type CkanArea = OpendataArea;

/** CKAN Action API v3 and the DCAT-AP 3 catalogue (JSON-LD, Turtle): read-only views of the open catalogue. */
export function createCkanArea(ctx: OpendataContext): CkanArea {
  const ckan = ckanRoutes(ctx);
  const dcat = dcatRoutes(ctx);
  return {
    events: {},
    routes: async (app) => {
      await ckan(app);
      await dcat(app);
    },
  };
}
