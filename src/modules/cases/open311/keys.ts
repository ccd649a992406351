import { randomBytes } from 'node:crypto';
import { newId as uuidv7 } from '../../../kernel/ids/index.ts';
import type { Kernel } from '../../../kernel/index.ts';
import { actorOf, assertAllowed, type Policy, type Principal } from '../../../kernel/policy/index.ts';
import { casesDb } from '../tables.ts';

/**
 * Open311 api keys: issued to an app (FixMyStreet and others) for one jurisdiction. Only a keyed
 * digest of the key is stored; the key itself is shown once, when it is made.
 */
export class Open311Keys {
  constructor(
    private readonly k: Kernel,
    private readonly policy: Policy,
  ) {}

  /** The principal an app acts as when it posts with this key, or null for an unknown or revoked key. */
  async principalOf(apiKey: string): Promise<Principal | null> {
    if (!apiKey || apiKey.length > 200) return null;
    const row = await casesDb(this.k.db).selectFrom('cases_api_key').selectAll().where('key_index', '=', this.k.crypto.blindIndex(apiKey)).where('active', '=', true).executeTakeFirst();
    if (!row) return null;
    return { accountId: `open311:${row.id}`, type: 'client', name: row.name, regionCode: row.region_code, departmentId: null, roles: [], permissions: new Set(['cases.intake']), sessionId: null };
  }

  async jurisdictionOf(apiKey: string): Promise<string | null> {
    const row = await casesDb(this.k.db).selectFrom('cases_api_key').select('jurisdiction_id').where('key_index', '=', this.k.crypto.blindIndex(apiKey)).where('active', '=', true).executeTakeFirst();
    return row?.jurisdiction_id ?? null;
  }

  /** Issues a key (or registers a known one, for the demo seed). Returns the key, shown once. */
  async issue(who: Principal, name: string, given?: string, requestId?: string): Promise<{ id: string; apiKey: string }> {
    const region = this.k.config.regionCode;
    assertAllowed(this.policy, who, 'cases.manage', { regionCode: region });
    const apiKey = given ?? randomBytes(24).toString('base64url');
    const id = uuidv7();
    await this.k.db.transaction().execute(async (trx) => {
      await casesDb(trx)
        .insertInto('cases_api_key')
        .values({ id, key_index: this.k.crypto.blindIndex(apiKey), name, jurisdiction_id: region, region_code: region, created_at: this.k.clock.now() })
        .execute();
      await this.k.recordChange(trx, { actor: actorOf(who), action: 'api-key-issued', objectType: 'cases.api-key', objectId: id, regionCode: region, change: { name }, requestId });
    });
    return { id, apiKey };
  }
}
