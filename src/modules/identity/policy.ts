import { regionWithin, type Policy, type Principal, type Scope } from '../../kernel/policy/index.ts';

/**
 * The one policy point. Deny unless: the principal holds the permission through a role, the target
 * region lies inside the principal's jurisdiction, and — for people acting for themselves — they
 * own the object. Decisions use role, region, department and ownership, never the URL.
 */
export const rolePolicy: Policy = {
  can(who: Principal | null, permission: string, scope: Scope = {}): boolean {
    if (!who) return false;
    if (!who.permissions.has(permission) && !who.permissions.has('*')) return false;
    if (scope.regionCode !== undefined && !regionWithin(scope.regionCode, who.regionCode)) return false;
    if (scope.ownerId !== undefined && who.type !== 'staff' && scope.ownerId !== who.accountId) return false;
    return true;
  },
};
