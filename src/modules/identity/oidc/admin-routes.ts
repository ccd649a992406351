import { Type } from '@sinclair/typebox';
import type { App } from '../../../kernel/http/app.ts';
import { Errors } from '../../../kernel/http/errors.ts';
import { NoInput, ProblemSchema } from '../../../kernel/http/schemas.ts';
import type { ClientRegistry } from './clients.ts';
import type { OidcHost } from './host.ts';
import type { SigningKeys } from './keys.ts';
import { ClientApp, ClientInput, ClientPatch } from './schema.ts';

const tags = ['identity'];
const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema, 422: ProblemSchema };
const cfg = { permission: 'sso.manage' };
const Id = Type.Object({ clientId: Type.String({ pattern: '^[a-z][a-z0-9-]{2,40}$' }) });

/** Administration of SSO client applications and the provider's signing keys. */
export function ssoAdminRoutes(clients: ClientRegistry, keys: SigningKeys, host: OidcHost) {
  return async function (app: App) {
    app.get('/api/identity/clients', { config: cfg, schema: { tags, summary: '接入应用 / Client applications', response: { 200: Type.Array(ClientApp), ...errors } } }, async (req) =>
      clients.list(req.principal!),
    );
    app.get(
      '/api/identity/clients/:clientId',
      { config: cfg, schema: { tags, summary: '接入应用详情 / One client application', params: Id, response: { 200: ClientApp, ...errors } } },
      async (req) => {
        const c = await clients.get(req.params.clientId);
        if (!c) throw Errors.notFound('client');
        return c;
      },
    );
    app.post(
      '/api/identity/clients',
      {
        config: cfg,
        schema: {
          tags,
          summary: '登记接入应用 / Register a client application',
          body: ClientInput,
          response: { 201: Type.Object({ client: ClientApp, secret: Type.Union([Type.String(), Type.Null()]) }), ...errors },
        },
      },
      async (req, reply) => reply.status(201).send(await clients.create(req.principal!, req.body, String(req.id))),
    );
    app.patch(
      '/api/identity/clients/:clientId',
      { config: cfg, schema: { tags, summary: '修改或停用接入应用 / Edit or deactivate a client', params: Id, body: ClientPatch, response: { 200: ClientApp, ...errors } } },
      async (req) => {
        const updated = await clients.update(req.principal!, req.params.clientId, req.body, String(req.id));
        // Its tokens' scopes or standing changed: this node stops trusting its cached lookups now.
        host.forgetClient(req.params.clientId);
        return updated;
      },
    );
    app.post(
      '/api/identity/clients/:clientId/secret',
      {
        config: { ...cfg, documentedBody: NoInput },
        schema: { tags, summary: '重置应用密钥 / Issue a new client secret', params: Id, response: { 200: Type.Object({ secret: Type.String() }), ...errors } },
      },
      async (req) => ({ secret: await clients.rotateSecret(req.principal!, req.params.clientId, String(req.id)) }),
    );
    app.get(
      '/api/identity/signing-keys',
      {
        config: cfg,
        schema: {
          tags,
          summary: '令牌签名密钥 / Token signing keys',
          response: { 200: Type.Array(Type.Object({ kid: Type.String(), createdAt: Type.String(), retiredAt: Type.Union([Type.String(), Type.Null()]), signing: Type.Boolean() })), ...errors },
        },
      },
      async (req) => keys.list(req.principal!),
    );
    app.post(
      '/api/identity/signing-keys/rotate',
      { config: { ...cfg, documentedBody: NoInput }, schema: { tags, summary: '轮换签名密钥 / Rotate the signing key', response: { 201: Type.Object({ kid: Type.String() }), ...errors } } },
      async (req, reply) => {
        const kid = await keys.rotate(req.principal!, String(req.id));
        host.invalidate();
        return reply.status(201).send({ kid });
      },
    );
  };
}
