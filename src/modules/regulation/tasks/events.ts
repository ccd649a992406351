import { Type } from '@sinclair/typebox';
import type { EventCatalogue } from '../../../kernel/events/index.ts';

/** Tasks were made (a draw, a 告知承诺 approval, a 12345 clue): one event per batch. */
export const TASKS_CREATED = 'regulation.task.created';
/** A result was recorded and published (一公开). */
export const TASK_RESULT_RECORDED = 'regulation.task.result-recorded';
/** An enterprise objected to its result; the regulator answered it (维持 / 更正). */
export const TASK_OBJECTED = 'regulation.task.objected';
export const TASK_OBJECTION_ANSWERED = 'regulation.task.objection-answered';
/** A 行政处罚 was recorded after 立案查处. */
export const PENALTY_RECORDED = 'regulation.penalty.recorded';

const Str = Type.String();
export const tasksEvents: EventCatalogue = {
  [TASKS_CREATED]: Type.Object({ id: Str, count: Type.Integer(), ids: Type.Array(Str), planId: Type.Union([Str, Type.Null()]) }),
  [TASK_RESULT_RECORDED]: Type.Object({ id: Str, number: Str, creditCode: Str, conclusion: Str, problem: Type.Boolean() }),
  [TASK_OBJECTED]: Type.Object({ id: Str, taskId: Str, creditCode: Str }),
  [TASK_OBJECTION_ANSWERED]: Type.Object({ id: Str, taskId: Str, creditCode: Str, decision: Str, conclusion: Str }),
  [PENALTY_RECORDED]: Type.Object({ id: Str, taskId: Str, creditCode: Str, kind: Str, amountFen: Type.Union([Type.Integer(), Type.Null()]) }),
};
