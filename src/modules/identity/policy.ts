import { regionWithin, type Policy, type Principal, type Scope } from '../../kernel/policy/index.ts';
import { actsAcrossDepartments } from '../org/index.ts';

const holds = (who: Principal, permission: string) => who.permissions.has(permission) || who.permissions.has('*');

/**
 * The one policy point every route and service asks. Deny unless the principal holds the
 * permission, and then:
 * - staff and client systems: the object's region lies inside their jurisdiction, and — for roles
 *   bound to a department (approvers) — the object belongs to their department;
 * - people: an object owned by an enterprise only while they act for it, as its legal
 *   representative or as an agent within the authorised scopes; an object owned by a person only
 *   when it is their own.
 * Decisions use role, region, department, ownership and authorisation, never the URL.
 */
export const rolePolicy: Policy = {
  can(who: Principal | null, permission: string, scope: Scope = {}): boolean {
    if (!who || !holds(who, permission)) return false;
    if (who.type === 'staff' || who.type === 'client') {
      if (scope.regionCode !== undefined && !regionWithin(scope.regionCode, who.regionCode)) return false;
      if (who.type === 'staff' && scope.departmentId != null && scope.departmentId !== who.departmentId && !actsAcrossDepartments(who, permission)) {
        return false;
      }
      return true;
    }
    if (scope.enterpriseId !== undefined) {
      const acting = who.actingFor;
      if (!acting || acting.enterpriseId !== scope.enterpriseId) return false;
      return acting.role === 'legal_rep' || acting.scopes.includes(permission);
    }
    if (scope.ownerId !== undefined) return scope.ownerId === who.accountId;
    return true;
  },
};
