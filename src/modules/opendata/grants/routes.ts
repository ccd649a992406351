import { Type } from '@sinclair/typebox';
import type { App } from '../../../kernel/http/app.ts';
import { NoInput, ProblemSchema } from '../../../kernel/http/schemas.ts';
import type { Principal } from '../../../kernel/policy/index.ts';
import type { Applications } from './applications.ts';
import {
  ApplicationDetail,
  ApplicationInputSchema,
  ApplicationView,
  Credentials,
  DecideInputSchema,
  ListQuery,
  ReasonInputSchema,
  SignInputSchema,
  Template,
  TemplateInputSchema,
  WithdrawInputSchema,
} from './schema.ts';

const tags = ['opendata'];
const Id = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema, 422: ProblemSchema, 503: ProblemSchema };
const BASE = '/api/opendata/applications';
const State = Type.Object({ state: Type.String() });
const signedIn = { authenticated: true };

/** 有条件开放: applicants (portal accounts), the provider's 数据专员 and the data bureau. */
export function grantsRoutes(apps: Applications) {
  return async function (app: App) {
    const me = (req: { principal?: Principal | null }) => req.principal!;
    const rid = (req: { id: unknown }) => String(req.id);

    app.post(
      BASE,
      {
        config: signedIn,
        schema: {
          tags,
          summary: '申请有条件开放数据（草稿，附数据利用协议）/ Apply for conditional data (draft with its agreement)',
          body: ApplicationInputSchema,
          response: { 201: Type.Object({ id: Type.String(), number: Type.String(), agreementHash: Type.String() }), ...errors },
        },
      },
      async (req, reply) => reply.status(201).send(await apps.create(me(req), req.body, rid(req))),
    );
    app.get(
      BASE,
      {
        config: signedIn,
        schema: {
          tags,
          summary: '有条件开放申请：我的（mine=1）或待审核队列 / Applications: mine, or the queue to decide',
          querystring: ListQuery,
          response: { 200: Type.Object({ items: Type.Array(ApplicationView), next: Type.Union([Type.String(), Type.Null()]) }), ...errors },
        },
      },
      async (req) => apps.list(me(req), { mine: !!req.query.mine, todo: !!req.query.todo, state: req.query.state, after: req.query.after, limit: req.query.limit }),
    );
    app.get(
      '/api/opendata/agreement-template',
      { config: signedIn, schema: { tags, summary: '数据利用协议模板 / The data use agreement template', response: { 200: Template, ...errors } } },
      async (req) => apps.template(me(req).regionCode),
    );
    app.post(
      '/api/opendata/agreement-template',
      {
        config: { permission: 'opendata.manage' },
        schema: {
          tags,
          summary: '保存协议模板新版本 / Save a new version of the agreement template',
          body: TemplateInputSchema,
          response: { 200: Type.Object({ version: Type.Integer() }), ...errors },
        },
      },
      async (req) => apps.saveTemplate(me(req), req.body, rid(req)),
    );
    app.get(`${BASE}/:id`, { config: signedIn, schema: { tags, summary: '申请详情 / An application', params: Id, response: { 200: ApplicationDetail, ...errors } } }, async (req) =>
      apps.detail(me(req), req.params.id),
    );
    app.post(
      `${BASE}/:id/sign`,
      {
        config: signedIn,
        schema: {
          tags,
          summary: '在线签署数据利用协议 / Sign the data use agreement',
          params: Id,
          body: SignInputSchema,
          response: { 200: Type.Object({ signedAt: Type.String(), agreementHash: Type.String() }), ...errors },
        },
      },
      async (req) => apps.sign(me(req), req.params.id, req.body, rid(req)),
    );
    app.post(`${BASE}/:id/submit`, { config: { ...signedIn, documentedBody: NoInput }, schema: { tags, summary: '提交申请 / Submit', params: Id, response: { 200: State, ...errors } } }, async (req) =>
      apps.submit(me(req), req.params.id, rid(req)),
    );
    app.post(
      `${BASE}/:id/withdraw`,
      { config: signedIn, schema: { tags, summary: '撤回申请 / Withdraw', params: Id, body: Type.Optional(WithdrawInputSchema), response: { 200: State, ...errors } } },
      async (req) => apps.withdraw(me(req), req.params.id, req.body?.opinion, rid(req)),
    );
    app.post(
      `${BASE}/:id/decide`,
      { config: signedIn, schema: { tags, summary: '审核：同意或不同意 / Decide: approve or refuse', params: Id, body: DecideInputSchema, response: { 200: State, ...errors } } },
      async (req) => apps.decide(me(req), req.params.id, req.body, rid(req)),
    );
    app.post(
      `${BASE}/:id/revoke`,
      { config: { permission: 'opendata.manage' }, schema: { tags, summary: '撤销授权 / Revoke the grant', params: Id, body: ReasonInputSchema, response: { 200: State, ...errors } } },
      async (req) => apps.revoke(me(req), req.params.id, req.body.opinion, rid(req)),
    );
    app.post(
      `${BASE}/:id/credentials`,
      {
        config: { ...signedIn, documentedBody: NoInput },
        schema: { tags, summary: '领取网关凭据（仅一次）/ Collect the gateway credentials (once)', params: Id, response: { 200: Credentials, ...errors } },
      },
      async (req) => apps.credentials(me(req), req.params.id, rid(req)),
    );
  };
}
