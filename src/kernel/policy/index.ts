import type { Actor } from '../audit/index.ts';
import { Errors } from '../http/errors.ts';

/** Who is calling, as resolved from a session or token. */
export interface Principal {
  accountId: string;
  type: 'staff' | 'person' | 'enterprise' | 'client';
  name: string;
  /** Jurisdiction: the GB/T 2260 code the principal works in ('' = the whole installation). */
  regionCode: string;
  departmentId: string | null;
  roles: string[];
  permissions: ReadonlySet<string>;
  /**
   * The permissions a staff member holds through roles that act across the whole region (not bound
   * to their department), as the region's role catalogue says. Absent: decided from the roles in code.
   */
  regionWide?: ReadonlySet<string>;
  sessionId: string | null;
  /** Identity assurance: 1 phone-verified, 2 real-name verified against base data, 3 verified in person. */
  assuranceLevel?: number;
  /** The enterprise a person acts for as its legal representative or authorised agent (经办人). */
  actingFor?: ActingFor | null;
}

export interface ActingFor {
  enterpriseId: string;
  name: string;
  creditCode: string;
  /** 'legal_rep' may do everything the enterprise may; an 'agent' only the authorised scopes. */
  role: 'legal_rep' | 'agent';
  scopes: string[];
}

/** What an action touches, so the policy can check jurisdiction and ownership. */
export interface Scope {
  regionCode?: string;
  departmentId?: string | null;
  ownerId?: string;
  /** The enterprise that owns the object, when an enterprise (not a person) owns it. */
  enterpriseId?: string;
}

export interface Policy {
  can(who: Principal | null, permission: string, scope?: Scope): boolean;
}

/** Throws FORBIDDEN (or UNAUTHENTICATED) unless the policy allows. */
export function assertAllowed(policy: Policy, who: Principal | null, permission: string, scope?: Scope): asserts who is Principal {
  if (!who) throw Errors.unauthenticated();
  if (!policy.can(who, permission, scope)) throw Errors.forbidden();
}

/** A region is inside a jurisdiction when its code extends the jurisdiction's code. */
export function regionWithin(regionCode: string, jurisdiction: string): boolean {
  return regionCode.startsWith(jurisdiction);
}

export function actorOf(p: Principal): Actor {
  return { id: p.accountId, type: p.type === 'client' ? 'client' : p.type, regionCode: p.regionCode };
}
