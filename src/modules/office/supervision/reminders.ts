import type { Tx } from '../../../kernel/db/index.ts';
import type { Kernel } from '../../../kernel/index.ts';
import { actorOf } from '../../../kernel/policy/index.ts';
import { SYSTEM_STEP_ACTOR } from '../../../kernel/workflow/index.ts';
import { SYSTEM_PRINCIPAL } from '../../identity/index.ts';
import { SUPERVISION_TASK_ESCALATED, SUPERVISION_TASK_REMINDED } from './events.ts';
import { lightOf } from './lights.ts';
import { supervisionSettings } from './settings.ts';
import { readTask } from './store.ts';
import { supervisionDb } from './tables.ts';
import { TASK_LOG } from './workflow.ts';

/** The timer's kind: hourly is enough, since lights change at most once a working day. */
export const REMIND_JOB = 'office.supervision.remind';

/** Reminders go to the unit still working on a task; one it has reported waits on the supervisor. */
const WITH_UNIT = ['assigned', 'in_progress'];

/**
 * 催办 and 升级, as 12345's 督办 does them: a task turning yellow reminds its lead unit (level 1);
 * a task turning red escalates to the supervisor who raised it and to the unit's leader (level 2).
 * Each level is sent once per task: the row keeps the level reached, and the update only applies
 * while the level is still lower, so two nodes running the timer at once send it once. Each step
 * is an action row, an audit entry and an event in the timer's transaction.
 */
export async function sweepReminders(k: Kernel, trx: Tx): Promise<{ reminded: number; escalated: number }> {
  const now = k.clock.now();
  const rules = await k.calendar.rules(trx);
  const rows = (await supervisionDb(trx).selectFrom('office_supervision_task').selectAll().where('state', 'in', WITH_UNIT).where('remind_level', '<', 2).where('due_at', 'is not', null).execute()).map(
    readTask,
  );
  const yellow = new Map<string, number>();
  const counts = { reminded: 0, escalated: 0 };
  for (const r of rows) {
    if (!yellow.has(r.region_code)) yellow.set(r.region_code, (await supervisionSettings(k.settings, r.region_code, trx)).yellowDays);
    const light = lightOf(r, now, rules, yellow.get(r.region_code)!);
    const level = light === 'red' ? 2 : light === 'yellow' ? 1 : 0;
    if (level <= r.remind_level) continue;
    const changed = await supervisionDb(trx)
      .updateTable('office_supervision_task')
      .set({ remind_level: level, updated_at: now })
      .where('id', '=', r.id)
      .where('remind_level', '<', level)
      .returning('id')
      .execute();
    if (!changed.length) continue;
    const escalate = level === 2;
    const told = escalate ? ['supervisor', 'unit_leader', 'lead_unit'] : ['lead_unit'];
    const payload = { level, light, told, leadDepartmentId: r.lead_department_id };
    await TASK_LOG.append(trx, r.id, r.region_code, {
      action: escalate ? 'escalate' : 'remind',
      from: r.state,
      to: r.state,
      actor: SYSTEM_STEP_ACTOR,
      payload,
      at: now,
      dueAt: r.due_at ? new Date(r.due_at) : null,
    });
    await k.recordChange(trx, {
      actor: actorOf(SYSTEM_PRINCIPAL),
      action: escalate ? 'escalated' : 'reminded',
      objectType: 'office.supervision.task',
      objectId: r.id,
      regionCode: r.region_code,
      change: payload,
      summary: { number: r.number },
      event: { topic: escalate ? SUPERVISION_TASK_ESCALATED : SUPERVISION_TASK_REMINDED, payload: { id: r.id, number: r.number, level, leadDepartmentId: r.lead_department_id } },
    });
    if (escalate)
      await k.notify.notify(trx, {
        regionCode: r.region_code,
        recipientId: r.raised_by,
        title: '督办事项已超期',
        body: `${r.number}《${r.title}》已超过办理期限（${r.due_date}），已升级督办`,
        link: `/workbench/office/supervision/${r.id}`,
      });
    counts[escalate ? 'escalated' : 'reminded'] += 1;
  }
  return counts;
}
