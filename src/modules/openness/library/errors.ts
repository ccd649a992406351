import { DomainError } from '../../../kernel/http/errors.ts';

/** 政策文件库's own refusals, each with a stable code and zh/en words. */
export const LibraryErrors = {
  notFound: () => new DomainError('OPENNESS_DOCUMENT_NOT_FOUND', 404, '未找到该政策文件', 'The document was not found'),
  fileNotFound: () => new DomainError('OPENNESS_ATTACHMENT_NOT_FOUND', 404, '未找到该附件', 'The attachment was not found'),
  invalid: (problems: { path: string; zh: string; en: string }[]) =>
    new DomainError(
      'OPENNESS_DOCUMENT_INVALID',
      422,
      `政策文件信息有误：${problems.map((p) => p.zh).join('；')}`,
      `The document is not valid: ${problems.map((p) => p.en).join('; ')}`,
      problems.map((p) => ({ path: p.path, message: `${p.en} / ${p.zh}` })),
    ),
  numberTaken: (number: string, other: { id: string; title: string; indexNo: string }) =>
    new DomainError(
      'OPENNESS_NUMBER_TAKEN',
      409,
      `文号“${number}”已用于另一份文件《${other.title}》（索引号 ${other.indexNo}），同一文号不能用于不同文件`,
      `The document number “${number}” is already used by another document, “${other.title}” (index no. ${other.indexNo}); a number belongs to one document`,
      [{ path: '/number', message: `Used by ${other.id} / 已用于 ${other.id}` }],
    ),
  stale: () => new DomainError('OPENNESS_DOCUMENT_STALE', 409, '该文件已被他人修改，请刷新后重试', 'The document was changed by someone else; reload and try again'),
  withdrawn: () => new DomainError('OPENNESS_DOCUMENT_WITHDRAWN', 409, '该文件已撤回，不能再修改', 'The document has been withdrawn and cannot be changed'),
  hasInterpretations: () =>
    new DomainError('OPENNESS_DOCUMENT_HAS_INTERPRETATIONS', 409, '该文件仍有已发布的解读，请先撤回其解读', 'The document still has published interpretations; withdraw them first'),
  themeInUse: (code: string) => new DomainError('OPENNESS_THEME_IN_USE', 409, `主题分类 ${code} 仍有文件使用，只能停用`, `Theme ${code} is still used by documents; it can only be deactivated`),
};
