import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { sql } from 'kysely';
import { newId as uuidv7 } from '../../../kernel/ids/index.ts';
import { actorOf, type Principal } from '../../../kernel/policy/index.ts';
import type { OpendataContext } from '../area.ts';
import { AccessErrors, KeyRateLimited } from './errors.ts';
import { accessSettings } from './settings.ts';
import { accessDb } from './tables.ts';

/** `od_` + 10 hex (the public prefix id) + `_` + 32 random bytes in base64url. */
const KEY_FORMAT = /^od_([0-9a-f]{10})_([A-Za-z0-9_-]{43})$/;

export const hashKey = (key: string) => createHash('sha256').update(key, 'utf8').digest('hex');

export interface KeyView {
  id: string;
  prefix: string;
  name: string;
  holderName: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  calls: number;
  ratePerMinute: number;
}

/** A live key as the open API knows its caller. */
export interface KeyHolder {
  id: string;
  accountId: string;
  prefix: string;
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/**
 * 接口密钥: a signed-in account (a person, an enterprise through its agent, or staff) registers
 * keys for the open API. The key is shown once; only its SHA-256 is stored, found by its public
 * prefix. An account holds at most `maxKeysPerAccount` live keys. Each key may make
 * `keyRatePerMinute` calls a minute, counted in the database so every app node sees one count.
 */
export class Keys {
  constructor(private readonly ctx: OpendataContext) {}

  private get region() {
    return this.ctx.k.config.regionCode;
  }

  /** Whose keys: the account, and the enterprise it acts for (an agent's keys are the enterprise's while acting for it). */
  private owner(who: Principal) {
    if (who.type === 'client') throw AccessErrors.keyHolder();
    return { accountId: who.accountId, enterpriseId: who.actingFor?.enterpriseId ?? null, holderName: who.actingFor?.name ?? who.name };
  }

  async create(who: Principal, input: { name: string }, requestId?: string): Promise<KeyView & { key: string }> {
    const o = this.owner(who);
    const name = input.name.trim();
    if (!name || name.length > 60 || /[\p{Cc}\p{Cs}\p{Co}\p{Cn}]/u.test(name)) throw AccessErrors.badName();
    const settings = await accessSettings(this.ctx.k.settings, this.region);
    const now = this.ctx.k.clock.now();
    const prefix = randomBytes(5).toString('hex');
    const key = `od_${prefix}_${randomBytes(32).toString('base64url')}`;
    const id = uuidv7();
    await this.ctx.k.db.transaction().execute(async (trx) => {
      // One create at a time per account, so two at once cannot pass the limit together.
      await sql`SELECT pg_advisory_xact_lock(hashtext(${`opendata.key:${o.accountId}`}))`.execute(trx);
      const live = await accessDb(trx)
        .selectFrom('opendata_api_key')
        .select((e) => e.fn.countAll<number>().as('n'))
        .where('account_id', '=', o.accountId)
        .where('revoked_at', 'is', null)
        .executeTakeFirstOrThrow();
      if (Number(live.n) >= settings.maxKeysPerAccount) throw AccessErrors.tooManyKeys(settings.maxKeysPerAccount);
      await accessDb(trx)
        .insertInto('opendata_api_key')
        .values({ id, prefix, key_hash: hashKey(key), account_id: o.accountId, account_type: who.type, enterprise_id: o.enterpriseId, holder_name: o.holderName, name, created_at: now })
        .execute();
      await this.ctx.k.recordChange(trx, {
        actor: actorOf(who),
        action: 'created',
        objectType: 'opendata.key',
        objectId: id,
        regionCode: this.region,
        change: { prefix, name, enterpriseId: o.enterpriseId },
        requestId,
      });
    });
    return { id, prefix, key, name, holderName: o.holderName, createdAt: now.toISOString(), lastUsedAt: null, revokedAt: null, calls: 0, ratePerMinute: settings.keyRatePerMinute };
  }

  async list(who: Principal): Promise<KeyView[]> {
    const o = this.owner(who);
    const settings = await accessSettings(this.ctx.k.settings, this.region);
    const rows = await accessDb(this.ctx.k.db).selectFrom('opendata_api_key').selectAll().where('account_id', '=', o.accountId).orderBy('created_at', 'desc').limit(200).execute();
    return rows.map((r) => ({
      id: r.id,
      prefix: r.prefix,
      name: r.name,
      holderName: r.holder_name,
      createdAt: iso(r.created_at)!,
      lastUsedAt: iso(r.last_used_at),
      revokedAt: iso(r.revoked_at),
      calls: Number(r.calls),
      ratePerMinute: settings.keyRatePerMinute,
    }));
  }

  async revoke(who: Principal, id: string, requestId?: string): Promise<KeyView> {
    const o = this.owner(who);
    const now = this.ctx.k.clock.now();
    await this.ctx.k.db.transaction().execute(async (trx) => {
      const row = await accessDb(trx).selectFrom('opendata_api_key').select(['id', 'revoked_at', 'prefix']).where('id', '=', id).where('account_id', '=', o.accountId).forUpdate().executeTakeFirst();
      // Another account's key is "not found": nobody learns which key ids exist.
      if (!row) throw AccessErrors.keyNotFound();
      if (row.revoked_at) throw AccessErrors.keyRevoked();
      await accessDb(trx).updateTable('opendata_api_key').set({ revoked_at: now }).where('id', '=', id).execute();
      await this.ctx.k.recordChange(trx, { actor: actorOf(who), action: 'revoked', objectType: 'opendata.key', objectId: id, regionCode: this.region, change: { prefix: row.prefix }, requestId });
    });
    const mine = await this.list(who);
    return mine.find((k) => k.id === id)!;
  }

  /** The live key behind an `X-API-Key` header, or a 401. */
  async authenticate(header: string | string[] | undefined): Promise<KeyHolder> {
    if (header === undefined || header === '') throw AccessErrors.keyMissing();
    const given = typeof header === 'string' ? header.trim() : '';
    const m = KEY_FORMAT.exec(given);
    if (!m) throw AccessErrors.keyInvalid();
    const row = await accessDb(this.ctx.k.db).selectFrom('opendata_api_key').select(['id', 'account_id', 'key_hash', 'revoked_at', 'prefix']).where('prefix', '=', m[1]).executeTakeFirst();
    const hash = Buffer.from(hashKey(given), 'hex');
    if (!row || row.revoked_at || !timingSafeEqual(hash, Buffer.from(row.key_hash, 'hex'))) throw AccessErrors.keyInvalid();
    return { id: row.id, accountId: row.account_id, prefix: row.prefix };
  }

  /**
   * Counts the call in this minute's row for the key (one upsert, shared by every app node) and
   * refuses it with 429 and the seconds to wait once the minute's calls are used up.
   */
  async admit(key: KeyHolder): Promise<void> {
    const { keyRatePerMinute } = await accessSettings(this.ctx.k.settings, this.region);
    const now = this.ctx.k.clock.now().getTime();
    const minute = Math.floor(now / 60_000) * 60_000;
    const row = await sql<{ calls: number }>`INSERT INTO opendata_key_minute (key_id, minute, calls) VALUES (${key.id}::uuid, ${new Date(minute).toISOString()}::timestamptz, 1)
      ON CONFLICT (key_id, minute) DO UPDATE SET calls = opendata_key_minute.calls + 1 RETURNING calls`.execute(this.ctx.k.db);
    const calls = Number(row.rows[0]?.calls ?? 1);
    if (calls === 1 && Math.random() < 0.05) {
      // Now and then, forget minutes long past (the counts matter only for the current minute).
      void accessDb(this.ctx.k.db)
        .deleteFrom('opendata_key_minute')
        .where('minute', '<', new Date(minute - 3_600_000))
        .execute()
        .catch(() => undefined);
    }
    if (calls > keyRatePerMinute) throw new KeyRateLimited(Math.max(1, Math.ceil((minute + 60_000 - now) / 1000)), keyRatePerMinute);
  }
}
