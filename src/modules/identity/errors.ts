import { DomainError } from '../../kernel/http/errors.ts';

export const IdentityErrors = {
  badCredentials: () => new DomainError('INVALID_CREDENTIALS', 401, '用户名或密码错误', 'Wrong username or password'),
  locked: (minutes: number) =>
    new DomainError('ACCOUNT_LOCKED', 423, `登录失败次数过多，请 ${minutes} 分钟后再试`, `Too many failed sign-ins; try again in ${minutes} minutes`),
  weakPassword: () =>
    new DomainError('PASSWORD_TOO_WEAK', 422, '密码至少 10 位，且须包含字母和数字，不能是常见密码', 'The password needs at least 10 characters with letters and digits, and must not be a common one'),
  usernameTaken: () => new DomainError('USERNAME_TAKEN', 409, '用户名已被使用', 'The username is already taken'),
};
