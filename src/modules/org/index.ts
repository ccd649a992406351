import type { Kernel } from '../../kernel/index.ts';
import type { Policy } from '../../kernel/policy/index.ts';
import { orgMigrations } from './migrations/index.ts';
import { orgRoutes } from './routes.ts';
import { OrgService } from './service.ts';

export { orgMigrations } from './migrations/index.ts';
export { ROLES, permissionsOf, grantsAcrossDepartments } from './roles.ts';
export { actsAcrossDepartments, permissionsIn, rolesIn, ROLE_SETTINGS_KEY, KNOWN_PERMISSIONS, type RoleSettings } from './role-catalogue.ts';
import { declareRoleSettings } from './role-catalogue.ts';
export { loadRegions } from './regions-load.ts';
export { DepartmentNames } from './department-names.ts';
export type { OrgService } from './service.ts';
export type { Staff, Department, StaffInput, DepartmentInput } from './schema.ts';
export { StaffInput as StaffInputSchema, Staff as StaffSchema } from './schema.ts';

export function createOrgModule(k: Kernel, policy: Policy) {
  declareRoleSettings(k.settings);
  const service = new OrgService(k, policy);
  return { service, routes: orgRoutes(service), migrations: orgMigrations };
}
export type OrgModule = ReturnType<typeof createOrgModule>;
