import { DomainError } from '../../../kernel/http/errors.ts';

const at = (path: string, message: string) => [{ path, message }];

/** The 名录库's own refusals, each with a stable code and zh/en words. */
export const DirectoryErrors = {
  objectNotFound: () => new DomainError('REGULATION_OBJECT_NOT_FOUND', 404, '检查对象名录库中没有该市场主体', 'The market entity is not in the inspection-object directory'),
  badCreditCode: (path: string, problem: 'format' | 'check') =>
    new DomainError(
      'REGULATION_CREDIT_CODE_INVALID',
      422,
      problem === 'check' ? '统一社会信用代码校验位不正确' : '统一社会信用代码应为18位（GB 32100）',
      problem === 'check' ? 'The unified social credit code has a wrong check character' : 'A unified social credit code has 18 characters (GB 32100)',
      at(path, problem === 'check' ? 'check character / 校验位' : 'format / 格式'),
    ),
  objectExists: () => new DomainError('REGULATION_OBJECT_EXISTS', 409, '该市场主体已在名录库中', 'The market entity is already in the directory', at('/creditCode', 'exists / 已存在')),
  regionOutside: (path: string) =>
    new DomainError('REGULATION_REGION_OUTSIDE', 422, '地区不存在或不在您的辖区内', 'The region does not exist or is outside your jurisdiction', at(path, 'outside / 辖区外')),
  stale: () => new DomainError('REGULATION_STALE_VERSION', 409, '记录已被他人修改，请刷新后重试', 'The record was changed by someone else; reload and try again'),
  noBase: () => new DomainError('REGULATION_SYNC_EMPTY_BASE', 409, '法人基础库未返回本地区任何市场主体，未作任何标记', 'The entity base returned no entities for this region; nothing was marked'),
  syncNotFound: () => new DomainError('REGULATION_SYNC_NOT_FOUND', 404, '没有这次同步记录', 'There is no such sync run'),
  inspectorNotFound: () => new DomainError('REGULATION_INSPECTOR_NOT_FOUND', 404, '执法检查人员名录库中没有该人员', 'The inspector is not in the directory'),
  certificateTaken: () =>
    new DomainError('REGULATION_CERTIFICATE_TAKEN', 409, '该执法证号已登记', 'This law-enforcement certificate number is already registered', at('/certificateNo', 'taken / 已登记')),
  accountTaken: () => new DomainError('REGULATION_ACCOUNT_TAKEN', 409, '该账号已登记为执法检查人员', 'This account is already registered as an inspector', at('/accountId', 'taken / 已登记')),
  unknownDepartment: (path = '/departmentId') =>
    new DomainError(
      'REGULATION_UNKNOWN_DEPARTMENT',
      422,
      '部门不存在、已停用或不在您的辖区内',
      'The department does not exist, is inactive or is outside your jurisdiction',
      at(path, 'unknown / 部门不存在'),
    ),
  accountMismatch: () =>
    new DomainError(
      'REGULATION_ACCOUNT_MISMATCH',
      422,
      '账号不存在，或不是该部门的工作人员账号',
      'The account does not exist or is not a staff account of that department',
      at('/accountId', 'not of the department / 非本部门'),
    ),
  notAnInspector: () => new DomainError('REGULATION_NOT_AN_INSPECTOR', 403, '您不在执法检查人员名录库中', 'You are not in the inspector directory'),
  othersRelation: () => new DomainError('REGULATION_RELATION_NOT_YOURS', 403, '执法检查人员只能申报或撤回本人的利害关系', 'An inspector may declare or withdraw only their own relations'),
  relationExists: () =>
    new DomainError('REGULATION_RELATION_EXISTS', 409, '已申报过与该市场主体的利害关系', 'A relation with this market entity is already declared', at('/creditCode', 'declared / 已申报')),
  relationNotFound: () => new DomainError('REGULATION_RELATION_NOT_FOUND', 404, '没有这条利害关系申报', 'There is no such declared relation'),
  relationWithdrawn: () => new DomainError('REGULATION_RELATION_WITHDRAWN', 409, '该利害关系申报已撤回', 'This declared relation is already withdrawn'),
};
