import { emptyArea, type OfficeArea, type OfficeContext } from '../area.ts';

export type DocumentsArea = OfficeArea;

export function createDocumentsArea(ctx: OfficeContext): DocumentsArea {
  void ctx;
  return emptyArea();
}
