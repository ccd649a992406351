import type { RegulationArea, RegulationContext } from '../area.ts';
import type { ItemsPort } from '../ports.ts';
import { itemsEvents } from './events.ts';
import { SupervisionItems } from './items.ts';
import { itemsRoutes } from './routes.ts';

export interface ItemsArea extends RegulationArea {
  /** The 监管事项清单 itself (seeds and tests call it). */
  items: SupervisionItems;
  /** What other areas read (also set as `ctx.ports.items`). */
  port: ItemsPort;
}

/**
 * 监管事项清单 (照单监管): each department's 监管事项 with basis, level, methods and the 行政许可
 * items they follow; the 随机抽查事项清单 published for anyone; and the coverage of the catalogue's
 * 行政许可 items, so an administrator sees which have no 监管事项 yet.
 */
export function createItemsArea(ctx: RegulationContext): ItemsArea {
  const items = new SupervisionItems(ctx);
  const port: ItemsPort = {
    get: (ex, ids) => items.refs(ex, ids),
    forLicensingItem: (ex, code, regionCode) => items.forLicensingItem(ex, code, regionCode),
  };
  ctx.ports.items = port;
  return { events: itemsEvents, routes: itemsRoutes(ctx.k, items), items, port };
}
