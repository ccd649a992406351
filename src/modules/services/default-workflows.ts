import type { WorkflowAction, WorkflowDefinition, WorkflowState } from '../../kernel/workflow/index.ts';

/** The front desk's part, the same in every path: 待受理, 补正, 不予受理, 撤回, 出件. */
const FRONT_STATES: Record<string, WorkflowState> = {
  supplement: { zh: '待补正', en: 'Awaiting corrections', kind: 'paused' },
  delivered: { zh: '已出件', en: 'Delivered', kind: 'end' },
  rejected: { zh: '不予受理', en: 'Not accepted', kind: 'end' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn', kind: 'end' },
};
/** How the inputs the front desk's actions require are named to the person asked for them. */
const FRONT_INPUTS = { items: { zh: '补正清单', en: 'list of corrections' }, delivery: { zh: '出件方式', en: 'delivery method' } };
const FRONT_ACTIONS: WorkflowAction[] = [
  { code: 'reject', zh: '不予受理', en: 'Do not accept', from: ['submitted'], to: 'rejected', actor: 'staff', roles: ['window_staff'], unit: 'region', requires: ['reason'] },
  { code: 'request_supplement', zh: '一次性告知补正', en: 'Ask for corrections', from: ['submitted'], to: 'supplement', actor: 'staff', roles: ['window_staff'], unit: 'region', requires: ['items'] },
  { code: 'supplement', zh: '提交补正', en: 'Send corrections', from: ['supplement'], to: 'submitted', actor: 'applicant' },
  { code: 'withdraw', zh: '撤回申请', en: 'Withdraw', from: ['submitted', 'supplement'], to: 'withdrawn', actor: 'applicant' },
  { code: 'deliver', zh: '出件', en: 'Deliver', from: ['completed'], to: 'delivered', actor: 'staff', roles: ['window_staff', 'approver'], unit: 'region', requires: ['delivery'] },
];

/**
 * The standard path of a 承诺件: 前台综合受理 at any window of the region, 后台分类审批 by the
 * implementing department's approvers, 统一窗口出件. 补正 stops the clock in either place.
 */
export const PROMISED_WORKFLOW: WorkflowDefinition = {
  initial: 'submitted',
  states: {
    submitted: { zh: '待受理', en: 'Awaiting acceptance', limitDays: 2 },
    review: { zh: '审查中', en: 'Under review', limitDays: 3 },
    review_supplement: { zh: '审查补正', en: 'Corrections during review', kind: 'paused' },
    decision: { zh: '待决定', en: 'Awaiting decision', limitDays: 2 },
    completed: { zh: '已办结', en: 'Completed', limitDays: 3 },
    ...FRONT_STATES,
  },
  actions: [
    { code: 'accept', zh: '受理', en: 'Accept', from: ['submitted'], to: 'review', actor: 'staff', roles: ['window_staff'], unit: 'region' },
    { code: 'pass_review', zh: '审查通过', en: 'Pass review', from: ['review'], to: 'decision', actor: 'staff', roles: ['approver'], unit: 'department' },
    {
      code: 'review_supplement',
      zh: '审查补正',
      en: 'Ask for corrections in review',
      from: ['review'],
      to: 'review_supplement',
      actor: 'staff',
      roles: ['approver'],
      unit: 'department',
      requires: ['items'],
    },
    { code: 'resupply', zh: '提交补正', en: 'Send corrections', from: ['review_supplement'], to: 'review', actor: 'applicant' },
    { code: 'approve', zh: '准予许可', en: 'Approve', from: ['decision'], to: 'completed', actor: 'staff', roles: ['approver'], unit: 'department', outcome: 'approved' },
    {
      code: 'deny',
      zh: '不予许可',
      en: 'Refuse',
      from: ['decision', 'review'],
      to: 'completed',
      actor: 'staff',
      roles: ['approver'],
      unit: 'department',
      outcome: 'not_approved',
      requires: ['reason'],
    },
    ...FRONT_ACTIONS,
  ],
  inputs: FRONT_INPUTS,
};

/** A 即办件: the window accepts and decides on the spot; delivery follows. */
export const INSTANT_WORKFLOW: WorkflowDefinition = {
  initial: 'submitted',
  states: {
    submitted: { zh: '待受理', en: 'Awaiting acceptance', limitDays: 1 },
    completed: { zh: '已办结', en: 'Completed', limitDays: 1 },
    ...FRONT_STATES,
  },
  actions: [
    { code: 'approve', zh: '受理并办结', en: 'Accept and complete', from: ['submitted'], to: 'completed', actor: 'staff', roles: ['window_staff', 'approver'], unit: 'region', outcome: 'approved' },
    ...FRONT_ACTIONS,
  ],
  inputs: FRONT_INPUTS,
};

/**
 * 秒批: the platform approves by rule the moment an application arrives (`instant_approve`, taken
 * only by the system); an application the rule does not clear follows the 承诺件 path to a person.
 */
export const INSTANT_APPROVAL_ACTION: WorkflowAction = {
  code: 'instant_approve',
  zh: '秒批（系统自动审批）',
  en: 'Instant approval (by rule)',
  from: ['submitted'],
  to: 'completed',
  actor: 'system',
  outcome: 'approved',
};

/** A 承诺件 path with 秒批 in front of it. */
export const INSTANT_APPROVAL_WORKFLOW: WorkflowDefinition = { ...PROMISED_WORKFLOW, actions: [INSTANT_APPROVAL_ACTION, ...PROMISED_WORKFLOW.actions] };
