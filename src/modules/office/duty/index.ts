import type { OfficeArea, OfficeContext } from '../area.ts';
import { Duty } from './duty.ts';
import { INCIDENT_REPORTED, IncidentReported, dutyEvents } from './events.ts';
import { dutyRoutes } from './routes.ts';
import { dutyTodos } from './todos.ts';

/**
 * Besides its routes, the area hands flows the 突发事件 topic with its payload schema (flows reach the
 * office only through its index.ts, which hands out the areas) and the duty desk's functions.
 */
export type DutyArea = OfficeArea & { duty: Duty; INCIDENT_REPORTED: typeof INCIDENT_REPORTED; IncidentReported: typeof IncidentReported };

/** 值班: rota on the working-day calendar, 交接班, 值班日志 and 突发事件信息 (which open cases through a flow). */
export function createDutyArea(ctx: OfficeContext): DutyArea {
  const duty = new Duty(ctx);
  ctx.todos.register('duty', dutyTodos(ctx.policy, ctx.k.clock, duty));
  return { events: dutyEvents, routes: dutyRoutes(duty), duty, INCIDENT_REPORTED, IncidentReported };
}
