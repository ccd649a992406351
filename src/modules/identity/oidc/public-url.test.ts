import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { department, staffToken, startTestPlatform, TEST_PASSWORD, type TestPlatform } from '../../../testing/platform.ts';

/**
 * PUBLIC_URL is https, a TLS-terminating proxy in front speaks plain http to the platform (here:
 * app.inject, which is plain http from 127.0.0.1, with the Host header the proxy passes on).
 */
describe('SSO under an https PUBLIC_URL reached over plain http', () => {
  let t: TestPlatform;
  const PUBLIC = 'https://gov.example';
  beforeAll(async () => {
    t = await startTestPlatform({ publicUrl: PUBLIC });
    const d = await department(t);
    await staffToken(t, ['window_staff'], d.id, 'proxy.staff');
  });
  afterAll(() => t.close());

  /** A browser's cookie jar over app.inject: every request carries the cookies it was given. */
  const jar = new Map<string, string>();
  const visit = async (url: string, init: { method?: 'GET' | 'POST'; json?: unknown } = {}) => {
    const res = await t.app.inject({
      method: init.method ?? 'GET',
      url,
      headers: { host: 'gov.example', ...(init.json ? { origin: PUBLIC } : {}) },
      cookies: Object.fromEntries(jar),
      ...(init.json ? { payload: init.json as object } : {}),
    });
    for (const c of res.cookies) {
      if (c.value === '' || (c.expires && c.expires.getTime() < t.clock.now().getTime()) || c.maxAge === 0) jar.delete(c.name);
      else jar.set(c.name, c.value);
    }
    return res;
  };
  const pathOf = (location: unknown) => {
    const u = new URL(String(location), PUBLIC);
    return `${u.pathname}${u.search}`;
  };

  it('lists only PUBLIC_URL endpoints in discovery, whatever Host the request names', async () => {
    const res = await t.app.inject({ url: '/oidc/.well-known/openid-configuration', headers: { host: 'evil.example' } });
    expect(res.statusCode).toBe(200);
    const meta = res.json() as Record<string, unknown>;
    expect(meta.issuer).toBe(`${PUBLIC}/oidc`);
    expect(meta.token_endpoint).toBe(`${PUBLIC}/oidc/token`);
    const urls = Object.entries(meta).filter(([k]) => k.endsWith('_endpoint') || k === 'jwks_uri');
    expect(urls.length).toBeGreaterThan(4);
    for (const [k, v] of urls) expect(v, k).toMatch(/^https:\/\/gov\.example\/oidc\//);
    // Forwarded headers from an untrusted peer change nothing either.
    const forwarded = await t.app.inject({ url: '/oidc/.well-known/openid-configuration', headers: { host: 'gov.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'http' } });
    expect(forwarded.json().authorization_endpoint).toBe(`${PUBLIC}/oidc/auth`);
  });

  it('signs a staff member in through /auth/login and /oidc/auth with Secure cookies', async () => {
    const login = await visit('/auth/login?next=/workbench');
    expect(login.statusCode).toBe(302);
    const auth = await visit(pathOf(login.headers.location));
    expect(auth.statusCode, auth.body).toBe(303);
    const interaction = pathOf(auth.headers.location);
    expect(interaction).toMatch(/^\/signin\/interaction\/[\w-]+$/);
    expect(auth.cookies.find((c) => c.name === '_interaction')?.secure).toBe(true);

    const password = await visit(`${interaction}/password`, { method: 'POST', json: { username: 'proxy.staff', password: TEST_PASSWORD } });
    expect(password.statusCode, password.body).toBe(200);
    expect(password.json().redirectTo).toMatch(/^https:\/\/gov\.example\/oidc\/auth\//);
    const resume = await visit(pathOf(password.json().redirectTo));
    expect(resume.headers.location).toMatch(/^https:\/\/gov\.example\/auth\/callback\?/);
    const callback = await visit(pathOf(resume.headers.location));
    expect(callback.headers.location).toBe('/workbench');
    const session = callback.cookies.find((c) => c.name === 'yw_session');
    expect(session?.secure).toBe(true);
    const me = await visit('/api/identity/me');
    expect(me.json()).toMatchObject({ type: 'staff', roles: ['window_staff'] });
  });
});
