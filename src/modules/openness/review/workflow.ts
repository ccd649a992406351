import type { WorkflowDefinition } from '../../../kernel/workflow/index.ts';

const EDITORS = ['openness_editor', 'openness_admin'];
const REVIEWERS = ['secrecy_reviewer'];
const LEADERS = ['leader'];

/**
 * 发布审核: 拟稿 → 提交 (the automatic content check; held in 拟稿 when it finds what must be edited
 * out) → 保密审查 (a named 保密审查员 of the department) → 领导审批 (a leader of the department) →
 * published in the library in the approving step. A withdrawal publishes nothing, so it goes from
 * 提交 straight to the leader. A 解读 ready for approval is published with its 原文 (同步发布).
 */
export const DRAFT_WORKFLOW: WorkflowDefinition = {
  initial: 'draft',
  states: {
    draft: { zh: '拟稿', en: 'Drafting' },
    secrecy_review: { zh: '待保密审查', en: 'Awaiting secrecy review' },
    approval: { zh: '待领导审批', en: 'Awaiting approval' },
    published: { zh: '已发布', en: 'Published', kind: 'end' },
    discarded: { zh: '已作废', en: 'Discarded', kind: 'end' },
  },
  actions: [
    { code: 'submit', zh: '提交（内容检查通过）', en: 'Submit (content check passed)', from: ['draft'], to: 'secrecy_review', actor: 'staff', roles: EDITORS, unit: 'department' },
    {
      code: 'submit_blocked',
      zh: '提交（内容检查未通过）',
      en: 'Submit (held by the content check)',
      from: ['draft'],
      to: 'draft',
      actor: 'staff',
      roles: EDITORS,
      unit: 'department',
      outcome: 'blocked',
    },
    { code: 'submit_withdrawal', zh: '提交撤回申请', en: 'Submit the withdrawal', from: ['draft'], to: 'approval', actor: 'staff', roles: EDITORS, unit: 'department' },
    { code: 'discard', zh: '作废', en: 'Discard', from: ['draft'], to: 'discarded', actor: 'staff', roles: EDITORS, unit: 'department' },
    {
      code: 'secrecy_pass',
      zh: '保密审查通过',
      en: 'Secrecy review passed',
      from: ['secrecy_review'],
      to: 'approval',
      actor: 'staff',
      roles: REVIEWERS,
      unit: 'department',
      requires: ['opinion', 'basis'],
      outcome: 'pass',
    },
    {
      code: 'secrecy_return',
      zh: '保密审查退回',
      en: 'Returned by secrecy review',
      from: ['secrecy_review'],
      to: 'draft',
      actor: 'staff',
      roles: REVIEWERS,
      unit: 'department',
      requires: ['reason'],
      outcome: 'return',
    },
    { code: 'approve', zh: '领导审批通过并发布', en: 'Approved and published', from: ['approval'], to: 'published', actor: 'staff', roles: LEADERS, unit: 'department', outcome: 'approve' },
    {
      code: 'approve_return',
      zh: '领导审批退回',
      en: 'Returned by the leader',
      from: ['approval'],
      to: 'draft',
      actor: 'staff',
      roles: LEADERS,
      unit: 'department',
      requires: ['reason'],
      outcome: 'return',
    },
    { code: 'publish_with_original', zh: '随原文同步发布', en: 'Published with its original', from: ['approval'], to: 'published', actor: 'system' },
  ],
  inputs: {
    reason: { zh: '退回理由', en: 'reason for returning' },
    opinion: { zh: '审查意见', en: 'review opinion' },
    basis: { zh: '审查依据', en: 'basis of the review' },
  },
};

/** The public action codes pages send, and the engine actions each stands for. */
export const PUBLIC_ACTIONS = ['submit', 'secrecy', 'approve', 'discard'] as const;
export type PublicAction = (typeof PUBLIC_ACTIONS)[number];
export const PUBLIC_CODE: Record<string, PublicAction | 'edit' | 'create' | 'waive'> = {
  submit: 'submit',
  submit_blocked: 'submit',
  submit_withdrawal: 'submit',
  discard: 'discard',
  secrecy_pass: 'secrecy',
  secrecy_return: 'secrecy',
  approve: 'approve',
  approve_return: 'approve',
  publish_with_original: 'approve',
};

/** Labels of the steps that are not engine actions. */
export const OTHER_STEPS: Record<string, { zh: string; en: string }> = {
  create: { zh: '拟稿', en: 'Drafted' },
  edit: { zh: '修改', en: 'Edited' },
  waive: { zh: '认定误报', en: 'Waived a finding as a false alarm' },
};

/** Labels and required inputs of the buttons. */
export const BUTTONS: Record<PublicAction, { zh: string; en: string; requires: string[]; outcomes: string[] }> = {
  submit: { zh: '提交审核', en: 'Submit for review', requires: [], outcomes: [] },
  secrecy: { zh: '保密审查', en: 'Secrecy review', requires: ['outcome', 'opinion', 'basis'], outcomes: ['pass', 'return'] },
  approve: { zh: '领导审批', en: 'Approve', requires: ['outcome'], outcomes: ['approve', 'return'] },
  discard: { zh: '作废', en: 'Discard', requires: [], outcomes: [] },
};

/** The permission each engine action needs in the draft's department (deny by default). */
export const PERMISSION_OF: Record<string, string> = {
  submit: 'openness.edit',
  submit_blocked: 'openness.edit',
  submit_withdrawal: 'openness.edit',
  discard: 'openness.edit',
  secrecy_pass: 'openness.secrecy',
  secrecy_return: 'openness.secrecy',
  approve: 'openness.approve',
  approve_return: 'openness.approve',
};
