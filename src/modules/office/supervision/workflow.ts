import { Errors } from '../../../kernel/http/errors.ts';
import type { Kernel } from '../../../kernel/index.ts';
import { assertAllowed, regionWithin, type Policy } from '../../../kernel/policy/index.ts';
import { ActionLog, type ActionHandler, type RecordKind, type WorkflowDefinition, type WorkflowVersions } from '../../../kernel/workflow/index.ts';
import { SupervisionErrors } from './errors.ts';
import { SUPERVISION_TASK_STEPPED } from './events.ts';
import type { TaskRow } from './store.ts';

/** The 督办 action log, of the kernel's one shape. */
export const TASK_LOG = new ActionLog('office_supervision_task_action', 'task_id');

const SUPERVISORS = ['office_supervisor'];
/** The lead unit's 文秘 or its leader 签收 and report. */
const LEAD_UNIT = ['office_clerk', 'leader'];

/**
 * A task's path, after 宜昌's eight nodes: 立项 → 交办 → 签收 → 阶段反馈 (any number) → 办结报告 →
 * 核查: accept (办结销号) or 退回 to the lead unit, which reports again. The lead unit's steps are
 * bound to that unit; the supervisor's to the region.
 */
export const TASK_WORKFLOW: WorkflowDefinition = {
  initial: 'raised',
  states: {
    raised: { zh: '已立项待交办', en: 'Raised, to assign' },
    assigned: { zh: '已交办待签收', en: 'Assigned, to sign for' },
    in_progress: { zh: '办理中', en: 'In progress' },
    reported: { zh: '已报办结待核查', en: 'Reported done, to check' },
    done: { zh: '已办结销号', en: 'Done and closed', kind: 'end' },
  },
  actions: [
    { code: 'assign', zh: '交办', en: 'Assign', from: ['raised'], to: 'assigned', actor: 'staff', roles: SUPERVISORS, unit: 'region' },
    { code: 'sign', zh: '签收', en: 'Sign for', from: ['assigned'], to: 'in_progress', actor: 'staff', roles: LEAD_UNIT, unit: 'department' },
    { code: 'feedback', zh: '阶段反馈', en: 'Report progress', from: ['in_progress'], to: 'in_progress', actor: 'staff', roles: LEAD_UNIT, unit: 'department', requires: ['text'] },
    { code: 'report', zh: '办结报告', en: 'Report done', from: ['in_progress'], to: 'reported', actor: 'staff', roles: LEAD_UNIT, unit: 'department', requires: ['text'] },
    { code: 'accept', zh: '核查通过，办结销号', en: 'Check and close', from: ['reported'], to: 'done', actor: 'staff', roles: SUPERVISORS, unit: 'region' },
    { code: 'return', zh: '核查退回', en: 'Return', from: ['reported'], to: 'in_progress', actor: 'staff', roles: SUPERVISORS, unit: 'region', requires: ['reason'] },
  ],
  inputs: { text: { zh: '反馈内容', en: 'what was done' } },
};

export interface TaskStepInput {
  action: string;
  text?: string;
  reason?: string;
  opinion?: string;
  progress?: number;
  evidence?: string[];
  /** 交办: what the service has already checked (unit in region, deadline a working day). */
  assignment?: { leadDepartmentId: string; helperDepartmentIds: string[]; dueDate: string; dueAt: Date; milestones: unknown[] };
  expectedVersion?: number;
}

type Handler = ActionHandler<TaskRow, TaskStepInput>;

function taskHandlers(): Record<string, Handler> {
  const progressOf = (row: TaskRow, input: TaskStepInput, floor: number) => {
    const p = input.progress ?? floor;
    if (p < row.progress) throw SupervisionErrors.progressBack();
    return p;
  };
  return {
    assign: ({ input, now }) => {
      const a = input.assignment!;
      return {
        set: { lead_department_id: a.leadDepartmentId, helper_department_ids: a.helperDepartmentIds, due_date: a.dueDate, due_at: a.dueAt, milestones: JSON.stringify(a.milestones), assigned_at: now },
        payload: { leadDepartmentId: a.leadDepartmentId, helperDepartmentIds: a.helperDepartmentIds, dueDate: a.dueDate, milestones: a.milestones },
        dueAt: a.dueAt,
      };
    },
    sign: ({ now }) => ({ set: { signed_at: now } }),
    feedback: ({ row, input }) => {
      const progress = progressOf(row, input, row.progress);
      return { set: { progress }, payload: { progress }, opinion: input.text ?? null, attachments: input.evidence ?? [] };
    },
    report: ({ row, input }) => {
      const progress = progressOf(row, input, 100);
      return { set: { progress }, payload: { progress }, opinion: input.text ?? null, attachments: input.evidence ?? [] };
    },
    accept: ({ now, row, input }) => ({ set: { done_at: now }, payload: { onTime: !!row.due_at && now.getTime() <= new Date(row.due_at).getTime() }, opinion: input.opinion ?? null }),
    return: ({ row, input }) => ({ set: { returned_count: row.returned_count + 1 }, payload: { reason: input.reason ?? null }, opinion: input.reason ?? null }),
  };
}

/** 督办 tasks as a record kind of the kernel's action engine. */
export function taskKind(k: Kernel, policy: Policy, load: (id: string) => Promise<TaskRow>, workflows: WorkflowVersions): RecordKind<TaskRow, TaskStepInput> {
  void k;
  return {
    objectType: 'office.supervision.task',
    table: 'office_supervision_task',
    log: TASK_LOG,
    topic: SUPERVISION_TASK_STEPPED,
    handlers: taskHandlers(),
    load: (_who, id) => load(id),
    actorOf: (who, row) => {
      assertAllowed(policy, who, 'office.use', { regionCode: row.region_code });
      if (!regionWithin(row.region_code, who.regionCode)) throw Errors.forbidden();
      return { kind: 'staff', roles: who.roles, departmentId: who.departmentId };
    },
    guard: (who, row, action) => {
      // The supervisor's steps need the permission as well as the role (a region may narrow roles).
      if (['assign', 'accept', 'return'].includes(action.code)) assertAllowed(policy, who, 'office.supervise', { regionCode: row.region_code });
    },
    definition: (row) => workflows.get(row.workflow_version),
    units: (row) => row.lead_department_id,
    opinionOf: (input) => input.opinion ?? input.text ?? input.reason ?? null,
    eventOf: ({ row }) => ({ number: row.number, leadDepartmentId: row.lead_department_id }),
    errors: { notInState: SupervisionErrors.taskState, stateChanged: SupervisionErrors.taskState },
  };
}
