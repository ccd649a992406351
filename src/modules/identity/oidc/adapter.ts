import type { Adapter, AdapterPayload } from 'oidc-provider';
import { GroupCommit, type Db } from '../../../kernel/db/index.ts';
import type { ClientRegistry } from './clients.ts';
import { identityDb } from '../tables.ts';

type Values = { kind: string; id: string; payload: string; grant_id: string | null; uid: string | null; user_code: string | null; account_id: string | null; expires_at: Date | null };
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
      const values = {
        payload: JSON.stringify(payload),
        grant_id: payload.grantId ?? null,
        uid: payload.uid ?? null,
        user_code: payload.userCode ?? null,
        account_id: payload.accountId ?? null,
        expires_at: expiresIn ? new Date(Date.now() + expiresIn * 1000) : null,
      };
      if (this.kind === 'ClientCredentials') return tokens.write({ kind: this.kind, id, ...values });
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

/**
 * Client-credentials tokens, group-committed: department systems ask for them all day, each one a new
 * row. A token is answered only once its row is committed (as before), but the rows of requests
 * arriving together share one INSERT (the kernel's GroupCommit, as the gateway's usage records).
 */
class TokenWrites extends GroupCommit<Values> {
  constructor(db: Db) {
    super(async (batch) => {
      // One row per id: a statement may not update the same row twice (the last save wins).
      const rows = [...new Map(batch.map((r) => [r.id, r])).values()];
      await identityDb(db)
        .insertInto('identity_oidc_payload')
        .values(rows)
        .onConflict((oc) =>
          oc.columns(['kind', 'id']).doUpdateSet((eb) => ({
            payload: eb.ref('excluded.payload'),
            grant_id: eb.ref('excluded.grant_id'),
            uid: eb.ref('excluded.uid'),
            user_code: eb.ref('excluded.user_code'),
            account_id: eb.ref('excluded.account_id'),
            expires_at: eb.ref('excluded.expires_at'),
          })),
        )
        .execute();
    }, 500);
  }
}
