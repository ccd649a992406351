import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Executor } from '../../kernel/db/index.ts';
import type { Kernel } from '../../kernel/index.ts';
import { IdentityErrors } from './errors.ts';
import { phoneIndex, type SmsCodes } from './otp.ts';
import { DUMMY_HASH, verifyPassword } from './password.ts';
import { lockMinutes, MAX_FAILURES, SignInNames, type NameState } from './sign-in-names.ts';
import type { TotpFactor } from './totp.ts';
import { identityDb } from './tables.ts';

const CHALLENGE_MS = 5 * 60_000;

export interface AccountRow {
  id: string;
  kind: string;
  display_name: string;
  staff_id: string | null;
  region_code: string;
  assurance_level: number;
}

/** The columns sign-in reads. */
interface FullAccount extends AccountRow {
  password_hash: string;
  active: boolean;
  failed_count: number;
  lock_count: number;
  locked_until: Date | string | null;
  totp_enabled_at: Date | string | null;
}

/** A finished sign-in: who, and with which factors (RFC 8176 `amr` values). */
export interface Authenticated {
  account: AccountRow;
  amr: string[];
}
/** The outcome of a first factor: done, or a second factor is owed. */
export type SignInStep = { done: true; auth: Authenticated } | { done: false; challenge: string };

export const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

/** A mobile number in mainland format is a sign-in name too. */
const isPhone = (s: string) => /^1[3-9]\d{9}$/.test(s);

/** An audit entry about an account (sign-in events carry no domain event). */
export function auditAccount(
  k: Kernel,
  trx: Executor,
  acc: { id: string; kind: string; region_code: string } | undefined,
  action: string,
  extra: Record<string, unknown>,
  requestId?: string,
  objectId?: string,
) {
  return k.recordChange(trx, {
    actor: acc ? { id: acc.id, type: acc.kind as 'staff' | 'person' } : { id: 'anonymous', type: 'system' },
    action,
    objectType: 'identity.account',
    objectId: acc?.id ?? objectId ?? 'unknown',
    regionCode: acc?.region_code ?? k.config.regionCode,
    change: extra,
    summary: extra,
    requestId,
    event: false,
  });
}

/**
 * The steps of signing in: a first factor (password, or an SMS code), then the second factor when
 * the account has one. Failures count towards a lock with growing back-off; all are audited.
 */
export class SignInFactors {
  readonly names: SignInNames;
  constructor(
    private readonly k: Kernel,
    private readonly codes: SmsCodes,
    private readonly totp: TotpFactor,
  ) {
    this.names = new SignInNames(k);
  }

  private audit(trx: Executor, acc: { id: string; kind: string; region_code: string } | undefined, action: string, extra: Record<string, unknown>, requestId?: string, objectId?: string) {
    return auditAccount(this.k, trx, acc, action, extra, requestId, objectId);
  }

  private async findAccount(identifier: string): Promise<FullAccount | undefined> {
    const q = identityDb(this.k.db).selectFrom('identity_account').selectAll();
    return (isPhone(identifier) ? q.where('phone_idx', '=', phoneIndex(this.k, identifier)) : q.where('username', '=', identifier)).executeTakeFirst() as Promise<FullAccount | undefined>;
  }

  /**
   * Refuses a locked account or sign-in name, or counts a failure (locking with growing back-off)
   * on the name tried and on the account when there is one; always audited. An unknown or inactive
   * name is counted exactly as a known one, so the answers never tell whether an account exists.
   */
  private async refuse(acc: FullAccount | undefined, name: NameState | null, factor: string, ref: string, requestId?: string): Promise<never> {
    const now = this.k.clock.now();
    const until = [acc?.locked_until ? new Date(acc.locked_until) : null, name?.lockedUntil ?? null].filter((d): d is Date => !!d && d > now);
    const locked = until.length > 0;
    await this.k.db.transaction().execute(async (trx) => {
      const byName = name && !locked ? await this.names.fail(trx, name) : null;
      if (acc && !locked && acc.active) {
        const failed = acc.failed_count + 1;
        const lock = failed >= MAX_FAILURES;
        const minutes = lockMinutes(acc.lock_count);
        await identityDb(trx)
          .updateTable('identity_account')
          .set({ failed_count: lock ? 0 : failed, locked_until: lock ? new Date(now.getTime() + minutes * 60_000) : null, lock_count: lock ? acc.lock_count + 1 : acc.lock_count })
          .where('id', '=', acc.id)
          .execute();
        await this.audit(trx, acc, 'sign-in-failed', { factor, failures: failed, locked: lock, ...(lock ? { lockMinutes: minutes } : {}) }, requestId);
      } else {
        await this.audit(trx, acc, 'sign-in-refused', { factor, reason: locked ? 'locked' : !acc ? 'unknown' : 'inactive', ...(byName ?? {}) }, requestId, ref);
      }
    });
    if (locked) throw IdentityErrors.locked(Math.ceil((Math.max(...until.map((d) => d.getTime())) - now.getTime()) / 60_000));
    throw factor === 'pwd' ? IdentityErrors.badCredentials() : IdentityErrors.codeInvalid();
  }

  private async afterFirstFactor(acc: FullAccount, factor: string, name: NameState): Promise<SignInStep> {
    // The right secret for the name: its earlier failures no longer count (as the account's do not
    // once the session opens).
    if (name.failedCount > 0 || name.lockCount > 0) {
      await this.k.db.transaction().execute(async (trx) => {
        await this.names.clear(trx, name.idx);
        await this.audit(trx, acc, 'sign-in-name-cleared', { factor, failures: name.failedCount });
      });
    }
    if (!acc.totp_enabled_at) return { done: true, auth: { account: acc as AccountRow, amr: [factor] } };
    const challenge = randomBytes(32).toString('base64url');
    await identityDb(this.k.db)
      .insertInto('identity_mfa_challenge')
      .values({ token_hash: sha256(challenge), account_id: acc.id, first_factor: factor, expires_at: new Date(this.k.clock.now().getTime() + CHALLENGE_MS) })
      .execute();
    return { done: false, challenge };
  }

  /** First factor: username or mobile number with password. Unknown names take as long as wrong passwords. */
  async password(identifier: string, password: string, requestId?: string): Promise<SignInStep> {
    const [acc, name] = await Promise.all([this.findAccount(identifier), this.names.read(identifier)]);
    const ok = await verifyPassword(acc?.password_hash ?? DUMMY_HASH, password);
    const locked = (acc?.locked_until && new Date(acc.locked_until) > this.k.clock.now()) || this.names.isLocked(name);
    if (!acc || !acc.active || !ok || locked) return this.refuse(acc, name, 'pwd', `name:${identifier.slice(0, 3)}…`, requestId);
    return this.afterFirstFactor(acc, 'pwd', name);
  }

  /** First factor: an SMS code sent to the account's verified mobile number. */
  async sms(phone: string, code: string, requestId?: string): Promise<SignInStep> {
    const [acc, name] = await Promise.all([this.findAccount(phone), this.names.read(phone)]);
    const locked = (acc?.locked_until && new Date(acc.locked_until) > this.k.clock.now()) || this.names.isLocked(name);
    if (!acc || !acc.active || locked) return this.refuse(acc, name, 'sms', 'phone', requestId);
    try {
      await this.codes.consume('sign-in', phone, code);
    } catch {
      return this.refuse(acc, name, 'sms', 'phone', requestId);
    }
    return this.afterFirstFactor(acc, 'sms', name);
  }

  /** Second factor: a TOTP or recovery code for a pending challenge. */
  async mfa(challenge: string, code: string, requestId?: string): Promise<Authenticated> {
    const now = this.k.clock.now();
    const ch = await identityDb(this.k.db).selectFrom('identity_mfa_challenge').selectAll().where('token_hash', '=', sha256(challenge)).executeTakeFirst();
    if (!ch || ch.consumed_at || new Date(ch.expires_at) <= now || ch.attempts >= MAX_FAILURES) throw IdentityErrors.codeInvalid();
    const acc = await identityDb(this.k.db).selectFrom('identity_account').selectAll().where('id', '=', ch.account_id).executeTakeFirstOrThrow();
    const used = await this.k.db.transaction().execute(async (trx) => {
      const kind = await this.totp.check(trx, acc.id, code);
      if (kind) await identityDb(trx).updateTable('identity_mfa_challenge').set({ consumed_at: now }).where('token_hash', '=', ch.token_hash).execute();
      return kind;
    });
    if (!used) {
      await identityDb(this.k.db)
        .updateTable('identity_mfa_challenge')
        .set({ attempts: sql`attempts + 1` })
        .where('token_hash', '=', ch.token_hash)
        .execute();
      return this.refuse(acc as FullAccount, null, 'otp', acc.id, requestId);
    }
    // RFC 8176 has no value for a recovery code; 'rec' marks it so reports can tell them apart.
    return { account: acc as AccountRow, amr: [ch.first_factor, used === 'recovery' ? 'rec' : 'otp', 'mfa'] };
  }
}
