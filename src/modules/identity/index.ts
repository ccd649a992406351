import type { Kernel } from '../../kernel/index.ts';
import type { OrgService } from '../org/index.ts';
import { identityMigrations } from './migrations/index.ts';
import { identityRoutes, tokenOf } from './routes.ts';
import { IdentityService } from './service.ts';

export { identityMigrations } from './migrations/index.ts';
export { rolePolicy } from './policy.ts';
export { SYSTEM_PRINCIPAL, type IdentityService } from './service.ts';
export { tokenOf, SESSION_COOKIE } from './routes.ts';

export function createIdentityModule(k: Kernel, org: OrgService) {
  const service = new IdentityService(k, org);
  const secure = (k.config.publicUrl ?? '').startsWith('https://');
  return { service, routes: identityRoutes(service, secure), migrations: identityMigrations, tokenOf };
}
export type IdentityModule = ReturnType<typeof createIdentityModule>;
