import type { RegulationArea, RegulationContext } from '../area.ts';
import { drawsEvents } from './events.ts';

export type DrawsArea = RegulationArea;

/** 抽查计划 and the verifiable 双随机 draw. (Skeleton: written in its own branch.) */
export function createDrawsArea(ctx: RegulationContext): DrawsArea {
  void ctx;
  return { events: drawsEvents, routes: async () => {} };
}
