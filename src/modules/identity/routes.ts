import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../../kernel/http/app.ts';
import { ProblemSchema } from '../../kernel/http/schemas.ts';
import type { Principal } from '../../kernel/policy/index.ts';
import { StaffInputSchema, StaffSchema } from '../org/index.ts';
import type { IdentityService, SignInStep } from './service.ts';

const tags = ['identity'];
export const SESSION_COOKIE = 'yw_session';
export const Phone = Type.String({ pattern: '^1[3-9][0-9]{9}$', description: 'mainland mobile number' });
export const Code = Type.String({ pattern: '^[0-9A-Za-z-]{6,16}$' });

export const Me = Type.Object({
  accountId: Type.String(),
  type: Type.String(),
  name: Type.String(),
  regionCode: Type.String(),
  departmentId: Type.Union([Type.String(), Type.Null()]),
  roles: Type.Array(Type.String()),
  permissions: Type.Array(Type.String()),
  assuranceLevel: Type.Integer(),
  actingFor: Type.Union([Type.Object({ enterpriseId: Type.String(), name: Type.String(), creditCode: Type.String(), role: Type.String(), scopes: Type.Array(Type.String()) }), Type.Null()]),
});
export const meOf = (p: Principal) => ({ ...p, permissions: [...p.permissions], assuranceLevel: p.assuranceLevel ?? 0, actingFor: p.actingFor ?? null });

const Opened = Type.Object({
  token: Type.Optional(Type.String()),
  expiresAt: Type.Optional(Type.String({ format: 'date-time' })),
  me: Type.Optional(Me),
  mfaRequired: Type.Optional(Type.Boolean()),
  challenge: Type.Optional(Type.String()),
});
const errors = { 400: ProblemSchema, 401: ProblemSchema, 423: ProblemSchema, 429: ProblemSchema };

/** Session token from the cookie (pages), or `Authorization: Bearer` / `DPoP` (API clients). */
export function tokenOf(req: FastifyRequest): string | undefined {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice(7).trim();
  if (auth?.startsWith('DPoP ')) return auth.slice(5).trim();
  return req.cookies?.[SESSION_COOKIE];
}

/** Direct sign-in for API clients and scripts (the pages use SSO): each factor, then a session. */
export function identityRoutes(identity: IdentityService, secureCookies: boolean, authLimit: number) {
  const open = async (req: FastifyRequest, reply: FastifyReply, step: SignInStep) => {
    if (!step.done) return reply.status(200).send({ mfaRequired: true, challenge: step.challenge });
    const s = await identity.openSession(step.auth, { userAgent: req.headers['user-agent'], requestId: String(req.id) });
    reply.setCookie(SESSION_COOKIE, s.token, { path: '/', httpOnly: true, sameSite: 'lax', secure: secureCookies, expires: s.expiresAt });
    return reply.status(201).send({ token: s.token, expiresAt: s.expiresAt.toISOString(), me: meOf(s.principal) });
  };
  const signInCfg = { public: true, rateLimit: { max: authLimit, timeWindow: '1 minute' } };

  return async function (app: App) {
    app.post(
      '/api/identity/sessions',
      {
        config: signInCfg,
        schema: {
          tags,
          summary: '登录：用户名或手机号 + 密码 / Sign in with password',
          body: Type.Object({ username: Type.String({ minLength: 1, maxLength: 64 }), password: Type.String({ minLength: 1, maxLength: 128 }) }, { additionalProperties: false }),
          response: { 200: Opened, 201: Opened, ...errors },
        },
      },
      async (req, reply) => open(req, reply, await identity.factors.password(req.body.username, req.body.password, String(req.id))),
    );
    app.post(
      '/api/identity/sessions/sms',
      {
        config: signInCfg,
        schema: {
          tags,
          summary: '登录：短信验证码 / Sign in with an SMS code',
          body: Type.Object({ phone: Phone, code: Code }, { additionalProperties: false }),
          response: { 200: Opened, 201: Opened, ...errors },
        },
      },
      async (req, reply) => open(req, reply, await identity.factors.sms(req.body.phone, req.body.code, String(req.id))),
    );
    app.post(
      '/api/identity/sessions/mfa',
      {
        config: signInCfg,
        schema: {
          tags,
          summary: '登录第二步：动态口令或恢复码 / Second factor',
          body: Type.Object({ challenge: Type.String({ minLength: 20, maxLength: 100 }), code: Code }, { additionalProperties: false }),
          response: { 201: Opened, ...errors },
        },
      },
      async (req, reply) => open(req, reply, { done: true, auth: await identity.factors.mfa(req.body.challenge, req.body.code, String(req.id)) }),
    );
    app.post(
      '/api/identity/sms-codes',
      {
        config: { public: true, rateLimit: { max: authLimit, timeWindow: '1 minute' } },
        schema: {
          tags,
          summary: '发送短信验证码 / Send an SMS code',
          body: Type.Object({ phone: Phone, purpose: Type.Union([Type.Literal('register'), Type.Literal('sign-in')]) }, { additionalProperties: false }),
          response: { 202: Type.Object({ expiresAt: Type.String({ format: 'date-time' }) }), ...errors },
        },
      },
      async (req, reply) => {
        const r = await identity.sms.send(req.body.purpose, req.body.phone, String(req.id));
        return reply.status(202).send({ expiresAt: r.expiresAt.toISOString() });
      },
    );
    app.delete(
      '/api/identity/sessions/current',
      { config: { authenticated: true }, schema: { tags, summary: '退出登录（含单点登录会话） / Sign out, SSO included', response: { 204: Type.Null(), 401: ProblemSchema } } },
      async (req, reply) => {
        await identity.signOut(req.principal!, String(req.id));
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.status(204).send(null);
      },
    );
    app.get('/api/identity/me', { config: { authenticated: true }, schema: { tags, summary: '当前用户 / Current user', response: { 200: Me, 401: ProblemSchema } } }, async (req) =>
      meOf(req.principal!),
    );
    app.post(
      '/api/identity/staff',
      {
        config: { permission: 'org.manage' },
        schema: {
          tags,
          summary: '新增工作人员及账号 / Add staff with account',
          body: Type.Object(
            { staff: StaffInputSchema, username: Type.String({ pattern: '^[a-z][a-z0-9._-]{2,31}$' }), password: Type.String({ minLength: 1, maxLength: 128 }) },
            { additionalProperties: false },
          ),
          response: { 201: Type.Object({ staff: StaffSchema, accountId: Type.String() }), 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 409: ProblemSchema, 422: ProblemSchema },
        },
      },
      async (req, reply) => reply.status(201).send(await identity.createStaffAccount(req.principal!, req.body, String(req.id))),
    );
  };
}
