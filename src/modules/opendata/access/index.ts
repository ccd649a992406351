import type { OpendataArea, OpendataContext } from '../area.ts';
import type { AccessPort } from '../ports.ts';
import { AccessCounts } from './counts.ts';
import { Downloads } from './downloads.ts';
import { accessEvents } from './events.ts';
import { Keys } from './keys.ts';
import { OpenApi } from './open-api.ts';
import { Previews } from './preview.ts';
import { accessRoutes } from './routes.ts';
import { declareAccessSettings } from './settings.ts';

export interface AccessArea extends OpendataArea {
  /** What other areas read (also set on ctx.ports). */
  port: AccessPort;
  downloads: Downloads;
  previews: Previews;
  keys: Keys;
  api: OpenApi;
}

/** 下载与接口: CSV/JSON/XLSX downloads, previews, API keys and the open API with its documentation. */
export function createAccessArea(ctx: OpendataContext): AccessArea {
  declareAccessSettings(ctx.k.settings);
  const port = new AccessCounts(ctx.k);
  ctx.ports.access = port;
  const downloads = new Downloads(ctx);
  const previews = new Previews(ctx);
  const keys = new Keys(ctx);
  const api = new OpenApi(ctx, keys);
  return { events: accessEvents, routes: accessRoutes({ downloads, previews, keys, api }), port, downloads, previews, keys, api };
}
