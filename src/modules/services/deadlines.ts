import type { WorkingCalendar } from '../../kernel/calendar/index.ts';
import type { WorkflowAction, WorkflowDefinition } from '../../kernel/workflow/index.ts';

/** The clock-related columns of an application. */
export interface Clocks {
  accepted_at: Date | null;
  completed_at: Date | null;
  due_at: Date | null;
  warn_at: Date | null;
  step_due_at: Date | null;
  paused_at: Date | null;
  paused_due_days: number | null;
  paused_step_days: number | null;
  working_days_used: number | null;
  overdue: boolean;
}

const d = (v: unknown) => (v == null ? null : new Date(v as string));

export function clocksOf(row: Record<string, unknown>): Clocks {
  return {
    accepted_at: d(row.accepted_at),
    completed_at: d(row.completed_at),
    due_at: d(row.due_at),
    warn_at: d(row.warn_at),
    step_due_at: d(row.step_due_at),
    paused_at: d(row.paused_at),
    paused_due_days: row.paused_due_days == null ? null : Number(row.paused_due_days),
    paused_step_days: row.paused_step_days == null ? null : Number(row.paused_step_days),
    working_days_used: row.working_days_used == null ? null : Number(row.working_days_used),
    overdue: Boolean(row.overdue),
  };
}

/** Deadlines of a step just entered: its own limit, if the definition gives one. */
export async function stepDue(cal: WorkingCalendar, def: WorkflowDefinition, state: string, now: Date): Promise<Date | null> {
  const days = def.states[state]?.limitDays;
  return days == null ? null : cal.addWorkingDays(now, days);
}

/**
 * How the clocks move when `action` is taken at `now` (deadlines are absolute times, computed when
 * a step starts, in working days):
 * - leaving the initial state for a working state is 受理: the promised limit starts;
 * - entering a paused state (补正) stops the clocks, keeping the working days left;
 * - leaving it starts them again with the days that were left, so the pause does not count;
 * - an action with an outcome is 办结: the working days used are fixed, and whether it was late.
 */
export async function moveClocks(cal: WorkingCalendar, def: WorkflowDefinition, from: string, action: WorkflowAction, c: Clocks, promisedDays: number, now: Date): Promise<Clocks> {
  const next = { ...c };
  const to = def.states[action.to];
  const wasPaused = def.states[from]?.kind === 'paused';
  const pausing = to.kind === 'paused';
  if (pausing) {
    next.paused_at = now;
    next.paused_due_days = c.due_at ? await cal.workingDaysBetween(now, c.due_at) : null;
    next.paused_step_days = c.step_due_at ? await cal.workingDaysBetween(now, c.step_due_at) : null;
    next.step_due_at = null;
    return next;
  }
  if (wasPaused) {
    if (c.paused_due_days != null) {
      next.due_at = await cal.addWorkingDays(now, c.paused_due_days);
      next.warn_at = await cal.addWorkingDays(now, Math.max(c.paused_due_days - 1, 0));
    }
    next.step_due_at = c.paused_step_days != null ? await cal.addWorkingDays(now, c.paused_step_days) : await stepDue(cal, def, action.to, now);
    next.paused_at = null;
    next.paused_due_days = null;
    next.paused_step_days = null;
  } else {
    next.step_due_at = to.kind === 'end' ? null : await stepDue(cal, def, action.to, now);
  }
  if (!c.accepted_at && from === def.initial && to.kind !== 'end') {
    next.accepted_at = now;
    next.due_at = await cal.addWorkingDays(now, promisedDays);
    next.warn_at = await cal.addWorkingDays(now, Math.max(promisedDays - 1, 0));
  }
  if (action.outcome && !c.completed_at) {
    next.completed_at = now;
    const due = next.due_at;
    if (due) {
      const late = now > due;
      next.overdue = late;
      next.working_days_used = late ? promisedDays + (await cal.workingDaysBetween(due, now)) : promisedDays - (await cal.workingDaysBetween(now, due));
    } else {
      next.working_days_used = 0;
    }
  }
  if (to.kind === 'end') next.step_due_at = null;
  return next;
}

export type TimeStatus = 'ok' | 'warning' | 'overdue' | 'paused' | 'done';

/** What the queue shows: 预警 from the start of the last working day, 超期 after the deadline. */
export function timeStatus(open: boolean, c: Clocks, now: Date): TimeStatus {
  if (!open) return 'done';
  if (c.paused_at) return 'paused';
  const due = c.completed_at ? c.step_due_at : (c.due_at ?? c.step_due_at);
  if (c.overdue || (due && now > due)) return 'overdue';
  const warn = c.completed_at ? null : c.due_at ? c.warn_at : c.step_due_at ? new Date(c.step_due_at.getTime() - 86_400_000) : null;
  return warn && now > warn ? 'warning' : 'ok';
}
