import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../../../testing/platform.ts';
import { OidcHost } from './host.ts';

describe('OIDC host', () => {
  let t: TestPlatform;
  beforeAll(async () => {
    t = await startTestPlatform();
  });
  afterAll(() => t.close());

  it('builds one provider for the requests that arrive together before it has one', async () => {
    const p = t.p.identity;
    const fresh = new OidcHost({ k: t.p.kernel, identity: p.service, clients: p.clients, keys: p.keys, issuer: (p.oidc as OidcHost).issuer });
    const providers = await Promise.all(Array.from({ length: 8 }, () => fresh.provider()));
    expect(new Set(providers).size).toBe(1);
    expect(await fresh.provider()).toBe(providers[0]);
  });

  it('reads a token request’s body whole, and hands one past the bound to the provider, which refuses it as before', async () => {
    const form = { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from('nobody:secret').toString('base64')}` };
    // An unknown client: the fast path read the body and handed the request on, and the provider refuses it.
    const unknown = await t.app.inject({ method: 'POST', url: '/oidc/token', headers: form, payload: 'grant_type=client_credentials&scope=org.read' });
    expect([unknown.statusCode, unknown.json().error]).toEqual([401, 'invalid_client']);
    const huge = await t.app.inject({ method: 'POST', url: '/oidc/token', headers: form, payload: `grant_type=client_credentials&scope=${'a'.repeat(60 * 1024)}` });
    expect([huge.statusCode, huge.json()]).toEqual([400, { error: 'invalid_request', error_description: 'failed to parse the request body' }]);
  });
});
