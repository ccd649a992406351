import * as oidc from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CookieBrowser } from '../../../testing/cookie-browser.ts';
import { providerContextOn } from './request-context.ts';
import { makeCitizenId } from '../../../kernel/ids/index.ts';
import { bearer, department, personToken, staffToken, startTestPlatform, TEST_PASSWORD, type TestPlatform } from '../../../testing/platform.ts';

/**
 * A real relying party (openid-client) against the running platform: discovery, code flow with
 * PKCE through the platform's own sign-in and consent endpoints, userinfo, refresh, RP-initiated
 * logout, client credentials, and the attacks the provider must refuse.
 */
describe('OpenID Connect single sign-on with a real relying party', () => {
  let t: TestPlatform;
  let adminToken = '';
  let issuer = '';
  const RP = 'http://127.0.0.1:39999';
  const secrets: Record<string, string> = {};

  const register = async (body: Record<string, unknown>) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/identity/clients', headers: bearer(adminToken), payload: body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { client: { clientId: string; version: number }; secret: string | null };
  };
  const rp = (clientId: string) => oidc.discovery(new URL(issuer), clientId, undefined, oidc.ClientSecretBasic(secrets[clientId]), { execute: [oidc.allowInsecureRequests] });

  /** The OAuth error code an openid-client call failed with (from the body or WWW-Authenticate). */
  const oauthError = async (p: Promise<unknown>): Promise<string> => {
    try {
      await p;
      return 'no error';
    } catch (e) {
      const err = e as { error?: string; cause?: { parameters?: { error?: string } }[]; message: string };
      return err.error ?? err.cause?.[0]?.parameters?.error ?? err.message;
    }
  };

  /** Starts a code flow as the RP would; returns what it must keep. */
  const start = async (cfg: oidc.Configuration, extra: Record<string, string> = {}) => {
    const verifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const url = oidc.buildAuthorizationUrl(cfg, {
      redirect_uri: `${RP}/cb`,
      scope: 'openid profile org offline_access',
      prompt: 'consent',
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      // Voluntary acr request: the ID token then says which assurance level signed in.
      acr_values: 'urn:yiwang:loa:3 urn:yiwang:loa:2 urn:yiwang:loa:1',
      ...extra,
    });
    return { verifier, state, url };
  };

  /** The browser side: sign in on the interaction API, consent, and come back with the code. */
  const signInAndConsent = async (browser: CookieBrowser, authUrl: URL, username: string, password = TEST_PASSWORD): Promise<URL> => {
    let hop = await browser.follow(authUrl, t.url);
    expect(hop.url.pathname).toMatch(/^\/signin\/interaction\//);
    const login = await browser.request(`${hop.url.href}/password`, { json: { username, password } });
    expect(login.status, await login.clone().text()).toBe(200);
    hop = await browser.follow(new URL((await login.json()).redirectTo, t.url), t.url);
    if (hop.url.pathname.startsWith('/signin/interaction/')) {
      const details = await (await browser.request(`${hop.url.href}/details`)).json();
      expect(details.prompt).toBe('consent');
      expect(details.scopes.map((s: { code: string }) => s.code)).toContain('org');
      const consent = await browser.request(`${hop.url.href}/consent`, { json: {} });
      expect(consent.status).toBe(200);
      hop = await browser.follow(new URL((await consent.json()).redirectTo, t.url), t.url);
    }
    expect(hop.url.origin).toBe(RP);
    return hop.url;
  };

  beforeAll(async () => {
    t = await startTestPlatform({}, { listen: true });
    issuer = `${t.url}/oidc`;
    const d = await department(t, '152201', '乌兰浩特市市场监督管理局');
    adminToken = await staffToken(t, ['platform_admin'], d.id, 'sso.admin');
    await staffToken(t, ['approver'], d.id, 'sso.approver');
    const web = await register({
      clientId: 'dept-rp',
      name: '市场监管业务系统',
      confidential: true,
      redirectUris: [`${RP}/cb`],
      postLogoutRedirectUris: [`${RP}/bye`],
      grantTypes: ['authorization_code', 'refresh_token'],
      scopes: ['openid', 'profile', 'org', 'offline_access', 'enterprise'],
      accountTypes: ['staff'],
    });
    secrets['dept-rp'] = web.secret!;
    const sys = await register({ clientId: 'dept-sys', name: '市场监管数据交换', confidential: true, redirectUris: [], grantTypes: ['client_credentials'], scopes: ['org.read'], accountTypes: [] });
    secrets['dept-sys'] = sys.secret!;
  });
  afterAll(() => t.close());

  it('publishes discovery and a JWKS, and requires PKCE', async () => {
    const cfg = await rp('dept-rp');
    const meta = cfg.serverMetadata();
    expect(meta.issuer).toBe(issuer);
    expect(meta.code_challenge_methods_supported).toEqual(['S256']);
    const jwks = await (await fetch(meta.jwks_uri!)).json();
    expect(jwks.keys.length).toBeGreaterThan(0);
    expect(jwks.keys[0]).not.toHaveProperty('d');
    // Without a code challenge the provider refuses the request.
    const noPkce = oidc.buildAuthorizationUrl(cfg, { redirect_uri: `${RP}/cb`, scope: 'openid', state: 'x' });
    const res = await new CookieBrowser().follow(noPkce, t.url);
    expect(res.url.searchParams.get('error') ?? (await res.res.text())).toMatch(/invalid_request|code_challenge/);
  });

  it('signs a staff member in with code + PKCE, releases staff claims, refreshes, and logs out', async () => {
    const cfg = await rp('dept-rp');
    const browser = new CookieBrowser();
    const flow = await start(cfg);
    const back = await signInAndConsent(browser, flow.url, 'sso.approver');
    const tokens = await oidc.authorizationCodeGrant(cfg, back, { pkceCodeVerifier: flow.verifier, expectedState: flow.state });
    const claims = tokens.claims()!;
    expect(claims.iss).toBe(issuer);
    expect(claims.acr).toBe('urn:yiwang:loa:3');
    expect(claims.amr).toEqual(['pwd']);
    const info = await oidc.fetchUserInfo(cfg, tokens.access_token, claims.sub);
    expect(info).toMatchObject({ account_type: 'staff', roles: ['approver'], region_code: '152201' });
    expect(info.department_id).toBeTruthy();
    expect(tokens.refresh_token).toBeTruthy();

    const refreshed = await oidc.refreshTokenGrant(cfg, tokens.refresh_token!);
    expect(refreshed.access_token).not.toBe(tokens.access_token);
    expect((await oidc.fetchUserInfo(cfg, refreshed.access_token, claims.sub)).sub).toBe(claims.sub);

    // A second RP request in the same browser needs no password (single sign-on).
    const again = await start(cfg, { prompt: '' });
    const hop = await browser.follow(again.url, t.url);
    expect(hop.url.origin).toBe(RP);
    expect(hop.url.searchParams.get('code')).toBeTruthy();

    // RP-initiated logout: a confirmation page, then back to the RP; the SSO session is gone.
    const end = oidc.buildEndSessionUrl(cfg, { id_token_hint: tokens.id_token!, post_logout_redirect_uri: `${RP}/bye` });
    const page = await browser.follow(end, t.url);
    const html = await page.res.text();
    expect(html).toContain('退出统一身份认证');
    const action = html.match(/action="([^"]+)"/)![1];
    const xsrf = html.match(/name="xsrf" value="([^"]+)"/)![1];
    const confirm = await browser.request(new URL(action, t.url), { form: { xsrf, logout: 'yes' } });
    expect(new URL(confirm.headers.get('location')!, t.url).href).toBe(`${RP}/bye`);
    const after = await browser.follow((await start(cfg)).url, t.url);
    expect(after.url.pathname).toMatch(/^\/signin\/interaction\//);

    const audited = await t.p.kernel.db
      .selectFrom('kernel_audit_entry')
      .select(['action'])
      .where('object_type', '=', 'identity.account')
      .where('action', 'in', ['signed-in', 'sso-consent-given'])
      .execute();
    expect(audited.map((a) => a.action)).toEqual(expect.arrayContaining(['signed-in', 'sso-consent-given']));
  });

  it('refuses a wrong password, a replayed code, a PKCE mismatch and an unregistered redirect URI', async () => {
    const cfg = await rp('dept-rp');
    const browser = new CookieBrowser();
    const flow = await start(cfg);
    const hop = await browser.follow(flow.url, t.url);
    const bad = await browser.request(`${hop.url.href}/password`, { json: { username: 'sso.approver', password: 'Wrong2026pass' } });
    expect(bad.status).toBe(401);
    expect((await bad.json()).code).toBe('INVALID_CREDENTIALS');

    const back = await signInAndConsent(new CookieBrowser(), (await start(cfg)).url, 'sso.approver');
    expect(await oauthError(oidc.authorizationCodeGrant(cfg, back, { pkceCodeVerifier: oidc.randomPKCECodeVerifier(), expectedState: back.searchParams.get('state')! }))).toBe('invalid_grant');
    // A code that worked once cannot be replayed.
    const f2 = await start(cfg);
    const back2 = await signInAndConsent(new CookieBrowser(), f2.url, 'sso.approver');
    await oidc.authorizationCodeGrant(cfg, back2, { pkceCodeVerifier: f2.verifier, expectedState: f2.state });
    expect(await oauthError(oidc.authorizationCodeGrant(cfg, back2, { pkceCodeVerifier: f2.verifier, expectedState: f2.state }))).toBe('invalid_grant');

    const evil = new URL(flow.url);
    evil.searchParams.set('redirect_uri', 'https://evil.example/cb');
    const res = await new CookieBrowser().request(evil);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('redirect_uri');

    // Each refusal is in the audit ledger (written as the provider reports it).
    await new Promise((r) => setTimeout(r, 300));
    const refusals = await t.p.kernel.db.selectFrom('kernel_audit_entry').select(['object_id', 'summary']).where('action', '=', 'sso-refused').execute();
    const errors = refusals.map((r) => `${r.object_id}:${(r.summary as { error: string }).error}`);
    expect(errors).toEqual(expect.arrayContaining(['grant:invalid_grant', 'authorization:invalid_redirect_uri']));
    const wrongPassword = await t.p.kernel.db.selectFrom('kernel_audit_entry').select('action').where('action', '=', 'sign-in-failed').execute();
    expect(wrongPassword.length).toBeGreaterThan(0);
  });

  it('refuses sign-in steps from a browser that did not start the request, and malformed ones', async () => {
    const cfg = await rp('dept-rp');
    const hop = await new CookieBrowser().follow((await start(cfg)).url, t.url);
    // Another browser (no interaction cookie) cannot finish someone else's sign-in.
    const stranger = await new CookieBrowser().request(`${hop.url.href}/password`, { json: { username: 'sso.approver', password: TEST_PASSWORD } });
    expect(stranger.status).toBe(410);
    expect(await stranger.json()).toMatchObject({ code: 'INTERACTION_EXPIRED', en: expect.stringContaining('expired') });
    const badUid = await new CookieBrowser().request(`${t.url}/signin/interaction/x!/password`, { json: { username: 'a', password: 'b' } });
    expect(badUid.status).toBe(400);
    const noBody = await new CookieBrowser().request(`${hop.url.href}/password`, { json: { username: 'sso.approver' } });
    expect(noBody.status).toBe(400);
  });

  it('tells a department system which enterprise a person acts for, as chosen at consent', async () => {
    const people = await register({
      clientId: 'dept-people',
      name: '企业服务系统',
      confidential: true,
      redirectUris: [`${RP}/cb`],
      grantTypes: ['authorization_code'],
      scopes: ['openid', 'profile', 'enterprise'],
      accountTypes: ['person'],
    });
    secrets['dept-people'] = people.secret!;
    const idNumber = makeCitizenId('152201', '1979-09-09', 5);
    const rep = await personToken(t, { realName: { name: '那日苏', idNumber } });
    const personId = (await t.p.kernel.db.selectFrom('identity_account').select('person_id').where('id', '=', rep.accountId).executeTakeFirstOrThrow()).person_id;
    const ent = await t.p.kernel.db
      .insertInto('identity_enterprise')
      .values({
        id: '01900000-0000-7000-8000-0000000000e1',
        region_code: '152201',
        name: '乌兰浩特市罕山物流有限公司',
        credit_code: '91152201MA0R7K2Q5L',
        legal_person_id: personId,
        created_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect((await t.app.inject({ method: 'POST', url: '/api/identity/me/enterprises', headers: bearer(rep.token), payload: { creditCode: '91152201MA0R7K2Q5L' } })).statusCode).toBe(201);

    const cfg = await rp('dept-people');
    const verifier = oidc.randomPKCECodeVerifier();
    const url = oidc.buildAuthorizationUrl(cfg, {
      redirect_uri: `${RP}/cb`,
      scope: 'openid profile enterprise',
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state: 'ent',
    });
    const browser = new CookieBrowser();
    let hop = await browser.follow(url, t.url);
    const login = await browser.request(`${hop.url.href}/password`, { json: { username: rep.phone, password: TEST_PASSWORD } });
    hop = await browser.follow(new URL((await login.json()).redirectTo, t.url), t.url);
    const details = await (await browser.request(`${hop.url.href}/details`)).json();
    expect(details.enterprises).toEqual([{ enterpriseId: ent.id, name: '乌兰浩特市罕山物流有限公司', role: 'legal_rep' }]);
    // Choosing an enterprise the person may not act for is refused.
    const forged = await browser.request(`${hop.url.href}/consent`, { json: { actingFor: '01900000-0000-7000-8000-0000000000ff' } });
    expect(forged.status).toBe(403);
    const consent = await browser.request(`${hop.url.href}/consent`, { json: { actingFor: ent.id } });
    hop = await browser.follow(new URL((await consent.json()).redirectTo, t.url), t.url);
    const tokens = await oidc.authorizationCodeGrant(cfg, hop.url, { pkceCodeVerifier: verifier, expectedState: 'ent' });
    const info = await oidc.fetchUserInfo(cfg, tokens.access_token, tokens.claims()!.sub);
    expect(info).toMatchObject({ account_type: 'person', assurance_level: 2, name: '那日苏', acting_for: { enterprise_id: ent.id, credit_code: '91152201MA0R7K2Q5L', role: 'legal_rep' } });
  });

  it('refuses an account type the client does not accept, and forged access tokens', async () => {
    const citizen = await personToken(t);
    const profile = await t.app.inject({ url: '/api/identity/me/profile', headers: bearer(citizen.token) });
    const cfg = await rp('dept-rp');
    const browser = new CookieBrowser();
    const hop = await browser.follow((await start(cfg)).url, t.url);
    const res = await browser.request(`${hop.url.href}/password`, { json: { username: profile.json().username, password: TEST_PASSWORD } });
    expect(res.status).toBe(403);
    expect((await res.json()).code).toBe('ACCOUNT_TYPE_NOT_ALLOWED');
    const refusal = await t.p.kernel.db.selectFrom('kernel_audit_entry').select('summary').where('action', '=', 'sso-sign-in-refused').where('object_id', '=', citizen.accountId).execute();
    expect(refusal).toEqual([{ summary: { via: 'dept-rp', reason: 'account-type-not-allowed' } }]);
    expect(await oauthError(oidc.fetchUserInfo(cfg, 'forged-access-token', 'nobody'))).toBe('invalid_token');
  });

  it('lets a department system call the API with client credentials, only within its scopes', async () => {
    const cfg = await rp('dept-sys');
    const tokens = await oidc.clientCredentialsGrant(cfg, { scope: 'org.read' });
    expect(tokens.access_token).toBeTruthy();
    const list = await t.app.inject({ url: '/api/org/departments', headers: bearer(tokens.access_token) });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.some((d: { name: string }) => d.name === '乌兰浩特市市场监督管理局')).toBe(true);
    const write = await t.app.inject({ method: 'POST', url: '/api/org/departments', headers: bearer(tokens.access_token), payload: { regionCode: '152201', code: 'SYSX', name: '系统不能建的部门' } });
    expect(write.statusCode).toBe(403);
    expect(await oauthError(oidc.clientCredentialsGrant(cfg, { scope: 'profile' }))).toBe('invalid_scope');
    const wrongSecret = await oidc.discovery(new URL(issuer), 'dept-sys', undefined, oidc.ClientSecretBasic('not-the-secret'), { execute: [oidc.allowInsecureRequests] });
    expect(await oauthError(oidc.clientCredentialsGrant(wrongSecret, { scope: 'org.read' }))).toBe('invalid_client');
  });

  it('keeps each provider request its context when many run at once, and switches the context storage off after', async () => {
    const cfg = await rp('dept-sys');
    const all = await Promise.all(Array.from({ length: 8 }, () => oidc.clientCredentialsGrant(cfg, { scope: 'org.read' })));
    // Token lifetimes come from the provider's request context: lose it and these would be wrong or fail.
    expect(all.map((x) => x.expires_in)).toEqual(Array(8).fill(all[0].expires_in));
    expect(all[0].expires_in).toBeGreaterThan(0);
    expect(new Set(all.map((x) => x.access_token)).size).toBe(8);
    expect((await t.app.inject({ url: '/api/org/departments', headers: bearer(all[7].access_token) })).statusCode).toBe(200);
    // With no provider request in progress, other routes do not pay for the storage's promise hooks.
    expect(providerContextOn()).toBe(false);
  });

  it('lets a resource server introspect a token, and deactivating the client ends its tokens', async () => {
    const cfg = await rp('dept-sys');
    const { access_token } = await oidc.clientCredentialsGrant(cfg, { scope: 'org.read' });
    const info = await oidc.tokenIntrospection(cfg, access_token);
    expect(info).toMatchObject({ active: true, client_id: 'dept-sys', scope: 'org.read' });
    expect(await oidc.tokenIntrospection(cfg, 'not-a-token')).toMatchObject({ active: false });
    expect((await t.app.inject({ url: '/api/org/departments', headers: bearer(access_token) })).statusCode).toBe(200);
    const current = (await t.app.inject({ url: '/api/identity/clients/dept-sys', headers: bearer(adminToken) })).json();
    const off = await t.app.inject({ method: 'PATCH', url: '/api/identity/clients/dept-sys', headers: bearer(adminToken), payload: { version: current.version, active: false } });
    expect(off.json().active).toBe(false);
    // A stale version is refused and changes nothing.
    const stale = await t.app.inject({ method: 'PATCH', url: '/api/identity/clients/dept-sys', headers: bearer(adminToken), payload: { version: current.version, active: true } });
    expect(stale.statusCode).toBe(409);
    // This node forgets its cached lookups of the client's tokens at once (others within 5 s).
    expect((await t.app.inject({ url: '/api/org/departments', headers: bearer(access_token) })).statusCode).toBe(401);
    expect(await oauthError(oidc.clientCredentialsGrant(cfg, { scope: 'org.read' }))).toBe('invalid_client');
  });

  it('rotates the signing key: new tokens carry the new key id and still verify', async () => {
    const before = await (await fetch(`${issuer}/jwks`)).json();
    const rot = await t.app.inject({ method: 'POST', url: '/api/identity/signing-keys/rotate', headers: bearer(adminToken) });
    expect(rot.statusCode).toBe(201);
    const kid = rot.json().kid;
    const after = await (await fetch(`${issuer}/jwks`)).json();
    expect(after.keys.map((k: { kid: string }) => k.kid)).toEqual(expect.arrayContaining([kid, before.keys[0].kid]));
    const cfg = await rp('dept-rp');
    const flow = await start(cfg);
    const back = await signInAndConsent(new CookieBrowser(), flow.url, 'sso.approver');
    const tokens = await oidc.authorizationCodeGrant(cfg, back, { pkceCodeVerifier: flow.verifier, expectedState: flow.state });
    const header = JSON.parse(Buffer.from(tokens.id_token!.split('.')[0], 'base64url').toString());
    expect(header.kid).toBe(kid);
  });
});
