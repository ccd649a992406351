import type { OfficeArea, OfficeContext } from '../area.ts';
import type { SupervisionPort } from '../ports.ts';
import { supervisionEvents } from './events.ts';
import { REMIND_JOB, sweepReminders } from './reminders.ts';
import { supervisionRoutes } from './routes.ts';
import { declareSupervisionSettings } from './settings.ts';
import { SupervisionTasks } from './tasks.ts';
import { supervisionTodos } from './todos.ts';

export interface SupervisionArea extends OfficeArea {
  /** 立项, 交办, the steps, the board and the figures (seeds and tests call these). */
  tasks: SupervisionTasks;
  /** What other areas call to raise a task (also set as `ctx.ports.supervision`). */
  port: SupervisionPort;
  /** Runs the reminder sweep now (what the timer does), for tests and the demo seed. */
  remind(): Promise<{ reminded: number; escalated: number }>;
}

/**
 * 督查督办: tasks from 领导批示, meetings, documents and the yearly key-work list, 交办 to a lead
 * unit with a working-day deadline, 签收, 阶段反馈 with evidence, 核查 and 办结销号; lights from
 * the calendar at read time.
 */
export function createSupervisionArea(ctx: OfficeContext): SupervisionArea {
  const { k, policy, org } = ctx;
  declareSupervisionSettings(k.settings);
  const tasks = new SupervisionTasks(k, policy, org);
  const port: SupervisionPort = { raise: (trx, who, input) => tasks.raise(trx, who, input) };
  ctx.ports.supervision = port;
  ctx.todos.register('supervision', supervisionTodos(policy, tasks));
  // 催办 at yellow, 升级 at red: hourly is enough, as lights change at most once a working day.
  k.jobs.registerTimer(REMIND_JOB, 3_600_000, async (_job, trx) => void (await sweepReminders(k, trx)));
  return { events: supervisionEvents, routes: supervisionRoutes(tasks), tasks, port, remind: () => k.db.transaction().execute((trx) => sweepReminders(k, trx)) };
}
