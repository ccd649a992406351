import { cstDate, workingDaysBetween, type DayRules } from '../../../kernel/calendar/index.ts';

export type Light = 'green' | 'yellow' | 'red';

/** A 节点 the lead unit promised: by this working day, this much done. */
export interface Milestone {
  date: string;
  progress: number;
  label: string;
}

/** States in which a task runs against its deadline (before 交办 it has none; after 销号 it is over). */
export const RUNNING_STATES = ['assigned', 'in_progress', 'reported'] as const;

export interface LightInput {
  state: string;
  due_at: Date | string | null;
  progress: number;
  milestones: Milestone[];
}

/**
 * The 三色督办 light of a task at `now`, from the working-day calendar (read time, never stored):
 * red once the deadline has passed; yellow when `yellowDays` or fewer working days are left, or
 * when a milestone's day has gone by with less progress than it promised; green otherwise.
 * Working days left are those after today up to the deadline's day, so a Friday→Monday jump
 * counts one working day, not three calendar days.
 */
export function lightOf(t: LightInput, now: Date, rules: DayRules, yellowDays: number): Light | null {
  if (!(RUNNING_STATES as readonly string[]).includes(t.state) || !t.due_at) return null;
  const due = new Date(t.due_at);
  if (now.getTime() > due.getTime()) return 'red';
  if (workingDaysBetween(rules, now, due) <= yellowDays) return 'yellow';
  const today = cstDate(now);
  if (t.milestones.some((m) => m.date < today && t.progress < m.progress)) return 'yellow';
  return 'green';
}

/** Working days left until the deadline (negative never: an overdue task has 0 and is red). */
export function workingDaysLeft(t: LightInput, now: Date, rules: DayRules): number | null {
  if (!t.due_at) return null;
  return workingDaysBetween(rules, now, new Date(t.due_at));
}

/** The end of a China calendar day: a deadline given as a date runs to its last moment. */
export const endOfDay = (day: string): Date => new Date(Date.parse(`${day}T23:59:59.999+08:00`));
