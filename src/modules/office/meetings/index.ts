import { emptyArea, type OfficeArea, type OfficeContext } from '../area.ts';

export type MeetingsArea = OfficeArea;

export function createMeetingsArea(ctx: OfficeContext): MeetingsArea {
  void ctx;
  return emptyArea();
}
