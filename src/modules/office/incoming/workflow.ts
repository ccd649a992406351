import type { WorkflowDefinition } from '../../../kernel/workflow/index.ts';

const CLERK = ['office_clerk'];
const LEADER = ['leader'];

/**
 * 收文办理 after 党政机关公文处理工作条例 第六章: 签收 → 登记 → 初审 (pass, or return with a reason)
 * → 拟办 → 批办 (a leader of the receiving unit names 主办/协办 units and a time limit) → 承办
 * (the 主办 unit takes it up) → 办结. 传阅, 协办 input, 催办 and 答复 are steps beside the states
 * (service.ts): they are logged like these but move nothing. Every step is bound to the unit that
 * has the document at that point: the receiving unit up to 批办, the 主办 unit after it.
 */
export const INCOMING_WORKFLOW: WorkflowDefinition = {
  initial: 'received',
  states: {
    received: { zh: '待签收', en: 'To sign for' },
    signed: { zh: '待登记', en: 'To register' },
    registered: { zh: '待初审', en: 'To review' },
    reviewed: { zh: '待拟办', en: 'To suggest' },
    suggested: { zh: '待批办', en: 'To instruct' },
    instructed: { zh: '待承办', en: 'To take up' },
    handling: { zh: '承办中', en: 'Being handled' },
    completed: { zh: '已办结', en: 'Completed', kind: 'end' },
    returned: { zh: '已退回', en: 'Returned', kind: 'end' },
  },
  actions: [
    { code: 'sign', zh: '签收', en: 'Sign for', from: ['received'], to: 'signed', actor: 'staff', roles: CLERK, unit: 'department' },
    { code: 'register', zh: '登记', en: 'Register', from: ['signed'], to: 'registered', actor: 'staff', roles: CLERK, unit: 'department' },
    { code: 'pass', zh: '初审通过', en: 'Pass review', from: ['registered'], to: 'reviewed', actor: 'staff', roles: CLERK, unit: 'department' },
    { code: 'return', zh: '退回', en: 'Return', from: ['registered'], to: 'returned', actor: 'staff', roles: CLERK, unit: 'department', requires: ['reason'] },
    { code: 'suggest', zh: '拟办', en: 'Suggest', from: ['reviewed'], to: 'suggested', actor: 'staff', roles: CLERK, unit: 'department', requires: ['suggestion'] },
    { code: 'instruct', zh: '批办', en: 'Instruct', from: ['suggested'], to: 'instructed', actor: 'staff', roles: LEADER, unit: 'department', requires: ['instruction'] },
    { code: 'undertake', zh: '承办', en: 'Take up', from: ['instructed'], to: 'handling', actor: 'staff', roles: CLERK, unit: 'department' },
    { code: 'complete', zh: '办结', en: 'Complete', from: ['handling'], to: 'completed', actor: 'staff', roles: CLERK, unit: 'department', requires: ['summary'] },
  ],
  inputs: {
    suggestion: { zh: '拟办意见', en: 'suggestion' },
    instruction: { zh: '批办意见', en: 'instruction' },
    summary: { zh: '办结情况', en: 'summary' },
  },
};

/** States in which the 主办 unit has the document (and 催办 applies). */
export const UNDERTAKING = ['instructed', 'handling'];
