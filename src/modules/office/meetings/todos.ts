import { sql } from 'kysely';
import type { Executor } from '../../../kernel/db/index.ts';
import type { Policy, Principal } from '../../../kernel/policy/index.ts';
import type { Clock } from '../../../kernel/clock/index.ts';
import type { TodoItem, TodoSource } from '../ports.ts';
import { meetingsDb } from './tables.ts';

/** 会议 in the 待办 list: a unit clerk's 报名回执 still owed, and an organiser's minutes still to write after the meeting. */
export function meetingTodos(policy: Policy, clock: Clock): TodoSource {
  return async (who: Principal, ex: Executor): Promise<TodoItem[]> => {
    const dept = who.departmentId;
    if (!dept || !policy.can(who, 'office.clerk', { departmentId: dept })) return [];
    const now = clock.now();
    const db = meetingsDb(ex);
    const [replies, minutes] = await Promise.all([
      db
        .selectFrom('office_meeting_unit as u')
        .innerJoin('office_meeting as m', 'm.id', 'u.meeting_id')
        .select(['m.id', 'm.title', 'm.reply_due_at', 'm.notified_at'])
        .where('u.department_id', '=', dept)
        .where('u.reply', '=', 'pending')
        .where('m.state', '=', 'notified')
        .where('m.reply_due_at', '>=', now)
        .where('m.region_code', 'like', `${who.regionCode}%`)
        .limit(100)
        .execute(),
      db
        .selectFrom('office_meeting as m')
        .select(['m.id', 'm.title', 'm.ends_at'])
        .where('m.organiser_department_id', '=', dept)
        .where('m.state', '=', 'notified')
        .where('m.ends_at', '<', now)
        .where('m.region_code', 'like', `${who.regionCode}%`)
        .orderBy(sql`m.ends_at`)
        .limit(100)
        .execute(),
    ]);
    const link = (id: string) => `/workbench/office/meetings/${id}`;
    return [
      ...replies.map((r) => ({
        kind: 'meeting' as const,
        id: r.id,
        title: r.title,
        actionZh: '报名回执',
        actionEn: 'Reply for your unit',
        state: 'notified',
        dueAt: new Date(r.reply_due_at).toISOString(),
        light: null,
        signature: false,
        link: link(r.id),
        since: new Date(r.notified_at ?? r.reply_due_at).toISOString(),
      })),
      ...minutes.map((r) => ({
        kind: 'meeting' as const,
        id: r.id,
        title: r.title,
        actionZh: '整理会议纪要',
        actionEn: 'Write the minutes',
        state: 'notified',
        dueAt: null,
        light: null,
        signature: false,
        link: link(r.id),
        since: new Date(r.ends_at).toISOString(),
      })),
    ];
  };
}
