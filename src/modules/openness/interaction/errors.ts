import { DomainError } from '../../../kernel/http/errors.ts';

/** 政民互动's refusals, each with a stable code and zh/en words. */
export const InteractionErrors = {
  blankText: (path: string) => new DomainError('OPENNESS_TEXT_BLANK', 422, '内容不能为空白', 'The text may not be blank', [{ path, message: 'blank / 空白' }]),
  documentWithdrawn: () =>
    new DomainError('OPENNESS_DOCUMENT_NOT_PUBLISHED', 422, '该文件已撤回，不能再就其提问', 'The document has been withdrawn; questions on it are closed', [
      { path: '/documentId', message: 'withdrawn / 已撤回' },
    ]),
  twoTargets: () =>
    new DomainError('OPENNESS_QUESTION_TWO_TARGETS', 422, '就文件提问时由发文机关答复，无需再选部门', 'A question on a document goes to its issuer; do not also pick a department', [
      { path: '/departmentId', message: 'not with documentId / 不能与文件同时填写' },
    ]),
  unknownDepartment: () =>
    new DomainError('OPENNESS_UNKNOWN_DEPARTMENT', 422, '所选部门不存在或已停用', 'The department does not exist or is inactive', [
      { path: '/departmentId', message: 'unknown department / 部门不存在' },
    ]),
  noOffice: () =>
    new DomainError('OPENNESS_NO_OFFICE', 422, '未找到政务公开办，请选择要咨询的部门', 'No 政务公开 office is set up; please pick a department', [
      { path: '/departmentId', message: 'required / 必填' },
    ]),
  tooMany: (n: number) =>
    new DomainError('OPENNESS_QUESTION_RATE_LIMITED', 429, `每个账号每天最多提问 ${n} 次，请明天再试`, `An account may ask at most ${n} questions a day; please try again tomorrow`),
  reasonRequired: (path = '/reason') => new DomainError('OPENNESS_REASON_REQUIRED', 422, '请填写理由', 'A reason is required', [{ path, message: 'required / 必填' }]),
  notInState: (state: string) => new DomainError('OPENNESS_QUESTION_NOT_IN_STATE', 409, `该留言当前状态（${state}）不允许此操作`, `The question's current state (${state}) does not allow this`),
  ownAnswer: () => new DomainError('OPENNESS_QUESTION_OWN_ANSWER', 403, '不能审核自己撰写的答复', 'You may not review an answer you wrote yourself'),
  stale: () => new DomainError('OPENNESS_STALE', 409, '该留言已被他人处理，请刷新后重试', 'It was changed by someone else; reload and try again'),
};
