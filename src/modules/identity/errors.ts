import { DomainError } from '../../kernel/http/errors.ts';

export const IdentityErrors = {
  badCredentials: () => new DomainError('INVALID_CREDENTIALS', 401, '用户名或密码错误', 'Wrong username or password'),
  locked: (minutes: number) => new DomainError('ACCOUNT_LOCKED', 423, `登录失败次数过多，请 ${minutes} 分钟后再试`, `Too many failed sign-ins; try again in ${minutes} minutes`),
  weakPassword: () =>
    new DomainError('PASSWORD_TOO_WEAK', 422, '密码至少 10 位，且须包含字母和数字，不能是常见密码', 'The password needs at least 10 characters with letters and digits, and must not be a common one'),
  usernameTaken: () => new DomainError('USERNAME_TAKEN', 409, '用户名已被使用', 'The username is already taken'),
  phoneTaken: () => new DomainError('PHONE_TAKEN', 409, '该手机号已注册', 'This mobile number is already registered'),
  codeInvalid: () => new DomainError('CODE_INVALID', 401, '验证码错误、已使用或已过期', 'The code is wrong, already used or expired'),
  codeTooSoon: (seconds: number) => new DomainError('CODE_TOO_SOON', 429, `验证码发送过于频繁，请 ${seconds} 秒后再试`, `A code was sent just now; try again in ${seconds} seconds`),
  mfaRequired: () => new DomainError('MFA_REQUIRED', 401, '请输入动态口令', 'Enter the code from your authenticator app'),
  totpNotEnrolled: () => new DomainError('TOTP_NOT_PENDING', 409, '请先开始绑定动态口令', 'Start setting up the authenticator first'),
  totpAlreadyOn: () => new DomainError('TOTP_ALREADY_ENABLED', 409, '已启用动态口令', 'The authenticator is already enabled'),
  realNameMismatch: () => new DomainError('REAL_NAME_MISMATCH', 422, '姓名与身份证号码不匹配人口基础信息', 'The name and ID number do not match the population base data'),
  idNumberInvalid: () => new DomainError('ID_NUMBER_INVALID', 422, '身份证号码不正确（校验位或出生日期有误）', 'The ID number is not valid (check digit or birth date)'),
  idNumberTaken: () => new DomainError('ID_NUMBER_TAKEN', 409, '该身份证号码已绑定其他账号', 'This ID number is bound to another account'),
  assuranceTooLow: (need: number) => new DomainError('ASSURANCE_TOO_LOW', 403, `此操作需要 L${need} 级实名认证`, `This needs identity assurance level L${need}`),
  notLegalRep: () => new DomainError('NOT_LEGAL_REPRESENTATIVE', 403, '您不是该企业登记的法定代表人', 'You are not the registered legal representative of this enterprise'),
  enterpriseUnknown: () => new DomainError('ENTERPRISE_UNKNOWN', 404, '法人库中没有该统一社会信用代码', 'No enterprise with this credit code in the legal-entity base data'),
  agentUnknown: () => new DomainError('AGENT_UNKNOWN', 422, '经办人须为已实名认证的个人账号', 'The agent must be a person account with a verified real name'),
  notAuthorised: () => new DomainError('NOT_AUTHORISED_FOR_ENTERPRISE', 403, '您未获该企业授权或授权已失效', 'You have no valid authorisation from this enterprise'),
  accountTypeNotAllowed: () => new DomainError('ACCOUNT_TYPE_NOT_ALLOWED', 403, '该应用不允许此类账号登录', 'This application does not accept this kind of account'),
  interactionGone: () => new DomainError('INTERACTION_EXPIRED', 410, '登录请求已过期，请回到应用重新登录', 'The sign-in request has expired; go back to the application and start again'),
};
