import type { RegulationArea, RegulationContext } from '../area.ts';
import type { TasksPort } from '../ports.ts';
import { createTasks } from './create.ts';
import { tasksEvents } from './events.ts';
import { tasksFactSource } from './facts.ts';
import { taskFigures } from './figures.ts';
import { inspectedCodes, lastInspectors, ofEntity, openCounts, penaltiesOf } from './reads.ts';
import { tasksRoutes } from './routes.ts';
import { TaskService } from './service.ts';
import { declareTasksSettings } from './settings.ts';

export interface TasksArea extends RegulationArea {
  /** What other areas call (also set as `ctx.ports.tasks`). */
  port: TasksPort;
  /** Results, objections, penalties and the lists (seeds and tests call these). */
  service: TaskService;
  /** Registers the credit facts of this area (done here when the credit port is already set). */
  registerCreditFacts(): void;
}

/**
 * 检查任务, 结果, 异议, 行政处罚 and 一公开: tasks from draws, 告知承诺 approvals and clues; the
 * inspector's result with photos, published at once and refused after the publication deadline;
 * the enterprise's objection and the regulator's answer; penalties after 立案查处; the credit facts
 * and the 监管效能 figures.
 */
export function createTasksArea(ctx: RegulationContext): TasksArea {
  const { k } = ctx;
  declareTasksSettings(k.settings);
  const port: TasksPort = {
    create: (trx, tasks) => createTasks(ctx, trx, tasks),
    lastInspectors,
    ofEntity,
    penaltiesOf,
    figures: (ex, regionCode, year) => taskFigures(ex, k.clock.now(), regionCode, year),
    openCounts,
    inspectedCodes,
  };
  ctx.ports.tasks = port;
  let registered = false;
  const registerCreditFacts = () => {
    if (registered || !ctx.ports.credit) return;
    ctx.ports.credit.addFactSource('tasks', tasksFactSource(k.clock));
    registered = true;
  };
  // The credit area is made before this one (index.ts), so its port is normally set by now.
  registerCreditFacts();
  const service = new TaskService(ctx);
  return { events: tasksEvents, routes: tasksRoutes(service), port, service, registerCreditFacts };
}
