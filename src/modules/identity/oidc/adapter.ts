import type { Adapter, AdapterPayload } from 'oidc-provider';
import type { Db } from '../../../kernel/db/index.ts';
import type { ClientRegistry } from './clients.ts';
import { identityDb } from '../tables.ts';

type Row = { payload: AdapterPayload; expires_at: Date | string | null; consumed_at: Date | string | null };

/**
 * oidc-provider's storage on our database: one table for every model (sessions, codes, tokens,
 * grants, interactions), so several app nodes share one SSO state. Clients are read from the
 * admin-managed registry, not from this table.
 */
export function databaseAdapter(db: Db, clients: ClientRegistry) {
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
