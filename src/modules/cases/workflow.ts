import type { WorkflowDefinition } from '../../kernel/workflow/index.ts';

const CENTRE = ['hotline_agent'];
const UNIT = ['case_handler', 'grid_worker'];

/**
 * The path of a 12345 / city case: 统一受理 (registered) → 按责转办 (dispatched to a unit, which signs
 * for it within the response limit) → 办理 → 答复 → 回访 → 办结. A unit may return it (退单), which the
 * unit that sent it reviews; a unit may send it down a level (下派). The centre may answer on the
 * spot, merge a duplicate, void a prank, or move a case to another unit (改派). Time limits come
 * from the category and urgency, not from the states, so the states carry no `limitDays`.
 * Extensions, reminders and supervision change no state: they are recorded beside it.
 */
export const CASE_WORKFLOW: WorkflowDefinition = {
  initial: 'registered',
  states: {
    registered: { zh: '待派单', en: 'Awaiting dispatch' },
    dispatched: { zh: '待签收', en: 'Awaiting sign-off' },
    handling: { zh: '办理中', en: 'In progress' },
    return_review: { zh: '退单待审', en: 'Return under review' },
    replied: { zh: '待回访', en: 'Awaiting visit back' },
    answered: { zh: '已直接答复', en: 'Answered on the spot', kind: 'end' },
    closed: { zh: '已办结', en: 'Closed', kind: 'end' },
    merged: { zh: '已合并', en: 'Merged into another case', kind: 'end' },
    invalid: { zh: '无效工单', en: 'Void', kind: 'end' },
    withdrawn: { zh: '已撤销', en: 'Withdrawn', kind: 'end' },
  },
  actions: [
    { code: 'answer', zh: '直接答复', en: 'Answer on the spot', from: ['registered'], to: 'answered', actor: 'staff', roles: CENTRE, unit: 'region', requires: ['reason'] },
    { code: 'dispatch', zh: '派单', en: 'Dispatch', from: ['registered'], to: 'dispatched', actor: 'staff', roles: CENTRE, unit: 'region' },
    { code: 'merge', zh: '合并重复件', en: 'Merge as duplicate', from: ['registered'], to: 'merged', actor: 'staff', roles: CENTRE, unit: 'region' },
    { code: 'void', zh: '作废', en: 'Void', from: ['registered'], to: 'invalid', actor: 'staff', roles: CENTRE, unit: 'region', requires: ['reason'] },
    { code: 'withdraw', zh: '撤销诉求', en: 'Withdraw', from: ['registered'], to: 'withdrawn', actor: 'applicant' },
    { code: 'accept', zh: '签收', en: 'Sign for it', from: ['dispatched'], to: 'handling', actor: 'staff', roles: UNIT, unit: 'department' },
    { code: 'return', zh: '退单', en: 'Return', from: ['dispatched', 'handling'], to: 'return_review', actor: 'staff', roles: UNIT, unit: 'department', requires: ['reason'] },
    { code: 'approve_return', zh: '同意退单并重派', en: 'Accept the return', from: ['return_review'], to: 'registered', actor: 'staff', roles: CENTRE, unit: 'dispatcher' },
    { code: 'take_back', zh: '同意退单并收回', en: 'Accept the return and take it back', from: ['return_review'], to: 'handling', actor: 'staff', roles: ['case_handler'], unit: 'dispatcher' },
    {
      code: 'refuse_return',
      zh: '驳回退单',
      en: 'Refuse the return',
      from: ['return_review'],
      to: 'dispatched',
      actor: 'staff',
      roles: [...CENTRE, 'case_handler'],
      unit: 'dispatcher',
      requires: ['reason'],
    },
    { code: 'redispatch', zh: '下派', en: 'Send down a level', from: ['handling'], to: 'dispatched', actor: 'staff', roles: ['case_handler'], unit: 'department' },
    { code: 'reassign', zh: '改派', en: 'Reassign', from: ['dispatched', 'handling'], to: 'dispatched', actor: 'staff', roles: CENTRE, unit: 'region', requires: ['reason'] },
    { code: 'reply', zh: '办结反馈', en: 'Reply with the result', from: ['handling'], to: 'replied', actor: 'staff', roles: UNIT, unit: 'department', requires: ['reason'] },
    { code: 'close', zh: '回访办结', en: 'Visit back and close', from: ['replied'], to: 'closed', actor: 'staff', roles: CENTRE, unit: 'region' },
    { code: 'reopen', zh: '回访不满意重办', en: 'Reopen after an unsatisfied visit back', from: ['replied'], to: 'handling', actor: 'staff', roles: CENTRE, unit: 'region', requires: ['reason'] },
  ],
};

/** 诉求类型 (kind of request), 紧急程度 (urgency) and channels, with their labels. */
export const CASE_KINDS = [
  ['consult', '咨询', 'Enquiry'],
  ['request', '求助', 'Request for help'],
  ['complaint', '投诉', 'Complaint'],
  ['report', '举报', 'Report of wrongdoing'],
  ['suggestion', '建议', 'Suggestion'],
  ['praise', '表扬', 'Praise'],
] as const;
export const URGENCIES = [
  ['urgent', '紧急', 'Urgent'],
  ['ordinary', '一般', 'Ordinary'],
  ['consult', '咨询类', 'Enquiry'],
] as const;
export const CHANNELS = [
  ['hotline', '12345热线', '12345 hotline'],
  ['web', '网站', 'Website'],
  ['app', '移动端', 'Mobile'],
  ['grid', '网格员上报', 'Grid worker'],
  ['api', '系统接入', 'Connected system'],
  ['open311', 'Open311', 'Open311'],
  ['sensor', '物联感知', 'Sensor'],
] as const;
export type CaseKind = (typeof CASE_KINDS)[number][0];
export type Urgency = (typeof URGENCIES)[number][0];
export type Channel = (typeof CHANNELS)[number][0];
