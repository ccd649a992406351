import { DomainError } from '../http/errors.ts';
import type { WorkflowAction, WorkflowDefinition } from './definition.ts';

/** Names of inputs most workflows ask for; a definition's `inputs` names the rest. */
const COMMON_INPUTS: Record<string, { zh: string; en: string }> = { reason: { zh: '理由', en: 'reason' }, items: { zh: '清单', en: 'items' }, opinion: { zh: '意见', en: 'opinion' } };

export const WorkflowErrors = {
  unknownAction: (code: string) => new DomainError('WORKFLOW_UNKNOWN_ACTION', 400, `没有名为“${code}”的动作`, `There is no action "${code}"`),
  notInState: () => new DomainError('WORKFLOW_NOT_IN_STATE', 409, '当前状态不允许此操作', 'The current state does not allow this action'),
  stateChanged: () => new DomainError('WORKFLOW_STATE_CHANGED', 409, '该事项已被他人处理，请刷新后重试', 'Someone else acted on this record first; reload and try again'),
  notImplemented: (code: string) => new DomainError('WORKFLOW_ACTION_NOT_IMPLEMENTED', 409, `动作“${code}”尚未实现，请联系管理员`, `The action "${code}" is not implemented; ask an administrator`),
  notYourAction: () => new DomainError('WORKFLOW_ACTOR_NOT_ALLOWED', 403, '您的角色或部门不能执行此操作', 'Your role or department may not take this action'),
  /** 审批分离: whoever took the review step of a record may not also take its decision step. */
  separationOfDuties: () =>
    new DomainError(
      'WORKFLOW_SEPARATION_OF_DUTIES',
      403,
      '审批分离：您已对该事项作出审查，不能再作出决定，请由另一位审批人员决定',
      'Separation of duties: you reviewed this record, so another approver must decide it',
    ),
  missing: (what: string, label?: { zh: string; en: string }) =>
    new DomainError('WORKFLOW_INPUT_MISSING', 400, `此操作须填写：${label?.zh ?? COMMON_INPUTS[what]?.zh ?? what}`, `This action needs: ${label?.en ?? COMMON_INPUTS[what]?.en ?? what}`, [
      { path: `/${what}`, message: 'required / 必填' },
    ]),
};

/** Who wants to act on a record, as far as the workflow cares. */
export interface WorkflowActor {
  kind: 'staff' | 'applicant' | 'system';
  roles: readonly string[];
  departmentId: string | null;
}

/** The units a record is with: its handler, and (for records sent down a level) who sent it. A bare id is the handler. */
export type Units = string | null | { handling: string | null; dispatcher: string | null };

/** An action's input as the engine sees it: the fields a definition may require, by name. */
export type ActionInput = object;

/**
 * Decides one step: the action must exist, start from the record's state, be for this kind of
 * actor, with one of its roles, in the handling department when the action is department-bound,
 * and carry what it requires. Returns the action (its `to` is the next state). Pure: the caller
 * writes the state, the action row and the audit entry in its own transaction.
 */
export function decide(def: WorkflowDefinition, state: string, code: string, actor: WorkflowActor, units: Units, input: ActionInput = {}): WorkflowAction {
  const action = def.actions.find((a) => a.code === code);
  if (!action) throw WorkflowErrors.unknownAction(code);
  if (!action.from.includes(state)) throw WorkflowErrors.notInState();
  if (!mayTake(action, actor, units)) throw WorkflowErrors.notYourAction();
  for (const need of action.requires ?? []) {
    const v = (input as Record<string, unknown>)[need];
    if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0)) throw WorkflowErrors.missing(need, def.inputs?.[need]);
  }
  return action;
}

/** Whether this kind of actor, with these roles and this department, may take the action at all. */
function mayTake(action: WorkflowAction, actor: WorkflowActor, units: Units): boolean {
  if (action.actor !== actor.kind) return false;
  if (action.actor !== 'staff') return true;
  if (!actor.roles.some((r) => action.roles?.includes(r))) return false;
  const { handling, dispatcher } = typeof units === 'object' && units !== null ? units : { handling: units, dispatcher: null };
  if (action.unit === 'department') return actor.departmentId === handling;
  if (action.unit === 'dispatcher') return actor.departmentId === dispatcher;
  return true;
}

/** The actions an actor could take from a state now (to offer buttons in the workbench). */
export function availableActions(def: WorkflowDefinition, state: string, actor: WorkflowActor, units: Units): WorkflowAction[] {
  return def.actions.filter((a) => a.from.includes(state) && mayTake(a, actor, units));
}

export function isEnd(def: WorkflowDefinition, state: string): boolean {
  return def.states[state]?.kind === 'end';
}

export function isPaused(def: WorkflowDefinition, state: string): boolean {
  return def.states[state]?.kind === 'paused';
}
