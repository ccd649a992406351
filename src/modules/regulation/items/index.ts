import type { RegulationArea, RegulationContext } from '../area.ts';
import { itemsEvents } from './events.ts';

export type ItemsArea = RegulationArea;

/** 监管事项清单 (照单监管). (Skeleton: written in its own branch.) */
export function createItemsArea(ctx: RegulationContext): ItemsArea {
  void ctx;
  return { events: itemsEvents, routes: async () => {} };
}
