import type { Adapter, AdapterPayload } from 'oidc-provider';
import { GroupCommit, sql, type Db } from '../../../kernel/db/index.ts';
import type { ClientRegistry } from './clients.ts';
import { identityDb } from '../tables.ts';

type Row = { payload: AdapterPayload; expires_at: Date | string | null; consumed_at: Date | string | null };

/**
 * oidc-provider's storage on our database: one table for every model (sessions, codes, tokens,
 * grants, interactions), so several app nodes share one SSO state. Clients are read from the
 * admin-managed registry, not from this table.
 */
export function databaseAdapter(db: Db, clients: ClientRegistry) {
  const tokens = new TokenWrites(db);
  const live = (row: Row | undefined): AdapterPayload | undefined => {
    if (!row) return undefined;
    if (row.expires_at && new Date(row.expires_at).getTime() <= Date.now()) return undefined;
    return row.consumed_at ? { ...row.payload, consumed: Math.floor(new Date(row.consumed_at).getTime() / 1000) } : row.payload;
  };
  return class DatabaseAdapter implements Adapter {
    constructor(private readonly kind: string) {}

    async upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void> {
      if (this.kind === 'ClientCredentials') {
        const expires = expiresIn ? new Date(Date.now() + expiresIn * 1000).toISOString() : null;
        return tokens.write({
          kind: this.kind,
          id,
          payload,
          grant_id: payload.grantId ?? null,
          uid: payload.uid ?? null,
          user_code: payload.userCode ?? null,
          account_id: payload.accountId ?? null,
          expires_at: expires,
        });
      }
      const values = {
        payload: JSON.stringify(payload),
        grant_id: payload.grantId ?? null,
        uid: payload.uid ?? null,
        user_code: payload.userCode ?? null,
        account_id: payload.accountId ?? null,
        expires_at: expiresIn ? new Date(Date.now() + expiresIn * 1000) : null,
      };
      await identityDb(db)
        .insertInto('identity_oidc_payload')
        .values({ kind: this.kind, id, ...values })
        .onConflict((oc) => oc.columns(['kind', 'id']).doUpdateSet(values))
        .execute();
    }

    async find(id: string): Promise<AdapterPayload | undefined> {
      if (this.kind === 'Client') return clients.metadata(id);
      return live(await identityDb(db).selectFrom('identity_oidc_payload').select(['payload', 'expires_at', 'consumed_at']).where('kind', '=', this.kind).where('id', '=', id).executeTakeFirst());
    }

    async findByUid(uid: string): Promise<AdapterPayload | undefined> {
      return live(await identityDb(db).selectFrom('identity_oidc_payload').select(['payload', 'expires_at', 'consumed_at']).where('kind', '=', this.kind).where('uid', '=', uid).executeTakeFirst());
    }

    async findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
      return live(
        await identityDb(db).selectFrom('identity_oidc_payload').select(['payload', 'expires_at', 'consumed_at']).where('kind', '=', this.kind).where('user_code', '=', userCode).executeTakeFirst(),
      );
    }

    async consume(id: string): Promise<void> {
      await identityDb(db).updateTable('identity_oidc_payload').set({ consumed_at: new Date() }).where('kind', '=', this.kind).where('id', '=', id).execute();
    }

    async destroy(id: string): Promise<void> {
      await identityDb(db).deleteFrom('identity_oidc_payload').where('kind', '=', this.kind).where('id', '=', id).execute();
    }

    async revokeByGrantId(grantId: string): Promise<void> {
      await identityDb(db).deleteFrom('identity_oidc_payload').where('grant_id', '=', grantId).execute();
    }
  };
}

/** A client-credentials token row as TokenWrites takes it: the payload still an object, the expiry a time. */
type TokenRow = { kind: string; id: string; payload: AdapterPayload; grant_id: string | null; uid: string | null; user_code: string | null; account_id: string | null; expires_at: string | null };

/**
 * Client-credentials tokens, group-committed: department systems ask for them all day, each one a new
 * row. A token is answered only once its row is committed (as before), but the rows of requests
 * arriving together share one INSERT (the kernel's GroupCommit, as the gateway's usage records).
 * The batch goes as one JSON document expanded by the database (`jsonb_to_recordset`): the same
 * statement text whatever the batch size, one parameter, and each payload serialised once with the
 * batch instead of once on its own and again as a bound value.
 */
class TokenWrites extends GroupCommit<TokenRow> {
  constructor(db: Db) {
    super(async (batch) => {
      // One row per id: a statement may not update the same row twice (the last save wins).
      const rows = batch.length === 1 ? batch : [...new Map(batch.map((r) => [r.id, r])).values()];
      await sql`INSERT INTO identity_oidc_payload (kind, id, payload, grant_id, uid, user_code, account_id, expires_at)
        SELECT kind, id, payload, grant_id, uid, user_code, account_id, expires_at
        FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
          AS t(kind text, id text, payload jsonb, grant_id text, uid text, user_code text, account_id text, expires_at timestamptz)
        ON CONFLICT (kind, id) DO UPDATE SET payload = excluded.payload, grant_id = excluded.grant_id, uid = excluded.uid,
          user_code = excluded.user_code, account_id = excluded.account_id, expires_at = excluded.expires_at`.execute(db);
    }, 500);
  }
}
