import type { WorkflowDefinition } from '../../../kernel/workflow/index.ts';

const CLERK = ['office_clerk'];
const DRAFTERS = ['office_clerk', 'leader'];
const SIGNERS = ['leader'];

/**
 * 发文: 拟稿 → 核稿 → 会签 (parallel, each listed department once) → 签发 → 编号 → 用印 → 分发.
 * Every step but 会签 is taken in the issuing unit; 会签 in each listed department. A public action
 * code (review, countersign, sign) stands for several engine actions: which one follows from the
 * outcome chosen and from where the document stands (the last 会签 answer moves it on to 签发).
 */
export const DOCUMENT_WORKFLOW: WorkflowDefinition = {
  initial: 'draft',
  states: {
    draft: { zh: '拟稿', en: 'Drafting' },
    reviewing: { zh: '核稿', en: 'In review' },
    countersigning: { zh: '会签', en: 'Countersigning' },
    signing: { zh: '待签发', en: 'Awaiting sign-off' },
    signed: { zh: '已签发，待编号', en: 'Signed off, awaiting its number' },
    numbered: { zh: '已编号，待用印', en: 'Numbered, awaiting the seal' },
    sealed: { zh: '已用印，待分发', en: 'Sealed, awaiting distribution' },
    distributed: { zh: '已分发', en: 'Distributed', kind: 'end' },
  },
  actions: [
    { code: 'submit', zh: '送核稿', en: 'Submit for review', from: ['draft'], to: 'reviewing', actor: 'staff', roles: DRAFTERS, unit: 'department' },
    {
      code: 'review_pass',
      zh: '核稿通过，送会签',
      en: 'Review passed, to countersigning',
      from: ['reviewing'],
      to: 'countersigning',
      actor: 'staff',
      roles: CLERK,
      unit: 'department',
      outcome: 'pass',
    },
    { code: 'review_pass_direct', zh: '核稿通过，送签发', en: 'Review passed, to sign-off', from: ['reviewing'], to: 'signing', actor: 'staff', roles: CLERK, unit: 'department', outcome: 'pass' },
    { code: 'review_return', zh: '核稿退回', en: 'Returned by review', from: ['reviewing'], to: 'draft', actor: 'staff', roles: CLERK, unit: 'department', requires: ['reason'], outcome: 'return' },
    { code: 'countersign', zh: '会签', en: 'Countersign', from: ['countersigning'], to: 'countersigning', actor: 'staff', roles: DRAFTERS, unit: 'region', requires: ['opinion'] },
    { code: 'countersign_last', zh: '会签（会签完毕）', en: 'Countersign (last)', from: ['countersigning'], to: 'signing', actor: 'staff', roles: DRAFTERS, unit: 'region', requires: ['opinion'] },
    { code: 'sign', zh: '签发', en: 'Sign off', from: ['signing'], to: 'signed', actor: 'staff', roles: SIGNERS, unit: 'department', outcome: 'approve' },
    { code: 'sign_return', zh: '签发退回', en: 'Returned by the signer', from: ['signing'], to: 'draft', actor: 'staff', roles: SIGNERS, unit: 'department', requires: ['reason'], outcome: 'return' },
    { code: 'number', zh: '编号', en: 'Assign the number', from: ['signed'], to: 'numbered', actor: 'staff', roles: CLERK, unit: 'department' },
    { code: 'seal', zh: '用印', en: 'Apply the seal', from: ['numbered'], to: 'sealed', actor: 'staff', roles: CLERK, unit: 'department' },
    { code: 'distribute', zh: '分发', en: 'Distribute', from: ['sealed'], to: 'distributed', actor: 'staff', roles: CLERK, unit: 'department' },
  ],
  inputs: { reason: { zh: '退回理由', en: 'reason for returning' }, opinion: { zh: '会签意见', en: 'countersigning opinion' } },
};

/** The public action code each engine action belongs to (what pages send and show). */
export const PUBLIC_CODE: Record<string, string> = {
  draft: 'draft',
  edit: 'edit',
  submit: 'submit',
  review_pass: 'review',
  review_pass_direct: 'review',
  review_return: 'review',
  countersign: 'countersign',
  countersign_last: 'countersign',
  sign: 'sign',
  sign_return: 'sign',
  number: 'number',
  seal: 'seal',
  distribute: 'distribute',
};

/** How pages name the public actions (buttons) and the steps that are not engine actions. */
export const ACTION_LABELS: Record<string, { zh: string; en: string; requires: string[] }> = {
  draft: { zh: '拟稿', en: 'Drafted', requires: [] },
  edit: { zh: '修改正文', en: 'Edited the text', requires: [] },
  submit: { zh: '送核稿', en: 'Submit for review', requires: [] },
  review: { zh: '核稿', en: 'Review', requires: ['outcome'] },
  countersign: { zh: '会签', en: 'Countersign', requires: ['outcome', 'opinion'] },
  sign: { zh: '签发', en: 'Sign off', requires: [] },
  number: { zh: '编号', en: 'Assign the number', requires: [] },
  seal: { zh: '用印', en: 'Apply the seal', requires: [] },
  distribute: { zh: '分发', en: 'Distribute', requires: [] },
};

/** The permission each engine action needs, checked with the unit it is taken in (deny by default). */
export const PERMISSION_OF: Record<string, string> = {
  submit: 'office.draft',
  review_pass: 'office.clerk',
  review_pass_direct: 'office.clerk',
  review_return: 'office.clerk',
  countersign: 'office.use',
  countersign_last: 'office.use',
  sign: 'office.sign',
  sign_return: 'office.sign',
  number: 'office.clerk',
  seal: 'office.clerk',
  distribute: 'office.clerk',
};

/** The text may be edited until 签发. */
export const EDITABLE_STATES: readonly string[] = ['draft', 'reviewing', 'countersigning', 'signing'];

/** A 文号: 机关代字〔年份〕序号 — 六角括号, no padding, no 第 (GB/T 9704 §7.2.4). */
export const docNumberOf = (word: string, year: number, seq: number) => `${word}〔${year}〕${seq}号`;
