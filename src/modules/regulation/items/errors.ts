import { DomainError } from '../../../kernel/http/errors.ts';

/** 监管事项清单's own refusals, each with a stable code and zh/en words. */
export const ItemsErrors = {
  unknownDepartment: () =>
    new DomainError('REGULATION_ITEM_UNKNOWN_DEPARTMENT', 422, '实施部门不存在、已停用或不在本地区', 'The implementing department does not exist, is inactive or is outside this region', [
      { path: '/departmentId', message: 'unknown department / 部门不存在' },
    ]),
  duplicateCode: (code: string) =>
    new DomainError('REGULATION_ITEM_DUPLICATE_CODE', 409, `监管事项编码 ${code} 在本地区已被使用`, `The supervision item code ${code} is already used in this region`, [
      { path: '/code', message: 'duplicate / 编码重复' },
    ]),
  unknownLicensingItems: (codes: string[]) =>
    new DomainError(
      'REGULATION_ITEM_UNKNOWN_LICENSING_ITEM',
      422,
      `以下编码不是本地区在用的行政许可事项：${codes.join('、')}`,
      `These codes are not active licensing items of this region: ${codes.join(', ')}`,
      [{ path: '/licensingItemCodes', message: `unknown / 不存在: ${codes.join(', ')}` }],
    ),
  repeated: (path: string) => new DomainError('REGULATION_ITEM_REPEATED_VALUE', 422, '同一项不能重复填写', 'A value is given twice', [{ path, message: 'repeated / 重复' }]),
  notYourDepartment: () => new DomainError('REGULATION_ITEM_NOT_YOUR_DEPARTMENT', 403, '只能维护本部门的监管事项', 'You may keep only your own department’s supervision items'),
  stale: () => new DomainError('REGULATION_ITEM_STALE', 409, '该监管事项已被他人修改，请刷新后重试', 'The supervision item was changed by someone else; reload and try again'),
  sameState: (active: boolean) =>
    active
      ? new DomainError('REGULATION_ITEM_ALREADY_ACTIVE', 409, '该监管事项已在用', 'The supervision item is already active')
      : new DomainError('REGULATION_ITEM_ALREADY_INACTIVE', 409, '该监管事项已停用', 'The supervision item is already inactive'),
};
