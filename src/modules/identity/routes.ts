import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import type { App } from '../../kernel/http/app.ts';
import { ProblemSchema } from '../../kernel/http/schemas.ts';
import type { Principal } from '../../kernel/policy/index.ts';
import { StaffInputSchema, StaffSchema } from '../org/index.ts';
import type { IdentityService } from './service.ts';

const tags = ['identity'];
export const SESSION_COOKIE = 'yw_session';

const Me = Type.Object({
  accountId: Type.String(),
  type: Type.String(),
  name: Type.String(),
  regionCode: Type.String(),
  departmentId: Type.Union([Type.String(), Type.Null()]),
  roles: Type.Array(Type.String()),
  permissions: Type.Array(Type.String()),
});
const meOf = (p: Principal) => ({ ...p, permissions: [...p.permissions] });

/** Session token from the cookie (pages) or `Authorization: Bearer` (API clients). */
export function tokenOf(req: FastifyRequest): string | undefined {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice(7).trim();
  return req.cookies?.[SESSION_COOKIE];
}

export function identityRoutes(identity: IdentityService, secureCookies: boolean) {
  return async function (app: App) {
    app.post(
      '/api/identity/sessions',
      {
        config: { public: true, rateLimit: { max: 30, timeWindow: '1 minute' } },
        schema: {
          tags,
          summary: '登录 / Sign in',
          body: Type.Object({ username: Type.String({ minLength: 1, maxLength: 64 }), password: Type.String({ minLength: 1, maxLength: 128 }) }, { additionalProperties: false }),
          response: { 201: Type.Object({ token: Type.String(), expiresAt: Type.String({ format: 'date-time' }), me: Me }), 400: ProblemSchema, 401: ProblemSchema, 423: ProblemSchema },
        },
      },
      async (req, reply) => {
        const s = await identity.signIn(req.body.username, req.body.password, req.headers['user-agent'], String(req.id));
        reply.setCookie(SESSION_COOKIE, s.token, { path: '/', httpOnly: true, sameSite: 'lax', secure: secureCookies, expires: s.expiresAt });
        return reply.status(201).send({ token: s.token, expiresAt: s.expiresAt.toISOString(), me: meOf(s.principal) });
      },
    );
    app.delete(
      '/api/identity/sessions/current',
      { config: { authenticated: true }, schema: { tags, summary: '退出登录 / Sign out', response: { 204: Type.Null(), 401: ProblemSchema } } },
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
