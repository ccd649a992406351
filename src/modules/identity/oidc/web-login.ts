import * as oidc from 'openid-client';
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../../../kernel/http/app.ts';
import type { Kernel } from '../../../kernel/index.ts';
import { SESSION_COOKIE } from '../routes.ts';
import type { IdentityService } from '../service.ts';
import { WEB_CLIENT_ID } from './clients.ts';
import type { OidcHost } from './host.ts';

const FLOW_COOKIE = 'yw_auth';
const FLOW_MS = 10 * 60_000;

/** Only paths of this site, never another origin (`//evil.example`). */
const safeNext = (next: unknown) => (typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/');

/**
 * Sends openid-client's requests straight into this app (no network hop, no dependence on how the
 * public URL routes back to us), while they stay real HTTP requests to the provider's endpoints.
 */
function injectFetch(app: App): oidc.CustomFetch {
  return async (input, init) => {
    const url = new URL(input);
    const res = await app.inject({
      method: (init.method ?? 'GET') as 'GET',
      url: `${url.pathname}${url.search}`,
      headers: { ...Object.fromEntries(new Headers(init.headers)), host: url.host },
      ...(init.body != null ? { payload: typeof init.body === 'string' ? init.body : init.body instanceof URLSearchParams ? init.body.toString() : Buffer.from(init.body as Uint8Array) } : {}),
    });
    const headers = new Headers();
    for (const [k, v] of Object.entries(res.headers)) for (const one of Array.isArray(v) ? v : [v]) if (one !== undefined) headers.append(k, String(one));
    return new Response(res.statusCode === 204 || res.statusCode === 304 ? null : new Uint8Array(res.rawPayload), { status: res.statusCode, headers });
  };
}

/**
 * The platform's own pages as an OpenID Connect relying party of its own provider (a
 * backend-for-frontend): the browser only ever holds the httpOnly session cookie, and a staff member
 * or citizen signs in to the portal exactly as to any department system.
 */
export function webLoginRoutes(k: Kernel, host: OidcHost, identity: IdentityService, redirectUris: string[], clientSecret: () => Promise<string>) {
  const secure = redirectUris[0].startsWith('https://');
  let config: Promise<oidc.Configuration> | null = null;
  const configFor = (app: App) =>
    (config ??= clientSecret().then((secret) =>
      oidc.discovery(new URL(host.issuer), WEB_CLIENT_ID, undefined, oidc.ClientSecretBasic(secret), {
        [oidc.customFetch]: injectFetch(app),
        execute: host.issuer.startsWith('http://') ? [oidc.allowInsecureRequests] : [],
      }),
    ));
  // The callback on the host the browser used, when it is registered; otherwise the canonical one.
  const callbackFor = (req: FastifyRequest) => {
    const here = `${secure ? 'https' : req.protocol}://${req.headers.host}/auth/callback`;
    return redirectUris.includes(here) ? here : null;
  };

  return async function (app: App) {
    app.get(
      '/auth/login',
      {
        config: { public: true },
        schema: {
          tags: ['identity'],
          summary: '平台页面登录（单点登录） / Sign in to the platform pages via SSO',
          querystring: Type.Object({ next: Type.Optional(Type.String({ maxLength: 500 })) }),
          response: { 302: Type.Null({ description: '转到身份提供方 / on to the identity provider' }) },
        },
      },
      async (req, reply) => {
        const next = safeNext(req.query.next);
        const redirectUri = callbackFor(req);
        if (!redirectUri) return reply.redirect(`${new URL(redirectUris[0]).origin}/auth/login?next=${encodeURIComponent(next)}`);
        const cfg = await configFor(app);
        const verifier = oidc.randomPKCECodeVerifier();
        const flow = { state: oidc.randomState(), nonce: oidc.randomNonce(), verifier, next, redirectUri, at: Date.now() };
        const url = oidc.buildAuthorizationUrl(cfg, {
          redirect_uri: redirectUri,
          scope: 'openid profile phone org enterprise',
          code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
          code_challenge_method: 'S256',
          state: flow.state,
          nonce: flow.nonce,
        });
        reply.setCookie(FLOW_COOKIE, k.crypto.encryptField(JSON.stringify(flow)), { path: '/auth', httpOnly: true, sameSite: 'lax', secure, maxAge: FLOW_MS / 1000 });
        // Same host as the browser is on, so the provider's cookies and ours sit together.
        return reply.redirect(`${url.pathname}${url.search}`);
      },
    );

    app.get('/auth/callback', { config: { public: true }, schema: { tags: ['identity'], summary: '单点登录回调 / SSO callback', hide: true } }, async (req: FastifyRequest, reply: FastifyReply) => {
      const sealed = req.cookies[FLOW_COOKIE];
      reply.clearCookie(FLOW_COOKIE, { path: '/auth' });
      const query = req.query as Record<string, string | undefined>;
      if (query.error) return reply.redirect(`/signin?error=${query.error === 'access_denied' ? 'denied' : 'failed'}`);
      let flow: { state: string; nonce: string; verifier: string; next: string; redirectUri: string; at: number };
      try {
        flow = JSON.parse(k.crypto.decryptField(String(sealed)));
        if (Date.now() - flow.at > FLOW_MS) throw new Error('expired');
      } catch {
        return reply.redirect('/signin?error=expired');
      }
      try {
        const cfg = await configFor(app);
        const current = new URL(`${flow.redirectUri}?${new URLSearchParams(query as Record<string, string>)}`);
        const tokens = await oidc.authorizationCodeGrant(cfg, current, { pkceCodeVerifier: flow.verifier, expectedState: flow.state, expectedNonce: flow.nonce, idTokenExpected: true });
        const claims = tokens.claims()!;
        const account = await identity.accountRow(String(claims.sub));
        if (!account) return reply.redirect('/signin?error=failed');
        const s = await identity.openSession(
          { account, amr: (claims.amr as string[] | undefined) ?? ['pwd'] },
          { userAgent: req.headers['user-agent'], requestId: String(req.id), oidcSid: claims.sid as string | undefined, clientId: WEB_CLIENT_ID },
        );
        reply.setCookie(SESSION_COOKIE, s.token, { path: '/', httpOnly: true, sameSite: 'lax', secure, expires: s.expiresAt });
        return reply.redirect(flow.next);
      } catch (err) {
        req.log.warn({ err: (err as Error).message }, 'web sign-in callback refused');
        return reply.redirect('/signin?error=failed');
      }
    });
  };
}
