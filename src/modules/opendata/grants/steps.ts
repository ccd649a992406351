import { ActionLog, type WorkflowDefinition } from '../../../kernel/workflow/index.ts';

/** The 有条件开放 application's action log, of the kernel's one shape. */
export const APPLICATION_LOG = new ActionLog('opendata_application_action', 'application_id');

/** Working days the provider's 数据专员, and then the data bureau, have to decide. */
export const DECIDE_DAYS = 5;

/**
 * Roles the policy point gives a staff member for one application (not role codes of the org
 * catalogue): the provider's 数据专员 holding `opendata.provide` in the dataset's department, and
 * the data bureau holding `opendata.manage` in its region.
 */
export const PROVIDER = 'opendata_provider';
export const BUREAU = 'opendata_bureau';

/**
 * An application's path: the applicant signs the 数据利用协议 and submits (draft → submitted); the
 * provider's 数据专员 approves (→ bureau_review) or refuses with a reason; the data bureau approves
 * (→ approved: the grant is issued in the same step) or refuses. The applicant may withdraw before
 * the final decision. An approved grant ends when the bureau revokes it or its agreement ends.
 */
export const APPLICATION_WORKFLOW: WorkflowDefinition = {
  initial: 'draft',
  states: {
    draft: { zh: '待签署提交', en: 'Draft: sign and submit' },
    submitted: { zh: '待提供部门审核', en: 'Awaiting the provider', limitDays: DECIDE_DAYS },
    bureau_review: { zh: '待数据主管部门审核', en: 'Awaiting the data bureau', limitDays: DECIDE_DAYS },
    approved: { zh: '已批准', en: 'Approved' },
    refused: { zh: '未获批准', en: 'Refused', kind: 'end' },
    withdrawn: { zh: '已撤回', en: 'Withdrawn', kind: 'end' },
    revoked: { zh: '已撤销授权', en: 'Revoked', kind: 'end' },
    expired: { zh: '协议已到期', en: 'Agreement ended', kind: 'end' },
  },
  actions: [
    { code: 'submit', zh: '提交申请', en: 'Submit', from: ['draft'], to: 'submitted', actor: 'applicant' },
    { code: 'withdraw', zh: '撤回申请', en: 'Withdraw', from: ['draft', 'submitted', 'bureau_review'], to: 'withdrawn', actor: 'applicant' },
    { code: 'approve', zh: '提供部门同意', en: 'Provider approves', from: ['submitted'], to: 'bureau_review', actor: 'staff', roles: [PROVIDER], unit: 'department' },
    { code: 'refuse', zh: '提供部门不同意', en: 'Provider refuses', from: ['submitted'], to: 'refused', actor: 'staff', roles: [PROVIDER], unit: 'department', requires: ['opinion'] },
    { code: 'bureau_approve', zh: '数据主管部门批准', en: 'Data bureau approves', from: ['bureau_review'], to: 'approved', actor: 'staff', roles: [BUREAU], unit: 'region' },
    { code: 'bureau_refuse', zh: '数据主管部门不批准', en: 'Data bureau refuses', from: ['bureau_review'], to: 'refused', actor: 'staff', roles: [BUREAU], unit: 'region', requires: ['opinion'] },
    { code: 'revoke', zh: '撤销授权', en: 'Revoke', from: ['approved'], to: 'revoked', actor: 'staff', roles: [BUREAU], unit: 'region', requires: ['opinion'] },
    { code: 'expire', zh: '协议到期', en: 'Agreement ended', from: ['approved'], to: 'expired', actor: 'system' },
  ],
};

/** A step's input: the action and the decider's opinion (a reason when refusing or revoking). */
export interface ApplicationStepInput {
  action: string;
  opinion?: string;
  expectedVersion?: number;
}
