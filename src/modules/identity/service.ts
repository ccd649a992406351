import { randomBytes } from 'node:crypto';
import { newId as uuidv7 } from '../../kernel/ids/index.ts';
import type { Kernel } from '../../kernel/index.ts';
import type { Executor } from '../../kernel/db/index.ts';
import { Errors } from '../../kernel/http/errors.ts';
import type { ActingFor, Principal } from '../../kernel/policy/index.ts';
import { actorOf } from '../../kernel/policy/index.ts';
import { permissionsIn, ROLE_SETTINGS_KEY, type OrgService, type Staff, type StaffInput } from '../org/index.ts';
import { IdentityErrors } from './errors.ts';
import { auditAccount, sha256, SignInFactors, type AccountRow, type Authenticated } from './factors.ts';
import { SmsCodes } from './otp.ts';
import { hashPassword, passwordAcceptable } from './password.ts';
import { PERSON_PERMISSIONS } from './scopes.ts';
import { TotpFactor } from './totp.ts';
import { identityDb } from './tables.ts';

const PRINCIPAL_CACHE_MS = 5000;

export interface SessionInfo {
  id: string;
  createdAt: string;
  expiresAt: string;
  userAgent: string | null;
  amr: string[];
  current: boolean;
  via: string | null;
}

/** The principal used by the `yiwang` command on the server itself. */
export const SYSTEM_PRINCIPAL: Principal = {
  accountId: 'system',
  type: 'staff',
  name: 'system',
  regionCode: '',
  departmentId: null,
  roles: ['platform_admin'],
  permissions: new Set(['*']),
  sessionId: null,
  assuranceLevel: 3,
};

export type { AccountRow, Authenticated, SignInStep } from './factors.ts';

/**
 * Accounts and sessions. Sessions are server-side rows; the client holds only a random
 * token. Every sign-in, failure and sign-out is in the audit ledger.
 */
export class IdentityService {
  private readonly cache = new Map<string, { p: Principal | null; until: number; expiresAt: number }>();
  readonly sms: SmsCodes;
  readonly totp: TotpFactor;
  /** The sign-in steps: password, SMS code, second factor. */
  readonly factors: SignInFactors;
  constructor(
    private readonly k: Kernel,
    private readonly org: OrgService,
  ) {
    this.sms = new SmsCodes(k);
    this.totp = new TotpFactor(k);
    this.factors = new SignInFactors(k, this.sms, this.totp);
    // A saved role catalogue applies on this node at once; other nodes within the principal cache's bound.
    k.settings.onSaved(ROLE_SETTINGS_KEY, () => this.forget());
  }

  private audit(trx: Executor, acc: AccountRow, action: string, extra: Record<string, unknown>, requestId?: string) {
    return auditAccount(this.k, trx, acc, action, extra, requestId);
  }

  /** Opens a platform session for a finished sign-in. */
  async openSession(
    auth: Authenticated,
    opts: { userAgent?: string; requestId?: string; oidcSid?: string; clientId?: string } = {},
  ): Promise<{ token: string; expiresAt: Date; principal: Principal }> {
    const acc = auth.account;
    const principal = await this.principalOf(acc, null, null);
    if (!principal) throw IdentityErrors.badCredentials();
    const now = this.k.clock.now();
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + this.k.config.sessionHours * 3600_000);
    const sessionId = uuidv7();
    await this.k.db.transaction().execute(async (trx) => {
      await identityDb(trx).updateTable('identity_account').set({ failed_count: 0, locked_until: null, lock_count: 0 }).where('id', '=', acc.id).execute();
      await identityDb(trx)
        .insertInto('identity_session')
        .values({
          id: sessionId,
          token_hash: sha256(token),
          account_id: acc.id,
          created_at: now,
          expires_at: expiresAt,
          user_agent: opts.userAgent?.slice(0, 200) ?? null,
          amr: auth.amr,
          oidc_sid: opts.oidcSid ?? null,
          client_id: opts.clientId ?? null,
        })
        .execute();
      await this.audit(trx, acc, 'signed-in', { sessionId, amr: auth.amr, ...(opts.clientId ? { via: opts.clientId } : {}) }, opts.requestId);
    });
    return { token, expiresAt, principal: { ...principal, sessionId } };
  }

  /** Records a successful sign-in that opens no platform session (an SSO sign-in for another system). */
  async recordSignIn(auth: Authenticated, clientId: string, requestId?: string): Promise<void> {
    await this.k.db.transaction().execute(async (trx) => {
      await identityDb(trx).updateTable('identity_account').set({ failed_count: 0, locked_until: null, lock_count: 0 }).where('id', '=', auth.account.id).execute();
      await this.audit(trx, auth.account, 'signed-in', { amr: auth.amr, via: clientId, sso: true }, requestId);
    });
  }

  /** An SSO sign-in that succeeded but was refused for the client (e.g. the wrong kind of account). */
  async recordRefusal(auth: Authenticated, clientId: string, reason: string, requestId?: string): Promise<void> {
    await this.k.db.transaction().execute((trx) => this.audit(trx, auth.account, 'sso-sign-in-refused', { via: clientId, reason }, requestId));
  }

  /** Staff sign-in kept for API clients and the CLI: password, no second factor pending. */
  async signIn(username: string, password: string, userAgent: string | undefined, requestId?: string) {
    const step = await this.factors.password(username, password, requestId);
    if (!step.done) throw IdentityErrors.mfaRequired();
    return this.openSession(step.auth, { userAgent, requestId });
  }

  async signOut(who: Principal, requestId?: string): Promise<void> {
    if (!who.sessionId) return;
    await this.revokeSessions(who, [who.sessionId], requestId);
  }

  /** Ends the given sessions of this account (or all of them), and with "all" its SSO sessions and grants too. */
  async revokeSessions(who: Principal, ids: string[] | 'all', requestId?: string): Promise<number> {
    const now = this.k.clock.now();
    const n = await this.k.db.transaction().execute(async (trx) => {
      let q = identityDb(trx).updateTable('identity_session').set({ revoked_at: now }).where('account_id', '=', who.accountId).where('revoked_at', 'is', null);
      if (ids !== 'all') q = q.where('id', 'in', ids.length ? ids : ['00000000-0000-0000-0000-000000000000']);
      const r = await q.returning(['id', 'oidc_sid']).execute();
      if (ids === 'all') await identityDb(trx).deleteFrom('identity_oidc_payload').where('account_id', '=', who.accountId).execute();
      else {
        const sids = r.map((s) => s.oidc_sid).filter((s): s is string => !!s);
        if (sids.length) await identityDb(trx).deleteFrom('identity_oidc_payload').where('kind', '=', 'Session').where('uid', 'in', sids).execute();
      }
      await this.k.recordChange(trx, {
        actor: actorOf(who),
        action: ids === 'all' ? 'signed-out-everywhere' : 'signed-out',
        objectType: 'identity.session',
        objectId: ids === 'all' ? who.accountId : (ids[0] ?? who.accountId),
        regionCode: who.regionCode || this.k.config.regionCode,
        change: { sessions: r.map((s) => s.id) },
        requestId,
        event: false,
      });
      return r.length;
    });
    this.cache.clear();
    return n;
  }

  async listSessions(who: Principal): Promise<SessionInfo[]> {
    const rows = await identityDb(this.k.db)
      .selectFrom('identity_session')
      .select(['id', 'created_at', 'expires_at', 'user_agent', 'amr', 'client_id'])
      .where('account_id', '=', who.accountId)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', this.k.clock.now())
      .orderBy('created_at', 'desc')
      .limit(100)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      createdAt: new Date(r.created_at).toISOString(),
      expiresAt: new Date(r.expires_at).toISOString(),
      userAgent: r.user_agent,
      amr: r.amr,
      current: r.id === who.sessionId,
      via: r.client_id,
    }));
  }

  /** Resolves a session token to its principal; `null` when missing, expired, revoked or inactive. */
  async authenticate(token: string | undefined): Promise<Principal | null> {
    if (!token || token.length > 100) return null;
    const key = sha256(token);
    const hit = this.cache.get(key);
    // A cached session still ends when the session does (on the injected clock), not up to the
    // cache's five seconds later.
    if (hit && hit.until > Date.now() && hit.expiresAt > this.k.clock.now().getTime()) return hit.p;
    const row = await identityDb(this.k.db)
      .selectFrom('identity_session as s')
      .innerJoin('identity_account as a', 'a.id', 's.account_id')
      .select(['s.id as session_id', 's.expires_at', 's.acting_enterprise_id', 'a.id', 'a.kind', 'a.display_name', 'a.staff_id', 'a.region_code', 'a.active', 'a.assurance_level'])
      .where('s.token_hash', '=', key)
      .where('s.revoked_at', 'is', null)
      .executeTakeFirst();
    let p: Principal | null = null;
    if (row && row.active && new Date(row.expires_at) > this.k.clock.now()) p = await this.principalOf(row, row.session_id, row.acting_enterprise_id);
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(key, { p, until: Date.now() + PRINCIPAL_CACHE_MS, expiresAt: row ? new Date(row.expires_at).getTime() : Infinity });
    return p;
  }

  async accountRow(accountId: string): Promise<AccountRow | undefined> {
    return identityDb(this.k.db)
      .selectFrom('identity_account')
      .select(['id', 'kind', 'display_name', 'staff_id', 'region_code', 'assurance_level'])
      .where('id', '=', accountId)
      .where('active', '=', true)
      .executeTakeFirst();
  }

  /** A person's consent to an SSO client, with the enterprise (if any) they act for there. */
  async recordConsent(accountId: string, clientId: string, grantId: string, enterpriseId: string | null, requestId?: string): Promise<void> {
    const acc = await this.accountRow(accountId);
    if (!acc) throw Errors.unauthenticated();
    if (enterpriseId && !(await this.actingFor(accountId, enterpriseId))) throw IdentityErrors.notAuthorised();
    await this.k.db.transaction().execute(async (trx) => {
      await identityDb(trx).deleteFrom('identity_oidc_grant_acting').where('grant_id', '=', grantId).execute();
      if (enterpriseId) await identityDb(trx).insertInto('identity_oidc_grant_acting').values({ grant_id: grantId, account_id: accountId, enterprise_id: enterpriseId }).execute();
      await this.audit(trx, acc, 'sso-consent-given', { clientId, grantId, actingFor: enterpriseId }, requestId);
    });
  }

  /** Forgets cached principals (after a change to roles, authorisations or acting-as). */
  forget(): void {
    this.cache.clear();
  }

  /** Who an account is: staff with roles and jurisdiction, or a person (possibly acting for an enterprise). */
  async principalOf(acc: AccountRow, sessionId: string | null, actingEnterpriseId: string | null): Promise<Principal | null> {
    if (acc.kind === 'person') {
      return {
        accountId: acc.id,
        type: 'person',
        name: acc.display_name,
        regionCode: acc.region_code,
        departmentId: null,
        roles: ['citizen'],
        permissions: new Set(PERSON_PERMISSIONS),
        sessionId,
        assuranceLevel: acc.assurance_level,
        actingFor: actingEnterpriseId ? await this.actingFor(acc.id, actingEnterpriseId) : null,
      };
    }
    if (acc.kind !== 'staff' || !acc.staff_id) return null;
    const staff = await this.org.getStaff(acc.staff_id);
    if (!staff || !staff.active) return null;
    // The region's role catalogue (national roles plus its additions), read each time the principal
    // is resolved: a change applies at the next principal-cache refresh, not only at a new sign-in.
    const granted = await permissionsIn(this.k.settings, staff.roles, staff.regionCode);
    return {
      accountId: acc.id,
      type: 'staff',
      name: staff.name,
      // Platform administrators see the whole installation; everyone else their department's region.
      regionCode: staff.roles.includes('platform_admin') ? '' : staff.regionCode,
      departmentId: staff.departmentId,
      roles: staff.roles,
      permissions: granted.permissions,
      regionWide: granted.regionWide,
      sessionId,
      // Staff identities are checked by their employer when the account is made.
      assuranceLevel: 3,
    };
  }

  /** The enterprise a person may act for now: as its legal representative, or within a valid authorisation. */
  async actingFor(accountId: string, enterpriseId: string): Promise<ActingFor | null> {
    const ent = await identityDb(this.k.db).selectFrom('identity_enterprise').select(['id', 'name', 'credit_code']).where('id', '=', enterpriseId).executeTakeFirst();
    if (!ent) return null;
    const rep = await identityDb(this.k.db).selectFrom('identity_enterprise_rep').select('account_id').where('enterprise_id', '=', enterpriseId).where('account_id', '=', accountId).executeTakeFirst();
    if (rep) return { enterpriseId, name: ent.name, creditCode: ent.credit_code, role: 'legal_rep', scopes: [] };
    const auths = await identityDb(this.k.db)
      .selectFrom('identity_authorisation')
      .select('scopes')
      .where('enterprise_id', '=', enterpriseId)
      .where('agent_account_id', '=', accountId)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', this.k.clock.now())
      .execute();
    if (!auths.length) return null;
    return { enterpriseId, name: ent.name, creditCode: ent.credit_code, role: 'agent', scopes: [...new Set(auths.flatMap((a) => a.scopes))] };
  }

  /** Switches the session to act for an enterprise (or back to the person with `null`). */
  async actAs(who: Principal, enterpriseId: string | null, requestId?: string): Promise<ActingFor | null> {
    if (who.type !== 'person' || !who.sessionId) throw Errors.forbidden();
    const acting = enterpriseId ? await this.actingFor(who.accountId, enterpriseId) : null;
    if (enterpriseId && !acting) throw IdentityErrors.notAuthorised();
    await this.k.db.transaction().execute(async (trx) => {
      await identityDb(trx).updateTable('identity_session').set({ acting_enterprise_id: enterpriseId }).where('id', '=', who.sessionId!).execute();
      await this.k.recordChange(trx, {
        actor: actorOf(who),
        action: enterpriseId ? 'acting-for-enterprise' : 'acting-for-self',
        objectType: 'identity.session',
        objectId: who.sessionId!,
        regionCode: who.regionCode || this.k.config.regionCode,
        change: { enterpriseId, role: acting?.role ?? null },
        requestId,
        event: false,
      });
    });
    this.forget();
    return acting;
  }

  /** Creates a staff member and their sign-in account in one transaction. */
  async createStaffAccount(who: Principal, input: { staff: StaffInput; username: string; password: string }, requestId?: string): Promise<{ staff: Staff; accountId: string }> {
    if (!passwordAcceptable(input.password, input.username)) throw IdentityErrors.weakPassword();
    const passwordHash = await hashPassword(input.password);
    return this.k.db.transaction().execute(async (trx) => {
      const staff = await this.org.createStaff(who, input.staff, trx, requestId);
      const id = uuidv7();
      const res = await identityDb(trx)
        .insertInto('identity_account')
        .values({
          id,
          kind: 'staff',
          username: input.username,
          password_hash: passwordHash,
          display_name: staff.name,
          staff_id: staff.id,
          region_code: staff.regionCode,
          assurance_level: 3,
          created_at: this.k.clock.now(),
        })
        .onConflict((oc) => oc.column('username').doNothing())
        .executeTakeFirst();
      if (Number(res.numInsertedOrUpdatedRows ?? 0) !== 1) throw IdentityErrors.usernameTaken();
      await this.k.recordChange(trx, {
        actor: actorOf(who),
        action: 'created',
        objectType: 'identity.account',
        objectId: id,
        regionCode: staff.regionCode,
        change: { username: input.username, staffId: staff.id },
        summary: { kind: 'staff' },
        requestId,
      });
      return { staff, accountId: id };
    });
  }
}
