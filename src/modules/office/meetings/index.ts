import type { OfficeArea, OfficeContext } from '../area.ts';
import { meetingsEvents } from './events.ts';
import { Meetings } from './meetings.ts';
import { meetingsRoutes } from './routes.ts';
import { meetingTodos } from './todos.ts';

export type MeetingsArea = OfficeArea & { meetings: Meetings };

/** 会议: notice → 报名回执 → 签到 (QR) → 纪要, whose 议定事项 become 督办 tasks. */
export function createMeetingsArea(ctx: OfficeContext): MeetingsArea {
  const meetings = new Meetings(ctx);
  ctx.todos.register('meeting', meetingTodos(ctx.policy, ctx.k.clock));
  return { events: meetingsEvents, routes: meetingsRoutes(meetings), meetings };
}
