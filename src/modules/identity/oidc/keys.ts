import { exportJWK, generateKeyPair, type JWK } from 'jose';
import { sql } from 'kysely';
import { newId as uuidv7 } from '../../../kernel/ids/index.ts';
import type { Executor } from '../../../kernel/db/index.ts';
import type { Kernel } from '../../../kernel/index.ts';
import { actorOf, assertAllowed, type Policy, type Principal } from '../../../kernel/policy/index.ts';
import { identityDb } from '../tables.ts';

/** How many signing keys stay published: the newest signs, the others still verify older tokens. */
const PUBLISHED = 2;

export interface KeyInfo {
  kid: string;
  createdAt: string;
  retiredAt: string | null;
  signing: boolean;
}

/**
 * The provider's token-signing keys (RS256, what every OIDC client library accepts). Private keys
 * are SM4-encrypted in the database so every app node signs with the same key; rotation adds a
 * new key that signs from then on and keeps the previous one in the JWKS until the next rotation.
 */
export class SigningKeys {
  constructor(
    private readonly k: Kernel,
    private readonly policy: Policy,
  ) {}

  private async add(ex: Executor): Promise<string> {
    const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
    const kid = uuidv7();
    const priv = { ...(await exportJWK(privateKey)), kid, alg: 'RS256', use: 'sig' };
    const pub = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
    await identityDb(ex)
      .insertInto('identity_oidc_key')
      .values({ kid, private_jwk_enc: this.k.crypto.encryptField(JSON.stringify(priv)), public_jwk: JSON.stringify(pub), created_at: this.k.clock.now() })
      .execute();
    return kid;
  }

  /** Makes the first key if there is none (one node wins; the others find it). */
  async ensure(): Promise<void> {
    await this.k.db.transaction().execute(async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(hashtext('identity_oidc_key'))`.execute(trx);
      const any = await identityDb(trx).selectFrom('identity_oidc_key').select('kid').where('retired_at', 'is', null).limit(1).executeTakeFirst();
      if (!any) {
        const kid = await this.add(trx);
        await this.k.recordChange(trx, {
          actor: { id: 'system', type: 'system' },
          action: 'signing-key-created',
          objectType: 'identity.signing-key',
          objectId: kid,
          regionCode: this.k.config.regionCode,
          change: { kid },
        });
      }
    });
  }

  /** Private JWKs in signing order (newest first), for the provider's configuration. */
  async privateJwks(): Promise<JWK[]> {
    const rows = await identityDb(this.k.db).selectFrom('identity_oidc_key').select('private_jwk_enc').where('retired_at', 'is', null).orderBy('kid', 'desc').execute();
    return rows.map((r) => JSON.parse(this.k.crypto.decryptField(r.private_jwk_enc)) as JWK);
  }

  /** Changes whenever the published set changes; nodes compare it to know when to reload. */
  async version(): Promise<string> {
    const r = await identityDb(this.k.db)
      .selectFrom('identity_oidc_key')
      .select(sql<string>`string_agg(kid, ',' ORDER BY kid)`.as('v'))
      .where('retired_at', 'is', null)
      .executeTakeFirst();
    return r?.v ?? '';
  }

  async list(who: Principal): Promise<KeyInfo[]> {
    assertAllowed(this.policy, who, 'sso.manage');
    const rows = await identityDb(this.k.db).selectFrom('identity_oidc_key').select(['kid', 'created_at', 'retired_at']).orderBy('kid', 'desc').limit(50).execute();
    const newest = rows.find((r) => !r.retired_at)?.kid;
    return rows.map((r) => ({ kid: r.kid, createdAt: new Date(r.created_at).toISOString(), retiredAt: r.retired_at ? new Date(r.retired_at).toISOString() : null, signing: r.kid === newest }));
  }

  /** A new signing key; keys older than the previous one leave the JWKS. */
  async rotate(who: Principal, requestId?: string): Promise<string> {
    assertAllowed(this.policy, who, 'sso.manage');
    return this.k.db.transaction().execute(async (trx) => {
      const kid = await this.add(trx);
      const keep = await identityDb(trx).selectFrom('identity_oidc_key').select('kid').where('retired_at', 'is', null).orderBy('kid', 'desc').limit(PUBLISHED).execute();
      await identityDb(trx)
        .updateTable('identity_oidc_key')
        .set({ retired_at: this.k.clock.now() })
        .where('retired_at', 'is', null)
        .where(
          'kid',
          'not in',
          keep.map((r) => r.kid),
        )
        .execute();
      await this.k.recordChange(trx, {
        actor: actorOf(who),
        action: 'signing-key-rotated',
        objectType: 'identity.signing-key',
        objectId: kid,
        regionCode: this.k.config.regionCode,
        change: { kid },
        requestId,
      });
      return kid;
    });
  }
}
