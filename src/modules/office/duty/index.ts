import { emptyArea, type OfficeArea, type OfficeContext } from '../area.ts';

export type DutyArea = OfficeArea;

export function createDutyArea(ctx: OfficeContext): DutyArea {
  void ctx;
  return emptyArea();
}
