import { cstDate } from '../../../kernel/calendar/index.ts';
import type { Clock } from '../../../kernel/clock/index.ts';
import type { Executor } from '../../../kernel/db/index.ts';
import type { Policy, Principal } from '../../../kernel/policy/index.ts';
import type { TodoItem, TodoSource } from '../ports.ts';
import type { Duty } from './duty.ts';
import { dutyDb } from './tables.ts';

/** 值班 in the 待办 list: today's shift for whoever the rota names, and a handover waiting for its incoming officer. */
export function dutyTodos(policy: Policy, clock: Clock, duty: Duty): TodoSource {
  return async (who: Principal, ex: Executor): Promise<TodoItem[]> => {
    if (!who.departmentId || !policy.can(who, 'office.use', { departmentId: who.departmentId })) return [];
    const link = '/workbench/office/duty';
    const now = clock.now();
    const [shift, handovers] = await Promise.all([
      duty.onShiftToday(who, ex),
      dutyDb(ex)
        .selectFrom('office_duty_handover')
        .select(['id', 'from_name', 'created_at'])
        .where('department_id', '=', who.departmentId)
        .where('state', '=', 'open')
        .where('to_name', '=', who.name)
        .where('from_account_id', '<>', who.accountId)
        .limit(20)
        .execute(),
    ]);
    const items: TodoItem[] = handovers.map((h) => ({
      kind: 'duty',
      id: h.id,
      title: `交接班：${h.from_name}`,
      actionZh: '确认接班',
      actionEn: 'Acknowledge the handover',
      state: 'open',
      dueAt: null,
      light: null,
      signature: false,
      link,
      since: new Date(h.created_at).toISOString(),
    }));
    if (shift) {
      const leads = shift.leader === who.name;
      items.unshift({
        kind: 'duty',
        id: shift.id,
        title: `今日值班 ${cstDate(now)}`,
        actionZh: leads ? '今日带班' : '今日值班',
        actionEn: leads ? 'Leading today’s duty' : 'On duty today',
        state: shift.day_kind,
        dueAt: new Date(`${cstDate(now)}T23:59:59.999+08:00`).toISOString(),
        light: null,
        signature: false,
        link,
        since: new Date(`${cstDate(now)}T00:00:00+08:00`).toISOString(),
      });
    }
    return items;
  };
}
