import { DomainError } from '../../kernel/http/errors.ts';

type Problem = { path: string; message: string };

export const LicensesErrors = {
  badFields: (message: string) =>
    new DomainError('LICENCE_TYPE_INVALID', 422, '证照字段定义不是可用的 JSON Schema 对象', 'The licence fields are not a usable JSON Schema object', [{ path: '/definition/fields', message }]),
  badTemplate: (problems: Problem[]) => new DomainError('LICENCE_TYPE_INVALID', 422, '证照类型定义有误', 'The licence type definition is not valid', problems),
  typeExists: () =>
    new DomainError('LICENCE_TYPE_EXISTS', 409, '证照类型已存在，请在其当前版本上修改', 'This licence type exists; edit its current version', [{ path: '/key', message: 'exists / 已存在' }]),
  typeChanged: () => new DomainError('LICENCE_TYPE_CHANGED', 409, '证照类型已被他人修改，请刷新后重试', 'Someone else changed this licence type; reload and try again'),
  unknownType: () => new DomainError('LICENCE_TYPE_UNKNOWN', 422, '没有这个证照类型或已停用', 'There is no such active licence type', [{ path: '/typeKey', message: 'unknown / 不存在' }]),
  dataInvalid: (problems: Problem[]) => new DomainError('LICENCE_DATA_INVALID', 422, '证照内容不符合该类型的字段要求', 'The licence data does not fit its type', problems),
  holderCode: (message: string) => new DomainError('LICENCE_HOLDER_INVALID', 422, '持证主体代码无效', 'The holder’s code is not valid', [{ path: '/holder/code', message }]),
  notIssuer: () => new DomainError('LICENCE_NOT_ISSUER', 403, '本部门不是该证照的颁发机构', 'Your department does not issue this licence'),
  noSeal: () => new DomainError('LICENCE_NO_SEAL', 409, '颁发部门没有可用的电子印章', 'The issuing department has no usable e-seal'),
  sealNotAllowed: () => new DomainError('SEAL_USE_DENIED', 403, '您无权使用该电子印章', 'You are not allowed to use this e-seal'),
  sealDates: () =>
    new DomainError('SEAL_DATES_INVALID', 422, '印章有效期的结束日期须晚于开始日期', 'A seal’s validity must end after it begins', [{ path: '/validTo', message: 'before validFrom / 早于开始日期' }]),
  notValid: (status: string) => new DomainError('LICENCE_NOT_VALID', 409, `证照当前状态为“${status}”，不能执行此操作`, `The licence is ${status}; this is not possible`),
  badIdentifier: (problem: string) =>
    new DomainError('LICENCE_ID_INVALID', 400, '证照标识格式或校验位错误', 'The licence identifier is malformed or its check character is wrong', [{ path: '/identifier', message: problem }]),
  grantMissing: () =>
    new DomainError('LICENCE_GRANT_MISSING', 403, '持证人未授权本部门以此用途使用该证照，或授权已过期', 'The holder has not authorised your department for this use, or the authorisation has expired'),
  grantPast: () =>
    new DomainError('LICENCE_GRANT_PAST', 422, '授权截止时间须晚于现在，且不超过一年', 'An authorisation must end in the future and within a year', [
      { path: '/expiresAt', message: 'out of range / 超出范围' },
    ]),
  notPdf: () => new DomainError('LICENCE_NOT_PDF', 415, '请上传 PDF 格式的证照文件', 'Upload the licence as a PDF file'),
  materialLicence: (message: string) =>
    new DomainError('MATERIAL_LICENCE_INVALID', 422, '引用的电子证照不能用于此材料', 'The referenced e-licence cannot be used for this material', [{ path: '/materials', message }]),
  credentialInvalid: (message: string) => new DomainError('CREDENTIAL_INVALID', 422, '可验证凭证格式有误', 'The verifiable credential is malformed', [{ path: '/', message }]),
};
