import { Type } from '@sinclair/typebox';
import type { IncomingMessage } from 'node:http';
import type { FastifyReply } from 'fastify';
import type { App } from '../../../kernel/http/app.ts';
import { NoInput, ProblemSchema } from '../../../kernel/http/schemas.ts';
import { IdentityErrors } from '../errors.ts';
import type { EnterpriseService } from '../enterprises.ts';
import { OIDC_SCOPES, SYSTEM_SCOPES } from '../scopes.ts';
import type { Authenticated, IdentityService, SignInStep } from '../service.ts';
import type { ClientRegistry } from './clients.ts';
import type { OidcHost } from './host.ts';
import { acrOf, INTERACTION_PATH } from './provider.ts';

const tags = ['identity'];
const Uid = Type.Object({ uid: Type.String({ pattern: '^[A-Za-z0-9_-]{10,64}$' }) });
const Phone = Type.String({ pattern: '^1[3-9][0-9]{9}$' });
const Code = Type.String({ pattern: '^[0-9A-Za-z-]{6,16}$' });
const Next = Type.Object({
  redirectTo: Type.Optional(Type.String()),
  mfaRequired: Type.Optional(Type.Boolean()),
  challenge: Type.Optional(Type.String()),
});
const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 410: ProblemSchema, 423: ProblemSchema, 429: ProblemSchema };
const ALL_SCOPES = [...OIDC_SCOPES, ...SYSTEM_SCOPES];
/** What the helpers need of a request (any of the routes below). */
type Req = { params: { uid: string }; raw: IncomingMessage; id: unknown };

/**
 * The JSON API behind the sign-in and consent pages of an SSO request. It lives under the
 * interaction's own path because oidc-provider scopes the interaction cookie to that path: only the
 * browser that started the request can finish it.
 */
export function interactionRoutes(host: OidcHost, identity: IdentityService, clients: ClientRegistry, enterprises: EnterpriseService, authLimit: number) {
  const details = async (req: Req, reply: FastifyReply) => {
    const provider = await host.provider();
    try {
      const d = await provider.interactionDetails(req.raw, reply.raw);
      if (d.uid !== req.params.uid) throw new Error('uid mismatch');
      return { provider, d };
    } catch {
      throw IdentityErrors.interactionGone();
    }
  };

  /** Ends the login prompt of an interaction already loaded (and so checked) by the route. */
  const finish = async (req: Req, reply: FastifyReply, { provider, d }: Awaited<ReturnType<typeof details>>, step: SignInStep) => {
    if (!step.done) return { mfaRequired: true, challenge: step.challenge };
    const auth: Authenticated = step.auth;
    const clientId = String(d.params.client_id);
    const app = await clients.get(clientId);
    if (!app || !app.accountTypes.includes(auth.account.kind)) {
      await identity.recordRefusal(auth, clientId, 'account-type-not-allowed', String(req.id));
      throw IdentityErrors.accountTypeNotAllowed();
    }
    // The platform's own pages open (and audit) their session when the code comes back.
    if (!app.firstParty) await identity.recordSignIn(auth, clientId, String(req.id));
    const redirectTo = await provider.interactionResult(
      req.raw,
      reply.raw,
      { login: { accountId: auth.account.id, amr: auth.amr, acr: acrOf(auth.account.assurance_level) } },
      { mergeWithLastSubmission: false },
    );
    return { redirectTo };
  };

  return async function (app: App) {
    const route = `${INTERACTION_PATH}/:uid`;
    const cfg = { public: true, rateLimit: { max: authLimit, timeWindow: '1 minute' } };

    app.get(
      `${route}/details`,
      {
        config: { public: true },
        schema: {
          tags,
          summary: '单点登录请求详情 / SSO request details',
          params: Uid,
          response: {
            200: Type.Object({
              uid: Type.String(),
              prompt: Type.String(),
              client: Type.Object({ clientId: Type.String(), name: Type.String(), nameEn: Type.Union([Type.String(), Type.Null()]), firstParty: Type.Boolean() }),
              scopes: Type.Array(Type.Object({ code: Type.String(), zh: Type.String(), en: Type.String() })),
              accountName: Type.Union([Type.String(), Type.Null()]),
              enterprises: Type.Array(Type.Object({ enterpriseId: Type.String(), name: Type.String(), role: Type.String() })),
            }),
            ...errors,
          },
        },
      },
      async (req, reply) => {
        const { d } = await details(req, reply);
        const app = await clients.get(String(d.params.client_id));
        if (!app) throw IdentityErrors.interactionGone();
        const requested = String(d.params.scope ?? '').split(' ');
        let accountName: string | null = null;
        let links: { enterpriseId: string; name: string; role: string }[] = [];
        const accountId = d.session?.accountId;
        if (accountId) {
          const acc = await identity.accountRow(accountId);
          const who = acc ? await identity.principalOf(acc, null, null) : null;
          accountName = who?.name ?? null;
          if (who && requested.includes('enterprise')) links = (await enterprises.mine(who)).map((e) => ({ enterpriseId: e.enterpriseId, name: e.name, role: e.role }));
        }
        return {
          uid: d.uid,
          prompt: d.prompt.name,
          client: { clientId: app.clientId, name: app.name, nameEn: app.nameEn, firstParty: app.firstParty },
          scopes: ALL_SCOPES.filter((s) => requested.includes(s.code)),
          accountName,
          enterprises: links,
        };
      },
    );

    app.post(
      `${route}/password`,
      {
        config: cfg,
        schema: {
          tags,
          summary: '单点登录：密码 / SSO sign-in with password',
          params: Uid,
          body: Type.Object({ username: Type.String({ minLength: 1, maxLength: 64 }), password: Type.String({ minLength: 1, maxLength: 128 }) }, { additionalProperties: false }),
          response: { 200: Next, ...errors },
        },
      },
      async (req, reply) => {
        const found = await details(req, reply);
        return finish(req, reply, found, await identity.factors.password(req.body.username, req.body.password, String(req.id)));
      },
    );

    app.post(
      `${route}/sms`,
      {
        config: cfg,
        schema: {
          tags,
          summary: '单点登录：短信验证码 / SSO sign-in with an SMS code',
          params: Uid,
          body: Type.Object({ phone: Phone, code: Code }, { additionalProperties: false }),
          response: { 200: Next, ...errors },
        },
      },
      async (req, reply) => {
        const found = await details(req, reply);
        return finish(req, reply, found, await identity.factors.sms(req.body.phone, req.body.code, String(req.id)));
      },
    );

    app.post(
      `${route}/mfa`,
      {
        config: cfg,
        schema: {
          tags,
          summary: '单点登录：动态口令 / SSO second factor',
          params: Uid,
          body: Type.Object({ challenge: Type.String({ minLength: 20, maxLength: 100 }), code: Code }, { additionalProperties: false }),
          response: { 200: Next, ...errors },
        },
      },
      async (req, reply) => {
        const found = await details(req, reply);
        return finish(req, reply, found, { done: true, auth: await identity.factors.mfa(req.body.challenge, req.body.code, String(req.id)) });
      },
    );

    app.post(
      `${route}/consent`,
      {
        config: cfg,
        schema: {
          tags,
          summary: '单点登录：同意授权 / SSO consent',
          params: Uid,
          body: Type.Object({ actingFor: Type.Optional(Type.Union([Type.String({ format: 'uuid' }), Type.Null()])) }, { additionalProperties: false }),
          response: { 200: Next, ...errors },
        },
      },
      async (req, reply) => {
        const { provider, d } = await details(req, reply);
        const accountId = d.session?.accountId;
        if (d.prompt.name !== 'consent' || !accountId) throw IdentityErrors.interactionGone();
        const clientId = String(d.params.client_id);
        const grant = d.grantId ? ((await provider.Grant.find(d.grantId)) ?? new provider.Grant({ accountId, clientId })) : new provider.Grant({ accountId, clientId });
        const missing = d.prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[]; missingResourceScopes?: Record<string, string[]> };
        if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
        if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
        for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes ?? {})) grant.addResourceScope(indicator, scopes.join(' '));
        const grantId = await grant.save();
        await identity.recordConsent(accountId, clientId, grantId, req.body.actingFor ?? null, String(req.id));
        const redirectTo = await provider.interactionResult(req.raw, reply.raw, { consent: { grantId } }, { mergeWithLastSubmission: true });
        return { redirectTo };
      },
    );

    app.post(
      `${route}/abort`,
      { config: { ...cfg, documentedBody: NoInput }, schema: { tags, summary: '单点登录：拒绝或取消 / SSO deny or cancel', params: Uid, response: { 200: Next, ...errors } } },
      async (req, reply) => {
        const { provider } = await details(req, reply);
        const redirectTo = await provider.interactionResult(
          req.raw,
          reply.raw,
          { error: 'access_denied', error_description: 'The user refused or cancelled the sign-in' },
          { mergeWithLastSubmission: false },
        );
        return { redirectTo };
      },
    );
  };
}
