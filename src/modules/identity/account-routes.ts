import { Type } from '@sinclair/typebox';
import type { App } from '../../kernel/http/app.ts';
import { Errors } from '../../kernel/http/errors.ts';
import { NoInput, ProblemSchema } from '../../kernel/http/schemas.ts';
import type { EnterpriseService } from './enterprises.ts';
import type { PeopleService } from './people.ts';
import { Code, Me, meOf, Phone, SESSION_COOKIE } from './routes.ts';
import { AGENT_SCOPE_CODES } from './scopes.ts';
import type { IdentityService } from './service.ts';

const tags = ['identity'];
const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema, 422: ProblemSchema, 429: ProblemSchema };
const self = { authenticated: true };
const Name = Type.String({ minLength: 2, maxLength: 40, pattern: '\\S' });
const IdNumber = Type.String({ pattern: '^[0-9]{17}[0-9Xx]$', description: 'GB 11643 citizen ID number' });
const Profile = Type.Object({
  accountId: Type.String(),
  username: Type.String(),
  kind: Type.String(),
  name: Type.String(),
  phoneMasked: Type.Union([Type.String(), Type.Null()]),
  idNumberMasked: Type.Union([Type.String(), Type.Null()]),
  assuranceLevel: Type.Integer(),
  totpEnabled: Type.Boolean(),
  recoveryCodesLeft: Type.Integer(),
});
const Session = Type.Object({
  id: Type.String(),
  createdAt: Type.String(),
  expiresAt: Type.String(),
  userAgent: Type.Union([Type.String(), Type.Null()]),
  amr: Type.Array(Type.String()),
  current: Type.Boolean(),
  via: Type.Union([Type.String(), Type.Null()]),
});
const Link = Type.Object({
  enterpriseId: Type.String(),
  name: Type.String(),
  creditCode: Type.String(),
  role: Type.String(),
  scopes: Type.Array(Type.String()),
  expiresAt: Type.Union([Type.String(), Type.Null()]),
});
const Authorisation = Type.Object({
  id: Type.String(),
  agentName: Type.String(),
  agentIdNumberMasked: Type.String(),
  scopes: Type.Array(Type.String()),
  expiresAt: Type.String(),
  createdAt: Type.String(),
  revokedAt: Type.Union([Type.String(), Type.Null()]),
  active: Type.Boolean(),
});
const Uuid = Type.String({ format: 'uuid' });

/** A person's own account: registration, real name, factors, sessions, enterprises and agents. */
export function accountRoutes(identity: IdentityService, people: PeopleService, enterprises: EnterpriseService, secureCookies: boolean, authLimit: number) {
  return async function (app: App) {
    app.post(
      '/api/identity/accounts',
      {
        config: { public: true, rateLimit: { max: authLimit, timeWindow: '1 minute' } },
        schema: {
          tags,
          summary: '个人注册（手机验证码） / Register a person account',
          body: Type.Object(
            { phone: Phone, code: Code, password: Type.String({ minLength: 1, maxLength: 128 }), username: Type.Optional(Type.String({ pattern: '^[a-z][a-z0-9._-]{2,31}$' })) },
            { additionalProperties: false },
          ),
          response: { 201: Type.Object({ me: Me }), ...errors },
        },
      },
      async (req, reply) => {
        const account = await people.register(req.body, String(req.id));
        const s = await identity.openSession({ account, amr: ['pwd', 'sms'] }, { userAgent: req.headers['user-agent'], requestId: String(req.id) });
        reply.setCookie(SESSION_COOKIE, s.token, { path: '/', httpOnly: true, sameSite: 'lax', secure: secureCookies, expires: s.expiresAt });
        return reply.status(201).send({ me: meOf(s.principal) });
      },
    );
    app.get('/api/identity/me/profile', { config: self, schema: { tags, summary: '账号资料 / Account profile', response: { 200: Profile, ...errors } } }, async (req) =>
      people.profile(req.principal!.accountId),
    );
    app.post(
      '/api/identity/me/real-name',
      {
        config: self,
        schema: {
          tags,
          summary: '实名认证（L2） / Real-name verification',
          body: Type.Object({ name: Name, idNumber: IdNumber }, { additionalProperties: false }),
          response: { 200: Profile, ...errors },
        },
      },
      async (req) => {
        const p = await people.verifyRealName(req.principal!, req.body, String(req.id));
        identity.forget();
        return p;
      },
    );
    app.post(
      '/api/identity/accounts/verify-in-person',
      {
        config: { permission: 'identity.verify' },
        schema: {
          tags,
          summary: '窗口核验身份（L3） / Verify a person at the window',
          body: Type.Object({ name: Name, idNumber: IdNumber }, { additionalProperties: false }),
          response: { 200: Profile, ...errors },
        },
      },
      async (req) => {
        const p = await people.verifyInPerson(req.principal!, req.body, String(req.id));
        identity.forget();
        return p;
      },
    );

    app.post(
      '/api/identity/me/totp',
      {
        config: { ...self, documentedBody: NoInput },
        schema: { tags, summary: '开始绑定动态口令 / Start authenticator setup', response: { 200: Type.Object({ secret: Type.String(), uri: Type.String(), qr: Type.String() }), ...errors } },
      },
      async (req) => identity.totp.begin(req.principal!, String(req.id)),
    );
    app.post(
      '/api/identity/me/totp/confirm',
      {
        config: self,
        schema: {
          tags,
          summary: '确认动态口令 / Confirm the authenticator',
          body: Type.Object({ code: Code }, { additionalProperties: false }),
          response: { 200: Type.Object({ recoveryCodes: Type.Array(Type.String()) }), ...errors },
        },
      },
      async (req) => identity.totp.confirm(req.principal!, req.body.code, String(req.id)),
    );
    app.post(
      '/api/identity/me/totp/disable',
      {
        config: self,
        schema: { tags, summary: '停用动态口令 / Turn the authenticator off', body: Type.Object({ code: Code }, { additionalProperties: false }), response: { 204: Type.Null(), ...errors } },
      },
      async (req, reply) => {
        await identity.totp.disable(req.principal!, req.body.code, String(req.id));
        return reply.status(204).send(null);
      },
    );

    app.get('/api/identity/me/sessions', { config: self, schema: { tags, summary: '登录会话 / Sessions', response: { 200: Type.Array(Session), ...errors } } }, async (req) =>
      identity.listSessions(req.principal!),
    );
    app.delete(
      '/api/identity/me/sessions/:id',
      { config: self, schema: { tags, summary: '结束一个会话 / End one session', params: Type.Object({ id: Uuid }), response: { 204: Type.Null(), ...errors } } },
      async (req, reply) => {
        const n = await identity.revokeSessions(req.principal!, [req.params.id], String(req.id));
        if (!n) throw Errors.notFound('session');
        return reply.status(204).send(null);
      },
    );
    app.delete(
      '/api/identity/me/sessions',
      { config: self, schema: { tags, summary: '全部退出（含单点登录） / Sign out everywhere', response: { 200: Type.Object({ ended: Type.Integer() }), ...errors } } },
      async (req, reply) => {
        const ended = await identity.revokeSessions(req.principal!, 'all', String(req.id));
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return { ended };
      },
    );

    app.get('/api/identity/me/enterprises', { config: self, schema: { tags, summary: '我可代表的企业 / Enterprises I act for', response: { 200: Type.Array(Link), ...errors } } }, async (req) =>
      enterprises.mine(req.principal!),
    );
    app.post(
      '/api/identity/me/enterprises',
      {
        config: self,
        schema: {
          tags,
          summary: '法定代表人绑定企业 / Claim an enterprise as its legal representative',
          body: Type.Object({ creditCode: Type.String({ pattern: '^[0-9A-HJ-NPQRTUWXYa-hj-npqrtuwxy]{18}$' }) }, { additionalProperties: false }),
          response: { 201: Link, ...errors },
        },
      },
      async (req, reply) => reply.status(201).send(await enterprises.claim(req.principal!, req.body.creditCode, String(req.id))),
    );
    app.put(
      '/api/identity/me/acting-for',
      {
        config: self,
        schema: {
          tags,
          summary: '切换办事身份（个人或企业） / Act for an enterprise or for yourself',
          body: Type.Object({ enterpriseId: Type.Union([Uuid, Type.Null()]) }, { additionalProperties: false }),
          response: { 200: Me, ...errors },
        },
      },
      async (req) => {
        const actingFor = await identity.actAs(req.principal!, req.body.enterpriseId, String(req.id));
        return meOf({ ...req.principal!, actingFor });
      },
    );
    app.get(
      '/api/identity/enterprises/:id/authorisations',
      { config: self, schema: { tags, summary: '企业授权的经办人 / Agents an enterprise authorised', params: Type.Object({ id: Uuid }), response: { 200: Type.Array(Authorisation), ...errors } } },
      async (req) => enterprises.list(req.principal!, req.params.id),
    );
    app.post(
      '/api/identity/enterprises/:id/authorisations',
      {
        config: self,
        schema: {
          tags,
          summary: '授权经办人 / Authorise an agent',
          params: Type.Object({ id: Uuid }),
          body: Type.Object(
            {
              agentName: Name,
              agentIdNumber: IdNumber,
              scopes: Type.Array(Type.Union(AGENT_SCOPE_CODES.map((c) => Type.Literal(c))), { minItems: 1, maxItems: AGENT_SCOPE_CODES.length, uniqueItems: true }),
              expiresAt: Type.String({ format: 'date-time' }),
            },
            { additionalProperties: false },
          ),
          response: { 201: Authorisation, ...errors },
        },
      },
      async (req, reply) => reply.status(201).send(await enterprises.grant(req.principal!, req.params.id, req.body, String(req.id))),
    );
    app.delete(
      '/api/identity/enterprises/:id/authorisations/:authorisationId',
      { config: self, schema: { tags, summary: '撤销授权 / Revoke an authorisation', params: Type.Object({ id: Uuid, authorisationId: Uuid }), response: { 204: Type.Null(), ...errors } } },
      async (req, reply) => {
        await enterprises.revoke(req.principal!, req.params.id, req.params.authorisationId, String(req.id));
        return reply.status(204).send(null);
      },
    );
  };
}
