import { Type } from '@sinclair/typebox';
import { changeEvents, type EventCatalogue } from '../../../kernel/events/index.ts';

/** A task took a step of its workflow (交办, 签收, 阶段反馈, 办结报告, 核查). */
export const SUPERVISION_TASK_STEPPED = 'office.supervision.task.stepped';
const Stepped = Type.Object({ id: Type.String(), action: Type.String(), from: Type.String(), to: Type.String(), number: Type.String(), leadDepartmentId: Type.Union([Type.String(), Type.Null()]) });

/** 立项 (one task, or a key-work list), 催办 at yellow and 升级 at red. */
export const SUPERVISION_TASK_RAISED = 'office.supervision.task.raised';
export const SUPERVISION_TASK_REMINDED = 'office.supervision.task.reminded';
export const SUPERVISION_TASK_ESCALATED = 'office.supervision.task.escalated';

export const supervisionEvents: EventCatalogue = {
  [SUPERVISION_TASK_STEPPED]: Stepped,
  ...changeEvents('office.supervision.task', ['raised', 'reminded', 'escalated']),
};
