import { cstDate, isWorkingDay, type DayRules } from '../../../kernel/calendar/index.ts';
import type { Executor } from '../../../kernel/db/index.ts';
import type { OrgService } from '../../org/index.ts';
import { SupervisionErrors } from './errors.ts';
import { endOfDay, type Milestone } from './lights.ts';

/** 交办 as asked: the lead unit, helpers, a deadline day and optional milestones. */
export interface AssignmentInput {
  leadDepartmentId: string;
  helperDepartmentIds?: string[];
  dueDate: string;
  milestones?: Milestone[];
}

export interface CheckedAssignment {
  leadDepartmentId: string;
  helperDepartmentIds: string[];
  dueDate: string;
  dueAt: Date;
  milestones: Milestone[];
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const realDay = (d: string) => DAY.test(d) && !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);

/**
 * Checks a 交办 before anything is written: the deadline is a real day, today or later and a
 * working day (a task due on a Saturday would turn red over a weekend nobody works); the units
 * exist in the task's region and a helper is not also the lead; milestones fall between today and
 * the deadline with rising progress. `at` prefixes each problem's path (a row of an imported list).
 */
export async function checkAssignment(org: OrgService, ex: Executor, rules: DayRules, now: Date, regionCode: string, a: AssignmentInput, at = ''): Promise<CheckedAssignment> {
  if (!realDay(a.dueDate)) throw SupervisionErrors.badDate(`${at}/dueDate`);
  const today = cstDate(now);
  if (a.dueDate < today) throw SupervisionErrors.dueInPast(`${at}/dueDate`, a.dueDate);
  if (!isWorkingDay(rules, a.dueDate)) throw SupervisionErrors.notWorkingDay(`${at}/dueDate`, a.dueDate);
  const helpers = [...new Set(a.helperDepartmentIds ?? [])];
  if (helpers.includes(a.leadDepartmentId)) throw SupervisionErrors.helperIsLead();
  const units = await org.departmentNames([a.leadDepartmentId, ...helpers], ex);
  const known = (id: string) => {
    const u = units.get(id);
    return !!u && u.active && u.regionCode.startsWith(regionCode);
  };
  if (!known(a.leadDepartmentId)) throw SupervisionErrors.unknownUnit(`${at}/leadDepartmentId`);
  helpers.forEach((h, i) => {
    if (!known(h)) throw SupervisionErrors.unknownUnit(`${at}/helperDepartmentIds/${i}`);
  });
  const milestones = [...(a.milestones ?? [])].sort((x, y) => x.date.localeCompare(y.date));
  milestones.forEach((m, i) => {
    const bad = !realDay(m.date) || m.date < today || m.date > a.dueDate || (i > 0 && m.progress <= milestones[i - 1].progress);
    if (bad) throw SupervisionErrors.milestone(`${at}/milestones/${i}`);
  });
  return { leadDepartmentId: a.leadDepartmentId, helperDepartmentIds: helpers, dueDate: a.dueDate, dueAt: endOfDay(a.dueDate), milestones };
}
