import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../../../testing/platform.ts';
import { SYSTEM_PRINCIPAL } from '../index.ts';
import { identityDb } from '../tables.ts';
import { databaseAdapter } from './adapter.ts';
import type { OidcHost } from './host.ts';

/**
 * Client-credential tokens are group-committed: the rows of tokens asked for together go in one
 * statement. What is stored must be what the provider made, found again by its own model.
 */
describe('client-credential token storage', () => {
  let t: TestPlatform;
  beforeAll(async () => {
    t = await startTestPlatform();
  });
  afterAll(() => t.close());

  it('stores tokens asked for together exactly as the provider made them, each answered only once stored', async () => {
    const made = await t.p.identity.clients.create(SYSTEM_PRINCIPAL, {
      clientId: 'store-sys',
      name: '存储测试',
      confidential: true,
      redirectUris: [],
      grantTypes: ['client_credentials'],
      scopes: ['org.read'],
      accountTypes: [],
    });
    const host = t.p.identity.oidc as OidcHost;
    const headers = { authorization: `Basic ${Buffer.from(`store-sys:${made.secret}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' };
    const answers = await Promise.all(Array.from({ length: 6 }, () => host.clientCredentials(headers, 'grant_type=client_credentials&scope=org.read')));
    const provider = await host.provider();
    const rows = await identityDb(t.p.kernel.db)
      .selectFrom('identity_oidc_payload')
      .select(['id', 'payload', 'expires_at', 'grant_id', 'account_id'])
      .where('kind', '=', 'ClientCredentials')
      .execute();
    for (const answer of answers) {
      const value = answer!.access_token as string;
      const row = rows.find((r) => r.id === value)!;
      const found = await provider.ClientCredentials.find(value);
      expect(found).toMatchObject({ clientId: 'store-sys', scope: 'org.read', jti: value, kind: 'ClientCredentials' });
      expect(row.payload).toEqual({ iat: found!.iat, exp: found!.exp, jti: value, kind: 'ClientCredentials', clientId: 'store-sys', scope: 'org.read' });
      // The row expires with the token (the prune job and `find` read this column).
      expect(Math.abs(new Date(row.expires_at!).getTime() - found!.exp! * 1000)).toBeLessThan(2000);
      expect([row.grant_id, row.account_id]).toEqual([null, null]);
    }
    expect(new Set(answers.map((a) => a!.access_token)).size).toBe(6);
  });

  it('keeps the last of two saves of one token in one batch, and any text in its payload', async () => {
    const Adapter = databaseAdapter(t.p.kernel.db, t.p.identity.clients);
    const tokens = new Adapter('ClientCredentials');
    const exp = Math.floor(Date.now() / 1000) + 60;
    const payload = (scope: string) => ({ kind: 'ClientCredentials', jti: 'twice', clientId: 'store-sys', exp, scope, extra: { note: '引号 " 反斜杠 \\ 换行 \n' } });
    // The first write goes alone; the two saves of `twice` arrive while it is written and share a batch.
    await Promise.all([tokens.upsert('alone', { ...payload('first'), jti: 'alone' }, 60), tokens.upsert('twice', payload('old'), 60), tokens.upsert('twice', payload('new'), 60)]);
    expect(await tokens.find('twice')).toEqual(payload('new'));
    expect(await tokens.find('alone')).toMatchObject({ scope: 'first' });
  });
});
