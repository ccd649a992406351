import { DomainError } from '../../../kernel/http/errors.ts';

const at = (path: string, message: string) => [{ path, message }];

/** 政策找人's own refusals, each with a stable code and zh/en words. */
export const MatchingErrors = {
  documentNotFound: () => new DomainError('OPENNESS_DOCUMENT_NOT_FOUND', 404, '未找到该政策文件', 'The policy document was not found'),
  documentWithdrawn: () =>
    new DomainError('OPENNESS_MATCHING_DOCUMENT_WITHDRAWN', 409, '该政策文件已撤回，不能再关联或运行政策找人规则', 'The document has been withdrawn; it cannot carry or run a rule'),
  interpretation: () =>
    new DomainError(
      'OPENNESS_MATCHING_INTERPRETATION',
      422,
      '解读不能关联政策找人规则，请关联到其原文',
      'A 解读 cannot carry a rule; attach it to the original document',
      at('/documentId', 'interpretation / 解读'),
    ),
  noRule: () => new DomainError('OPENNESS_MATCHING_NO_RULE', 404, '该政策文件未关联政策找人规则', 'The document carries no rule saying whom it applies to'),
  hasRule: (code: string) =>
    new DomainError('OPENNESS_MATCHING_HAS_RULE', 409, `该政策文件已关联规则（${code}），请先解除`, `The document already carries a rule (${code}); detach it first`, at('/policyCode', code)),
  policyTaken: () =>
    new DomainError(
      'OPENNESS_MATCHING_POLICY_TAKEN',
      409,
      '该政策已关联到另一份政策文件，请先在那份文件上解除',
      'The policy is already carried by another document; detach it there first',
      at('/policyCode', 'taken / 已关联'),
    ),
  policyNotFound: (code: string) =>
    new DomainError('OPENNESS_MATCHING_POLICY_NOT_FOUND', 422, `没有代码为“${code}”的主动服务政策`, `There is no 主动服务 policy "${code}"`, at('/policyCode', 'unknown / 不存在')),
  automatic: () =>
    new DomainError(
      'OPENNESS_MATCHING_AUTOMATIC',
      422,
      '该政策为“免申即享”，无需申请，不能作为政策找人规则关联；请选择“政策找人”模式的政策',
      'The policy is paid without application (免申即享); only a 政策找人 policy people apply for can be attached',
      at('/policyCode', 'automatic / 免申即享'),
    ),
  unpublished: () =>
    new DomainError(
      'OPENNESS_MATCHING_UNPUBLISHED',
      422,
      '该政策尚未发布（须先通过测试用例并发布），不能关联',
      'The policy is not published (its test cases must pass first); it cannot be attached',
      at('/policyCode', 'unpublished / 未发布'),
    ),
  otherDepartment: () =>
    new DomainError(
      'OPENNESS_MATCHING_OTHER_DEPARTMENT',
      422,
      '该政策属于其他部门，只能关联发文机关本部门的政策',
      'The policy belongs to another department; a document carries only a policy of its issuing department',
      at('/policyCode', 'other department / 其他部门'),
    ),
  reasonRequired: () => new DomainError('OPENNESS_MATCHING_REASON', 422, '请填写解除关联的原因（1–500 字）', 'Give the reason for detaching (1–500 characters)', at('/body/reason', 'required / 必填')),
  badCursor: () =>
    new DomainError(
      'OPENNESS_MATCHING_CURSOR',
      400,
      '分页游标 after 无效，请使用上一页返回的 next',
      'The cursor "after" is not valid; use the "next" of the previous page',
      at('/query/after', 'invalid / 无效'),
    ),
};
