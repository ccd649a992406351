import type { Migration } from '../../kernel/db/index.ts';
import type { App } from '../../kernel/http/app.ts';
import type { Kernel } from '../../kernel/index.ts';
import type { Policy } from '../../kernel/policy/index.ts';
import { orgMigrations } from './migrations/index.ts';
import { orgRoutes } from './routes.ts';
import { OrgService } from './service.ts';
import { orgEvents } from './events.ts';

export { orgMigrations } from './migrations/index.ts';
export { ROLES, permissionsOf, grantsAcrossDepartments } from './roles.ts';
export { actsAcrossDepartments, permissionsIn, rolesIn, ROLE_SETTINGS_KEY, KNOWN_PERMISSIONS, type RoleSettings } from './role-catalogue.ts';
import { declareRoleSettings } from './role-catalogue.ts';
export { loadRegions } from './regions-load.ts';
export { regionNameEn, streetOfficeNameEn } from './region-names.ts';
export { DepartmentNames } from './department-names.ts';
export type { OrgService } from './service.ts';
export type { Staff, Department, StaffInput, DepartmentInput } from './schema.ts';
export { StaffInput as StaffInputSchema, Staff as StaffSchema } from './schema.ts';

export * from './events.ts';

/** 组织机构: what every other module, the platform and seeds may use of the org module. */
export interface OrgModule {
  /** Regions, departments, staff and posts. */
  service: OrgService;
  migrations: Migration[];
  routes: (app: App) => Promise<void>;
}

export function createOrgModule(k: Kernel, policy: Policy): OrgModule {
  k.events.declareAll(orgEvents);
  declareRoleSettings(k.settings);
  const service = new OrgService(k, policy);
  return { service, routes: orgRoutes(service), migrations: orgMigrations };
}
