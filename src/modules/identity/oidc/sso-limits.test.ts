import { createHash, generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import { exportJWK, SignJWT } from 'jose';
import * as oidc from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CookieBrowser } from '../../../testing/cookie-browser.ts';
import { bearer, department, staffToken, startTestPlatform, TEST_PASSWORD, type TestPlatform } from '../../../testing/platform.ts';
import { OidcHost } from './host.ts';

/**
 * What the provider may be used for, and no more, seen by a real relying party (openid-client):
 * discovery lists only what clients may use, grants a client may not use are refused as such,
 * introspection answers only the token's own client and resource servers, refresh tokens rotate,
 * ID tokens carry `sid`, DPoP-bound tokens need their proof on the platform's API, and a
 * revocation ends a token at once on the node that revoked it and within 5 s on the others.
 */
describe('OpenID Connect provider: only what is advertised, bound and revocable', () => {
  let t: TestPlatform;
  let adminToken = '';
  let issuer = '';
  const RP = 'http://127.0.0.1:39998';
  const secrets: Record<string, string> = {};

  const register = async (body: Record<string, unknown>) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/identity/clients', headers: bearer(adminToken), payload: body });
    expect(res.statusCode, res.body).toBe(201);
    secrets[body.clientId as string] = res.json().secret;
  };
  const rp = (clientId: string) => oidc.discovery(new URL(issuer), clientId, undefined, oidc.ClientSecretBasic(secrets[clientId]), { execute: [oidc.allowInsecureRequests] });
  const oauthError = async (p: Promise<unknown>): Promise<string> => {
    try {
      await p;
      return 'no error';
    } catch (e) {
      const err = e as { error?: string; cause?: { parameters?: { error?: string } }[]; message: string };
      return err.error ?? err.cause?.[0]?.parameters?.error ?? err.message;
    }
  };

  /** A staff member signs in to `dept-rp` through the platform's pages; the RP redeems the code. */
  const signIn = async (cfg: oidc.Configuration) => {
    const verifier = oidc.randomPKCECodeVerifier();
    const url = oidc.buildAuthorizationUrl(cfg, {
      redirect_uri: `${RP}/cb`,
      scope: 'openid profile offline_access',
      prompt: 'consent',
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state: 's1',
    });
    const browser = new CookieBrowser();
    let hop = await browser.follow(url, t.url);
    const login = await browser.request(`${hop.url.href}/password`, { json: { username: 'limits.approver', password: TEST_PASSWORD } });
    expect(login.status).toBe(200);
    hop = await browser.follow(new URL((await login.json()).redirectTo, t.url), t.url);
    if (hop.url.pathname.startsWith('/signin/interaction/')) {
      const consent = await browser.request(`${hop.url.href}/consent`, { json: {} });
      hop = await browser.follow(new URL((await consent.json()).redirectTo, t.url), t.url);
    }
    expect(hop.url.origin).toBe(RP);
    return oidc.authorizationCodeGrant(cfg, hop.url, { pkceCodeVerifier: verifier, expectedState: 's1' });
  };

  /** A DPoP proof made by hand, for the proofs openid-client would never make. */
  const handProof = async (key: { publicKey: KeyObject; privateKey: KeyObject }, claims: Record<string, unknown>) => {
    const jwk = await exportJWK(key.publicKey);
    return new SignJWT({ jti: randomUUID(), iat: Math.floor(Date.now() / 1000), ...claims }).setProtectedHeader({ alg: 'ES256', typ: 'dpop+jwt', jwk }).sign(key.privateKey);
  };
  const ath = (token: string) => createHash('sha256').update(token).digest('base64url');

  beforeAll(async () => {
    t = await startTestPlatform({}, { listen: true });
    issuer = `${t.url}/oidc`;
    const d = await department(t, '152201', '乌兰浩特市数据局');
    adminToken = await staffToken(t, ['platform_admin'], d.id, 'limits.admin');
    await staffToken(t, ['approver'], d.id, 'limits.approver');
    await register({
      clientId: 'dept-rp',
      name: '业务系统',
      confidential: true,
      redirectUris: [`${RP}/cb`],
      grantTypes: ['authorization_code', 'refresh_token'],
      scopes: ['openid', 'profile', 'offline_access'],
      accountTypes: ['staff'],
    });
    await register({ clientId: 'dept-sys', name: '数据交换', confidential: true, redirectUris: [], grantTypes: ['client_credentials'], scopes: ['org.read'], accountTypes: [] });
  });
  afterAll(() => t.close());

  it('advertises only the code flow and the client authentication clients are registered with', async () => {
    const meta = (await rp('dept-rp')).serverMetadata();
    expect(meta.response_types_supported).toEqual(['code']);
    expect(meta.grant_types_supported).toEqual(['authorization_code', 'refresh_token', 'client_credentials']);
    expect(meta.token_endpoint_auth_methods_supported).toEqual(['client_secret_basic', 'none']);
    expect(meta.token_endpoint_auth_signing_alg_values_supported).toBeUndefined();
    expect(meta.claims_supported).toContain('sid');
    // Each advertised response mode is honoured with the code flow (here: the answer to a silent
    // request from a browser with no session comes back the way the mode says).
    expect(meta.response_modes_supported).toEqual(['form_post', 'fragment', 'query']);
    const silent = (mode: string) => {
      const url = new URL(`${issuer}/auth`);
      url.search = new URLSearchParams({
        client_id: 'dept-rp',
        response_type: 'code',
        response_mode: mode,
        redirect_uri: `${RP}/cb`,
        scope: 'openid',
        state: 's',
        prompt: 'none',
        code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
        code_challenge_method: 'S256',
      }).toString();
      return new CookieBrowser().follow(url, t.url);
    };
    expect((await silent('query')).url.searchParams.get('error')).toBe('login_required');
    expect(new URLSearchParams((await silent('fragment')).url.hash.slice(1)).get('error')).toBe('login_required');
    const posted = await (await silent('form_post')).res.text();
    expect(posted).toContain(`action="${RP}/cb"`);
    expect(posted).toContain('login_required');
    // What is not advertised is not accepted either: an implicit or hybrid request is refused.
    for (const responseType of ['id_token', 'code id_token', 'token']) {
      const url = new URL(`${issuer}/auth`);
      url.search = new URLSearchParams({ client_id: 'dept-rp', response_type: responseType, redirect_uri: `${RP}/cb`, scope: 'openid', nonce: 'n', state: 's' }).toString();
      const hop = await new CookieBrowser().follow(url, t.url);
      const error = hop.url.searchParams.get('error') ?? new URLSearchParams(hop.url.hash.slice(1)).get('error') ?? (await hop.res.text());
      expect(error).toMatch(/unsupported_response_type/);
    }
  });

  it('answers unauthorized_client for a grant the client is not registered for', async () => {
    expect(await oauthError(oidc.clientCredentialsGrant(await rp('dept-rp'), { scope: 'org.read' }))).toBe('unauthorized_client');
    expect(await oauthError(oidc.refreshTokenGrant(await rp('dept-sys'), 'some-refresh-token'))).toBe('unauthorized_client');
  });

  it('puts the session id (sid) in ID tokens, also after a refresh', async () => {
    const cfg = await rp('dept-rp');
    const tokens = await signIn(cfg);
    const sid = tokens.claims()!.sid;
    expect(typeof sid).toBe('string');
    expect(String(sid).length).toBeGreaterThan(10);
    const refreshed = await oidc.refreshTokenGrant(cfg, tokens.refresh_token!);
    expect(refreshed.claims()!.sid).toBe(sid);
  });

  it('rotates refresh tokens: a used one is replaced, and reusing it fails and ends the grant', async () => {
    const cfg = await rp('dept-rp');
    const tokens = await signIn(cfg);
    const first = tokens.refresh_token!;
    const next = await oidc.refreshTokenGrant(cfg, first);
    expect(next.refresh_token).toBeTruthy();
    expect(next.refresh_token).not.toBe(first);
    // A thief replaying the old token is refused, and the family it belongs to stops working.
    expect(await oauthError(oidc.refreshTokenGrant(cfg, first))).toBe('invalid_grant');
    expect(await oauthError(oidc.refreshTokenGrant(cfg, next.refresh_token!))).toBe('invalid_grant');
  });

  it('answers introspection only to the token’s own client and registered resource servers', async () => {
    const { access_token } = await oidc.clientCredentialsGrant(await rp('dept-sys'), { scope: 'org.read' });
    expect(await oidc.tokenIntrospection(await rp('dept-sys'), access_token)).toMatchObject({ active: true, client_id: 'dept-sys' });
    // Another confidential client learns nothing about it.
    expect(await oidc.tokenIntrospection(await rp('dept-rp'), access_token)).toEqual({ active: false });
    // A resource server (registered with token.introspect) checks the tokens its callers present.
    await register({ clientId: 'dept-api', name: '资源服务', confidential: true, redirectUris: [], grantTypes: ['client_credentials'], scopes: ['token.introspect'], accountTypes: [] });
    expect(await oidc.tokenIntrospection(await rp('dept-api'), access_token)).toMatchObject({ active: true, client_id: 'dept-sys', scope: 'org.read' });
  });

  it('requires a DPoP-bound token to come with its proof on the platform’s API', async () => {
    const cfg = await rp('dept-sys');
    const dpop = oidc.getDPoPHandle(cfg, await oidc.randomDPoPKeyPair('ES256'));
    const tokens = await oidc.clientCredentialsGrant(cfg, { scope: 'org.read' }, { DPoP: dpop });
    expect(tokens.token_type).toBe('dpop');
    const url = new URL(`${t.url}/api/org/departments`);

    // Stolen and presented as a plain bearer token: refused.
    const asBearer = await fetch(url, { headers: { authorization: `Bearer ${tokens.access_token}` } });
    expect(asBearer.status).toBe(401);
    expect((await asBearer.json()).code).toBe('DPOP_PROOF_INVALID');

    // With its proof, from the key it is bound to: served.
    const ok = await oidc.fetchProtectedResource(cfg, tokens.access_token, url, 'GET', undefined, undefined, { DPoP: dpop });
    expect(ok.status).toBe(200);

    const key = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const send = (proof: string) => fetch(url, { headers: { authorization: `DPoP ${tokens.access_token}`, dpop: proof } });
    // With a proof from another key (the thief's own): refused.
    const otherKey = await send(await handProof(key, { htm: 'GET', htu: url.href, ath: ath(tokens.access_token) }));
    expect(otherKey.status).toBe(401);
    expect((await otherKey.json()).code).toBe('DPOP_PROOF_INVALID');

    // Proofs from the right key (made by the RP, captured instead of sent) but for another URL,
    // method or token, or sent twice: refused.
    const captured: string[] = [];
    const capture = await rp('dept-sys');
    capture[oidc.customFetch] = async (_url, options) => {
      captured.push(new Headers(options.headers).get('dpop')!);
      return new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
    };
    await oidc.fetchProtectedResource(capture, tokens.access_token, new URL(`${t.url}/api/org/other`), 'GET', undefined, undefined, { DPoP: dpop });
    await oidc.fetchProtectedResource(capture, tokens.access_token, url, 'POST', undefined, undefined, { DPoP: dpop });
    await oidc.fetchProtectedResource(capture, 'some-other-token', url, 'GET', undefined, undefined, { DPoP: dpop });
    await oidc.fetchProtectedResource(capture, tokens.access_token, url, 'GET', undefined, undefined, { DPoP: dpop });
    const [wrongUrl, wrongMethod, wrongToken, fresh] = captured;
    for (const bad of [wrongUrl, wrongMethod, wrongToken]) {
      const res = await send(bad);
      expect(res.status).toBe(401);
      expect((await res.json()).code).toBe('DPOP_PROOF_INVALID');
    }
    // The fresh proof works once; the same proof again is a replay.
    expect((await send(fresh)).status).toBe(200);
    const replay = await send(fresh);
    expect(replay.status).toBe(401);
    expect((await replay.json()).code).toBe('DPOP_PROOF_INVALID');
    // Nothing of the above was let through on the strength of a cached lookup.
    expect((await fetch(url, { headers: { authorization: `Bearer ${tokens.access_token}` } })).status).toBe(401);
  });

  it('refuses a DPoP proof that is not recent, or that names the request’s Host instead of the public URL', async () => {
    const cfg = await rp('dept-sys');
    const key = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const jwk = await exportJWK(key.publicKey);
    const url = `${t.url}/api/org/departments`;
    const bindTo = async () => {
      // The key pair as openid-client wants it (WebCrypto), bound at the token endpoint.
      const pair = {
        publicKey: await crypto.subtle.importKey('jwk', jwk, { name: 'ECDSA', namedCurve: 'P-256' }, true, ['verify']),
        privateKey: await crypto.subtle.importKey('jwk', await exportJWK(key.privateKey), { name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign']),
      };
      return oidc.clientCredentialsGrant(cfg, { scope: 'org.read' }, { DPoP: oidc.getDPoPHandle(cfg, pair) });
    };
    const { access_token } = await bindTo();
    const send = async (iat: number) => fetch(url, { headers: { authorization: `DPoP ${access_token}`, dpop: await handProof(key, { htm: 'GET', htu: url, ath: ath(access_token), iat }) } });
    const now = Math.floor(Date.now() / 1000);
    expect((await send(now)).status).toBe(200);
    const stale = await send(now - 3600);
    expect(stale.status).toBe(401);
    expect((await stale.json()).code).toBe('DPOP_PROOF_INVALID');
    expect((await send(now + 3600)).status).toBe(401);
    // The URL a proof must name is the platform's public one, whatever Host the request carries.
    const path = '/api/org/departments';
    const viaHost = async (htu: string) =>
      t.app.inject({ url: path, headers: { host: 'evil.example', authorization: `DPoP ${access_token}`, dpop: await handProof(key, { htm: 'GET', htu, ath: ath(access_token) }) } });
    const forged = await viaHost(`http://evil.example${path}`);
    expect(forged.statusCode).toBe(401);
    expect(forged.json().code).toBe('DPOP_PROOF_INVALID');
    expect((await viaHost(url)).statusCode).toBe(200);
  });

  it('ends a revoked token at once on the node that revoked it, and within 5 s on another node', async () => {
    const cfg = await rp('dept-sys');
    const { access_token } = await oidc.clientCredentialsGrant(cfg, { scope: 'org.read' });
    const url = '/api/org/departments';
    // A second app node on the same database, with its own token cache.
    const nodeB = new OidcHost({ k: t.p.kernel, identity: t.p.identity.service, clients: t.p.identity.clients, keys: t.p.identity.keys, issuer });
    const onB = () => nodeB.clientPrincipal(access_token, { scheme: 'Bearer', method: 'GET', url });
    expect((await t.app.inject({ url, headers: bearer(access_token) })).statusCode).toBe(200);
    expect(await onB()).toMatchObject({ accountId: 'client:dept-sys' });

    await oidc.tokenRevocation(cfg, access_token);
    // This node (which handled the revocation) refuses the token at once.
    expect((await t.app.inject({ url, headers: bearer(access_token) })).statusCode).toBe(401);
    // The other node may still hold its cached lookup, for at most 5 s.
    t.clock.advance(5001);
    expect(await onB()).toBeNull();
  });

  it('ends a deactivated client’s tokens at once on the node that deactivated it', async () => {
    await register({ clientId: 'dept-old', name: '旧系统', confidential: true, redirectUris: [], grantTypes: ['client_credentials'], scopes: ['org.read'], accountTypes: [] });
    const { access_token } = await oidc.clientCredentialsGrant(await rp('dept-old'), { scope: 'org.read' });
    expect((await t.app.inject({ url: '/api/org/departments', headers: bearer(access_token) })).statusCode).toBe(200);
    const off = await t.app.inject({ method: 'PATCH', url: '/api/identity/clients/dept-old', headers: bearer(adminToken), payload: { version: 1, active: false } });
    expect(off.statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/org/departments', headers: bearer(access_token) })).statusCode).toBe(401);
  });
  it('answers a plain client-credentials request itself and hands every other token request to the provider, refusals audited', async () => {
    await register({ clientId: 'dept-fast', name: '快速通道', confidential: true, redirectUris: [], grantTypes: ['client_credentials'], scopes: ['org.read'], accountTypes: [] });
    const host = t.p.identity.oidc as OidcHost;
    const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    const token = (authorization: string, payload: string) => t.app.inject({ method: 'POST', url: '/oidc/token', headers: { ...form, authorization }, payload });
    // The fast path: the provider's token model, so the API, introspection and revocation take it.
    expect(await host.clientCredentials({ ...form, authorization: basic('dept-fast', 'wrong') }, 'grant_type=client_credentials')).toBeNull();
    const ok = await token(basic('dept-fast', secrets['dept-fast']), 'grant_type=client_credentials&scope=org.read');
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.headers['cache-control']).toBe('no-store');
    expect(ok.json()).toMatchObject({ token_type: 'Bearer', expires_in: 3600, scope: 'org.read' });
    expect((await t.app.inject({ url: '/api/org/departments', headers: bearer(ok.json().access_token) })).statusCode).toBe(200);
    const intro = await oidc.tokenIntrospection(await rp('dept-fast'), ok.json().access_token);
    expect(intro).toMatchObject({ active: true, client_id: 'dept-fast', scope: 'org.read' });
    // Everything else is the provider's, with its own answers: a wrong secret, a scope not held, an extra parameter.
    const wrong = await token(basic('dept-fast', 'wrong-secret'), 'grant_type=client_credentials');
    expect([wrong.statusCode, wrong.json().error]).toEqual([401, 'invalid_client']);
    const scope = await token(basic('dept-fast', secrets['dept-fast']), 'grant_type=client_credentials&scope=data.gateway');
    expect([scope.statusCode, scope.json().error]).toEqual([400, 'invalid_scope']);
    const dupe = await token(basic('dept-fast', secrets['dept-fast']), 'grant_type=client_credentials&grant_type=client_credentials');
    expect([dupe.statusCode, dupe.json().error]).toEqual([400, 'invalid_request']);
    const extra = await token(basic('dept-fast', secrets['dept-fast']), 'grant_type=client_credentials&resource=https%3A%2F%2Fapi.example');
    expect([extra.statusCode, extra.json().error]).toEqual([400, 'invalid_target']);
    // The refusals leave their trace as before.
    await expect
      .poll(async () => {
        const refusals = await t.p.kernel.db.selectFrom('kernel_audit_entry').select('summary').where('action', '=', 'sso-refused').execute();
        return refusals
          .map((r) => r.summary as { error?: string; clientId?: string | null })
          .filter((r) => r.clientId === 'dept-fast')
          .map((r) => r.error)
          .sort();
      })
      .toEqual(['invalid_client', 'invalid_request', 'invalid_scope', 'invalid_target']);
  });
});
