import type { RegulationArea, RegulationContext } from '../area.ts';
import { creditEvents } from './events.ts';

export type CreditArea = RegulationArea;

/** 信用风险分类 A–D. (Skeleton: written in its own branch.) */
export function createCreditArea(ctx: RegulationContext): CreditArea {
  void ctx;
  return { events: creditEvents, routes: async () => {} };
}
