import { emptyArea, type OfficeArea, type OfficeContext } from '../area.ts';

export type ArchivesArea = OfficeArea;

export function createArchivesArea(ctx: OfficeContext): ArchivesArea {
  void ctx;
  return emptyArea();
}
