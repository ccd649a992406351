import { emptyArea, type OfficeArea, type OfficeContext } from '../area.ts';

export type IncomingArea = OfficeArea;

export function createIncomingArea(ctx: OfficeContext): IncomingArea {
  void ctx;
  return emptyArea();
}
