import type { RegulationArea, RegulationContext } from '../area.ts';
import { tasksEvents } from './events.ts';

export type TasksArea = RegulationArea;

/** 检查任务, 结果, 异议, 行政处罚 and 一公开. (Skeleton: written in its own branch.) */
export function createTasksArea(ctx: RegulationContext): TasksArea {
  void ctx;
  return { events: tasksEvents, routes: async () => {} };
}
