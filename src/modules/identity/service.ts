import { createHash, randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { Kernel } from '../../kernel/index.ts';
import type { Executor } from '../../kernel/db/index.ts';
import type { Principal } from '../../kernel/policy/index.ts';
import { actorOf } from '../../kernel/policy/index.ts';
import { permissionsOf, type OrgService, type Staff, type StaffInput } from '../org/index.ts';
import { IdentityErrors } from './errors.ts';
import { DUMMY_HASH, hashPassword, passwordAcceptable, verifyPassword } from './password.ts';

const MAX_FAILURES = 5;
const LOCK_MINUTES = 15;
const PRINCIPAL_CACHE_MS = 5000;

interface AccountRow {
  id: string;
  kind: string;
  display_name: string;
  staff_id: string | null;
  region_code: string;
}

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

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
};

/**
 * Accounts and sessions. Staff accounts for now; people and enterprises, OIDC and MFA widen it
 * (the identity issue). Sessions are server-side rows; the client holds only a random token.
 */
export class IdentityService {
  private readonly cache = new Map<string, { p: Principal | null; until: number }>();
  constructor(
    private readonly k: Kernel,
    private readonly org: OrgService,
  ) {}

  async signIn(username: string, password: string, userAgent: string | undefined, requestId?: string): Promise<{ token: string; expiresAt: Date; principal: Principal }> {
    const now = this.k.clock.now();
    const acc = await this.k.db.selectFrom('identity_account').selectAll().where('username', '=', username).executeTakeFirst();
    const ok = await verifyPassword(acc?.password_hash ?? DUMMY_HASH, password);
    const locked = acc?.locked_until && new Date(acc.locked_until) > now;
    const audit = (trx: Executor, action: string, extra: Record<string, unknown> = {}) =>
      this.k.recordChange(trx, {
        actor: acc ? { id: acc.id, type: acc.kind } : { id: 'anonymous', type: 'system' },
        action,
        objectType: 'identity.account',
        objectId: acc?.id ?? `username:${username.slice(0, 64)}`,
        regionCode: acc?.region_code ?? this.k.config.regionCode,
        change: { username, ...extra },
        summary: extra,
        requestId,
        event: false,
      });
    if (!acc || !acc.active || !ok || locked) {
      await this.k.db.transaction().execute(async (trx) => {
        if (acc && !locked && acc.active) {
          const failed = acc.failed_count + 1;
          await trx
            .updateTable('identity_account')
            .set({ failed_count: failed >= MAX_FAILURES ? 0 : failed, locked_until: failed >= MAX_FAILURES ? new Date(now.getTime() + LOCK_MINUTES * 60_000) : null })
            .where('id', '=', acc.id)
            .execute();
          await audit(trx, 'sign-in-failed', { failures: failed, locked: failed >= MAX_FAILURES });
        } else {
          await audit(trx, 'sign-in-refused', { reason: !acc ? 'unknown' : locked ? 'locked' : 'inactive' });
        }
      });
      if (locked) throw IdentityErrors.locked(Math.ceil((new Date(acc.locked_until!).getTime() - now.getTime()) / 60_000));
      throw IdentityErrors.badCredentials();
    }
    const principal = await this.principalOf(acc as AccountRow, null);
    if (!principal) throw IdentityErrors.badCredentials();
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + this.k.config.sessionHours * 3600_000);
    const sessionId = uuidv7();
    await this.k.db.transaction().execute(async (trx) => {
      await trx.updateTable('identity_account').set({ failed_count: 0, locked_until: null }).where('id', '=', acc.id).execute();
      await trx
        .insertInto('identity_session')
        .values({ id: sessionId, token_hash: tokenHash(token), account_id: acc.id, created_at: now, expires_at: expiresAt, user_agent: userAgent?.slice(0, 200) ?? null })
        .execute();
      await audit(trx, 'signed-in', { sessionId });
    });
    return { token, expiresAt, principal: { ...principal, sessionId } };
  }

  async signOut(who: Principal, requestId?: string): Promise<void> {
    if (!who.sessionId) return;
    await this.k.db.transaction().execute(async (trx) => {
      await trx.updateTable('identity_session').set({ revoked_at: this.k.clock.now() }).where('id', '=', who.sessionId!).execute();
      await this.k.recordChange(trx, {
        actor: actorOf(who),
        action: 'signed-out',
        objectType: 'identity.session',
        objectId: who.sessionId!,
        regionCode: who.regionCode || this.k.config.regionCode,
        change: { sessionId: who.sessionId },
        requestId,
        event: false,
      });
    });
    this.cache.clear();
  }

  /** Resolves a session token to its principal; `null` when missing, expired, revoked or inactive. */
  async authenticate(token: string | undefined): Promise<Principal | null> {
    if (!token || token.length > 100) return null;
    const key = tokenHash(token);
    const hit = this.cache.get(key);
    if (hit && hit.until > Date.now()) return hit.p;
    const row = await this.k.db
      .selectFrom('identity_session as s')
      .innerJoin('identity_account as a', 'a.id', 's.account_id')
      .select(['s.id as session_id', 's.expires_at', 'a.id', 'a.kind', 'a.display_name', 'a.staff_id', 'a.region_code', 'a.active'])
      .where('s.token_hash', '=', key)
      .where('s.revoked_at', 'is', null)
      .executeTakeFirst();
    let p: Principal | null = null;
    if (row && row.active && new Date(row.expires_at) > this.k.clock.now()) p = await this.principalOf(row, row.session_id);
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(key, { p, until: Date.now() + PRINCIPAL_CACHE_MS });
    return p;
  }

  private async principalOf(acc: AccountRow, sessionId: string | null): Promise<Principal | null> {
    if (acc.kind !== 'staff' || !acc.staff_id) return null;
    const staff = await this.org.getStaff(acc.staff_id);
    if (!staff || !staff.active) return null;
    return {
      accountId: acc.id,
      type: 'staff',
      name: staff.name,
      // Platform administrators see the whole installation; everyone else their department's region.
      regionCode: staff.roles.includes('platform_admin') ? '' : staff.regionCode,
      departmentId: staff.departmentId,
      roles: staff.roles,
      permissions: permissionsOf(staff.roles),
      sessionId,
    };
  }

  /** Creates a staff member and their sign-in account in one transaction. */
  async createStaffAccount(who: Principal, input: { staff: StaffInput; username: string; password: string }, requestId?: string): Promise<{ staff: Staff; accountId: string }> {
    if (!passwordAcceptable(input.password, input.username)) throw IdentityErrors.weakPassword();
    const passwordHash = await hashPassword(input.password);
    return this.k.db.transaction().execute(async (trx) => {
      const staff = await this.org.createStaff(who, input.staff, trx, requestId);
      const id = uuidv7();
      const res = await trx
        .insertInto('identity_account')
        .values({ id, kind: 'staff', username: input.username, password_hash: passwordHash, display_name: staff.name, staff_id: staff.id, region_code: staff.regionCode, created_at: this.k.clock.now() })
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
