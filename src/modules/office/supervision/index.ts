import { emptyArea, type OfficeArea, type OfficeContext } from '../area.ts';

export type SupervisionArea = OfficeArea;

export function createSupervisionArea(ctx: OfficeContext): SupervisionArea {
  void ctx;
  return emptyArea();
}
