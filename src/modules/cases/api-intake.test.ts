import * as oidc from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupCases, type CaseWorld } from '../../testing/cases.ts';
import { bearer, staffToken, startTestPlatform, type TestPlatform } from '../../testing/platform.ts';

/** A department system reporting cases with a real client-credentials token from our provider. */
describe('cases from a connected system', () => {
  let t: TestPlatform;
  let w: CaseWorld;
  const secrets: Record<string, string> = {};
  beforeAll(async () => {
    t = await startTestPlatform({}, { listen: true });
    w = await setupCases(t);
    const admin = await staffToken(t, ['platform_admin'], w.centre);
    for (const [clientId, scopes] of [
      ['city-iot', ['cases.intake']],
      ['reader', ['org.read']],
    ] as const) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/identity/clients',
        headers: bearer(admin),
        payload: { clientId, name: clientId, confidential: true, redirectUris: [], grantTypes: ['client_credentials'], scopes, accountTypes: [] },
      });
      expect(res.statusCode, res.body).toBe(201);
      secrets[clientId] = res.json().secret;
    }
  });
  afterAll(async () => t?.close());

  const token = async (clientId: string, scope: string) => {
    const cfg = await oidc.discovery(new URL(`${t.url}/oidc`), clientId, undefined, oidc.ClientSecretBasic(secrets[clientId]), { execute: [oidc.allowInsecureRequests] });
    return (await oidc.clientCredentialsGrant(cfg, { scope })).access_token;
  };
  const post = (accessToken: string, body: Record<string, unknown>) =>
    fetch(`${t.url}/api/cases`, { method: 'POST', headers: { ...bearer(accessToken), 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('files a case on the api channel, and a retry with the same reference returns the first case', async () => {
    const at = await token('city-iot', 'cases.intake');
    const body = { kind: 'report', content: '智慧停车系统发现兴安南大街占道停车超过2小时', externalRef: 'PARK-2026-0001', lon: 122.06, lat: 46.086 };
    const first = await post(at, body);
    expect(first.status).toBe(201);
    const again = await post(at, body);
    expect(again.status).toBe(200);
    expect((await again.json()).id).toBe((await first.json()).id);
    const rows = await t.p.kernel.db.selectFrom('cases_case').select(['channel', 'street_code']).where('external_ref', '=', 'PARK-2026-0001').execute();
    expect(rows).toEqual([{ channel: 'api', street_code: '152201003' }]);
  });

  it('refuses a system whose token lacks the scope', async () => {
    const at = await token('reader', 'org.read');
    const res = await post(at, { kind: 'report', content: '测试' });
    expect(res.status).toBe(403);
    expect((await res.json()).code).toBe('FORBIDDEN');
  });
});
