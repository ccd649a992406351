import { DomainError } from '../../kernel/http/errors.ts';

export const OrgErrors = {
  regionUnknown: () => new DomainError('REGION_UNKNOWN', 422, '行政区划代码不存在', 'The region code does not exist'),
  departmentCodeTaken: () => new DomainError('DEPARTMENT_CODE_TAKEN', 409, '该区划下已有相同编码的部门', 'A department with this code already exists in the region'),
  parentInvalid: () => new DomainError('DEPARTMENT_PARENT_INVALID', 422, '上级部门无效（不存在、已停用、或会形成循环）', 'The parent department is invalid (missing, inactive, or would form a cycle)'),
  staleVersion: () => new DomainError('VERSION_CONFLICT', 409, '数据已被他人修改，请刷新后重试', 'Someone else changed this record; reload and try again'),
  hasActiveStaff: () => new DomainError('DEPARTMENT_HAS_ACTIVE_STAFF', 409, '部门仍有在岗人员，不能停用', 'The department still has active staff and cannot be deactivated'),
  departmentInactive: () => new DomainError('DEPARTMENT_INACTIVE', 422, '部门已停用', 'The department is inactive'),
  postNameTaken: () => new DomainError('POST_NAME_TAKEN', 409, '该部门已有同名岗位', 'The department already has a post with this name'),
  employeeNoTaken: () => new DomainError('EMPLOYEE_NO_TAKEN', 409, '工号已存在', 'The employee number is already in use'),
  roleUnknown: (code: string) =>
    new DomainError('ROLE_UNKNOWN', 422, `本地区没有角色“${code}”`, `This region has no role "${code}"`, [{ path: '/roles', message: `unknown role "${code}" / 角色不存在` }]),
};
