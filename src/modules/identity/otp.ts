import { randomInt } from 'node:crypto';
import { sql } from 'kysely';
import { newId as uuidv7 } from '../../kernel/ids/index.ts';
import type { Kernel } from '../../kernel/index.ts';
import { maskAddress } from '../../kernel/notify/index.ts';
import { IdentityErrors } from './errors.ts';
import { identityDb } from './tables.ts';

export type CodePurpose = 'register' | 'sign-in';

const CODE_TTL_MS = 5 * 60_000;
const RESEND_AFTER_MS = 60_000;
const MAX_ATTEMPTS = 5;

/** Blind index of a mobile number, so an encrypted number can still be found. */
export const phoneIndex = (k: Kernel, phone: string) => k.crypto.blindIndex(`phone:${phone}`);

/**
 * SMS one-time codes: six digits, five minutes, one use, five tries, one send a minute per number.
 * Only a keyed hash of the code is stored; the SMS text travels encrypted through the outbox.
 */
export class SmsCodes {
  constructor(private readonly k: Kernel) {}

  private codeHash(id: string, code: string) {
    return this.k.crypto.blindIndex(`otp:${id}:${code}`);
  }

  async send(purpose: CodePurpose, phone: string, requestId?: string): Promise<{ expiresAt: Date }> {
    const now = this.k.clock.now();
    const target = phoneIndex(this.k, phone);
    return this.k.db.transaction().execute(async (trx) => {
      // One sender at a time per number, so two quick requests cannot both pass the resend check.
      await sql`SELECT pg_advisory_xact_lock(hashtext(${`otp:${target}`}))`.execute(trx);
      const last = await identityDb(trx)
        .selectFrom('identity_otp')
        .select('created_at')
        .where('target_idx', '=', target)
        .where('purpose', '=', purpose)
        .orderBy('created_at', 'desc')
        .limit(1)
        .executeTakeFirst();
      const since = last ? now.getTime() - new Date(last.created_at).getTime() : Infinity;
      if (since < RESEND_AFTER_MS) throw IdentityErrors.codeTooSoon(Math.ceil((RESEND_AFTER_MS - since) / 1000));
      const id = uuidv7();
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      const expiresAt = new Date(now.getTime() + CODE_TTL_MS);
      await identityDb(trx)
        .insertInto('identity_otp')
        .values({ id, purpose, target_idx: target, code_hash: this.codeHash(id, code), created_at: now, expires_at: expiresAt })
        .execute();
      const what = purpose === 'register' ? '注册' : '登录';
      await this.k.notify.sms(trx, this.k.config.regionCode, phone, `您的${what}验证码是 ${code}，5 分钟内有效。请勿告诉他人。`, { secret: true });
      await this.k.recordChange(trx, {
        actor: { id: 'anonymous', type: 'system' },
        action: 'code-sent',
        objectType: 'identity.otp',
        objectId: id,
        regionCode: this.k.config.regionCode,
        change: { purpose, to: maskAddress(phone) },
        requestId,
        event: false,
      });
      return { expiresAt };
    });
  }

  /**
   * Checks a code and spends it in one conditional update, so two uses race to one winner. A code
   * is spent even if the caller's change then fails: asking for a new one is cheap, a reusable code
   * is not. Runs outside any caller transaction (PGlite has one connection).
   */
  async consume(purpose: CodePurpose, phone: string, code: string): Promise<void> {
    const now = this.k.clock.now();
    const target = phoneIndex(this.k, phone);
    const row = await identityDb(this.k.db)
      .selectFrom('identity_otp')
      .select(['id', 'code_hash', 'attempts'])
      .where('target_idx', '=', target)
      .where('purpose', '=', purpose)
      .where('consumed_at', 'is', null)
      .where('expires_at', '>', now)
      .orderBy('created_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (!row || row.attempts >= MAX_ATTEMPTS) return this.refuse(purpose, phone, row?.id, !row ? 'none-valid' : 'too-many-tries');
    if (row.code_hash !== this.codeHash(row.id, code)) {
      await identityDb(this.k.db)
        .updateTable('identity_otp')
        .set({ attempts: sql`attempts + 1` })
        .where('id', '=', row.id)
        .execute();
      return this.refuse(purpose, phone, row.id, 'wrong');
    }
    const spent = await identityDb(this.k.db).updateTable('identity_otp').set({ consumed_at: now }).where('id', '=', row.id).where('consumed_at', 'is', null).executeTakeFirst();
    if (Number(spent.numUpdatedRows) !== 1) return this.refuse(purpose, phone, row.id, 'already-used');
  }

  /** A refused code (wrong, replayed, expired, too many tries) is audited, with the number masked. */
  private async refuse(purpose: CodePurpose, phone: string, id: string | undefined, reason: string): Promise<never> {
    await this.k.db.transaction().execute((trx) =>
      this.k.recordChange(trx, {
        actor: { id: 'anonymous', type: 'system' },
        action: 'code-refused',
        objectType: 'identity.otp',
        objectId: id ?? 'none',
        regionCode: this.k.config.regionCode,
        change: { purpose, to: maskAddress(phone), reason },
        summary: { purpose, reason },
        event: false,
      }),
    );
    throw IdentityErrors.codeInvalid();
  }
}
