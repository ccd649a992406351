import { randomBytes } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';
import { sql } from 'kysely';
import type { Executor } from '../../kernel/db/index.ts';
import type { Kernel } from '../../kernel/index.ts';
import { actorOf, type Principal } from '../../kernel/policy/index.ts';
import { IdentityErrors } from './errors.ts';
import { identityDb } from './tables.ts';

const RECOVERY_CODES = 10;

/**
 * TOTP second factor (RFC 6238, 30 s steps, one step of drift) with one-use recovery codes. The
 * secret is SM4-encrypted; the last accepted time step is stored so a code cannot be replayed.
 */
export class TotpFactor {
  constructor(private readonly k: Kernel) {}

  private recoveryHash(accountId: string, code: string) {
    return this.k.crypto.blindIndex(`recovery:${accountId}:${code.replace(/[\s-]/g, '').toLowerCase()}`);
  }

  private async account(ex: Executor, accountId: string) {
    return identityDb(ex)
      .selectFrom('identity_account')
      .select(['id', 'username', 'totp_secret_enc', 'totp_enabled_at', 'totp_last_step', 'region_code'])
      .where('id', '=', accountId)
      .executeTakeFirstOrThrow();
  }

  /** Step one of enrolment: a new pending secret, as text, otpauth URI and QR code. */
  async begin(who: Principal, requestId?: string): Promise<{ secret: string; uri: string; qr: string }> {
    const acc = await this.account(this.k.db, who.accountId);
    if (acc.totp_enabled_at) throw IdentityErrors.totpAlreadyOn();
    const secret = generateSecret();
    const uri = generateURI({ issuer: '一网 Yiwang', label: acc.username, secret });
    await this.k.db.transaction().execute(async (trx) => {
      await identityDb(trx)
        .updateTable('identity_account')
        .set({ totp_secret_enc: this.k.crypto.encryptField(secret), totp_last_step: null })
        .where('id', '=', who.accountId)
        .execute();
      await this.k.recordChange(trx, {
        actor: actorOf(who),
        action: 'totp-enrolment-started',
        objectType: 'identity.account',
        objectId: who.accountId,
        regionCode: acc.region_code,
        change: {},
        requestId,
        event: false,
      });
    });
    return { secret, uri, qr: await QRCode.toDataURL(uri, { margin: 1, width: 200 }) };
  }

  /** Step two: the first code proves the app holds the secret; returns the recovery codes once. */
  async confirm(who: Principal, code: string, requestId?: string): Promise<{ recoveryCodes: string[] }> {
    const acc = await this.account(this.k.db, who.accountId);
    if (acc.totp_enabled_at) throw IdentityErrors.totpAlreadyOn();
    if (!acc.totp_secret_enc) throw IdentityErrors.totpNotEnrolled();
    const step = await this.verifyCode(this.k.crypto.decryptField(acc.totp_secret_enc), code, null);
    if (step === null) throw IdentityErrors.codeInvalid();
    const codes = Array.from({ length: RECOVERY_CODES }, () =>
      randomBytes(5)
        .toString('hex')
        .replace(/(.{5})/, '$1-'),
    );
    await this.k.db.transaction().execute(async (trx) => {
      await identityDb(trx).updateTable('identity_account').set({ totp_enabled_at: this.k.clock.now(), totp_last_step: step }).where('id', '=', who.accountId).execute();
      await identityDb(trx).deleteFrom('identity_recovery_code').where('account_id', '=', who.accountId).execute();
      await identityDb(trx)
        .insertInto('identity_recovery_code')
        .values(codes.map((c) => ({ account_id: who.accountId, code_hash: this.recoveryHash(who.accountId, c) })))
        .execute();
      await this.k.recordChange(trx, {
        actor: actorOf(who),
        action: 'totp-enabled',
        objectType: 'identity.account',
        objectId: who.accountId,
        regionCode: acc.region_code,
        change: { recoveryCodes: codes.length },
        requestId,
        event: false,
      });
    });
    return { recoveryCodes: codes };
  }

  /** Turning the factor off needs a current code, so a stolen session alone cannot do it. */
  async disable(who: Principal, code: string, requestId?: string): Promise<void> {
    await this.k.db.transaction().execute(async (trx) => {
      const used = await this.check(trx, who.accountId, code);
      if (!used) throw IdentityErrors.codeInvalid();
      const acc = await this.account(trx, who.accountId);
      await identityDb(trx).updateTable('identity_account').set({ totp_secret_enc: null, totp_enabled_at: null, totp_last_step: null }).where('id', '=', who.accountId).execute();
      await identityDb(trx).deleteFrom('identity_recovery_code').where('account_id', '=', who.accountId).execute();
      await this.k.recordChange(trx, {
        actor: actorOf(who),
        action: 'totp-disabled',
        objectType: 'identity.account',
        objectId: who.accountId,
        regionCode: acc.region_code,
        change: {},
        requestId,
        event: false,
      });
    });
  }

  /** Whether the account has a confirmed second factor. */
  async enabled(ex: Executor, accountId: string): Promise<boolean> {
    return !!(await this.account(ex, accountId)).totp_enabled_at;
  }

  /**
   * Accepts a current TOTP code (never one of an already used time step) or an unused recovery
   * code, and records its use in `trx`. Returns which one it was, or null.
   */
  async check(trx: Executor, accountId: string, code: string): Promise<'otp' | 'recovery' | null> {
    const acc = await this.account(trx, accountId);
    if (!acc.totp_enabled_at || !acc.totp_secret_enc) return null;
    if (/^\d{6}$/.test(code)) {
      const step = await this.verifyCode(this.k.crypto.decryptField(acc.totp_secret_enc), code, acc.totp_last_step);
      if (step === null) return null;
      const r = await identityDb(trx)
        .updateTable('identity_account')
        .set({ totp_last_step: step })
        .where('id', '=', accountId)
        .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1 ? 'otp' : null;
    }
    const r = await identityDb(trx)
      .updateTable('identity_recovery_code')
      .set({ used_at: this.k.clock.now() })
      .where('account_id', '=', accountId)
      .where('code_hash', '=', this.recoveryHash(accountId, code))
      .where('used_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1 ? 'recovery' : null;
  }

  async recoveryCodesLeft(accountId: string): Promise<number> {
    const r = await identityDb(this.k.db)
      .selectFrom('identity_recovery_code')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('account_id', '=', accountId)
      .where('used_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  /** The time step the code belongs to, or null when it is wrong or not newer than `after`. */
  private async verifyCode(secret: string, token: string, after: number | null): Promise<number | null> {
    try {
      const r = await verify({ secret, token, epoch: Math.floor(this.k.clock.now().getTime() / 1000), epochTolerance: 30, ...(after !== null ? { afterTimeStep: Number(after) } : {}) });
      return r.valid ? Number((r as { timeStep?: number }).timeStep) : null;
    } catch {
      return null;
    }
  }
}
