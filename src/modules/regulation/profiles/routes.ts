import { Type } from '@sinclair/typebox';
import type { App } from '../../../kernel/http/app.ts';
import { creditCodeProblem } from '../../../kernel/ids/index.ts';
import { ProblemSchema } from '../../../kernel/http/schemas.ts';
import type { Principal } from '../../../kernel/policy/index.ts';
import { need } from '../area.ts';
import type { Complaints } from './complaints.ts';
import { ProfilesErrors } from './errors.ts';
import type { Profiles } from './profile.ts';
import { ClueInput, ComplaintParam, ComplaintView, CreditCodeParam, Figures, FiguresQuery, LinkInput, LinkParams, Profile, SearchHit, SearchQuery } from './schema.ts';

const tags = ['regulation'];
const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema, 422: ProblemSchema, 503: ProblemSchema };
const BASE = '/api/regulation';

/** 企业画像 (search, the page), complaints linked by hand, 线索 inspections and 监管效能 over HTTP. */
export function profilesRoutes(profiles: Profiles, complaints: Complaints) {
  return async function (app: App) {
    const me = (req: { principal?: Principal | null }) => req.principal!;
    const rid = (req: { id: unknown }) => String(req.id);
    /** The 名录库 object a credit code names: 400 when malformed, 404 when unknown. */
    const objectOf = async (raw: string) => {
      const code = raw.toUpperCase();
      if (creditCodeProblem(code)) throw ProfilesErrors.badCreditCode();
      const o = await need(profiles.ctx, 'objects').get(profiles.ctx.k.db, code);
      if (!o) throw ProfilesErrors.entityUnknown();
      return o;
    };

    app.get(
      `${BASE}/profiles`,
      {
        config: { permission: 'regulation.read' },
        schema: {
          tags,
          summary: '企业画像：按名称或统一社会信用代码查找 / Find a market entity by name or credit code',
          querystring: SearchQuery,
          response: { 200: Type.Object({ items: Type.Array(SearchHit) }), ...errors },
        },
      },
      async (req) => ({ items: await profiles.search(me(req), req.query.q, req.query.limit) }),
    );
    app.get(
      `${BASE}/profiles/:creditCode`,
      {
        config: { permission: 'regulation.read' },
        schema: { tags, summary: '企业画像 / The profile of a market entity', params: CreditCodeParam, response: { 200: Profile, ...errors } },
      },
      async (req) => profiles.get(me(req), req.params.creditCode),
    );
    app.post(
      `${BASE}/profiles/:creditCode/complaints`,
      {
        config: { permission: 'regulation.plan' },
        schema: { tags, summary: '手动关联 12345 投诉 / Link a 12345 complaint by hand', params: CreditCodeParam, body: LinkInput, response: { 201: ComplaintView, ...errors } },
      },
      async (req, reply) => reply.status(201).send(await complaints.linkByHand(me(req), await objectOf(req.params.creditCode), req.body.caseNumber, rid(req))),
    );
    app.delete(
      `${BASE}/profiles/:creditCode/complaints/:id`,
      {
        config: { permission: 'regulation.plan' },
        schema: { tags, summary: '取消关联 / Unlink a complaint', params: LinkParams, response: { 204: Type.Null(), ...errors } },
      },
      async (req, reply) => {
        await complaints.unlink(me(req), req.params.creditCode.toUpperCase(), req.params.id, rid(req));
        return reply.status(204).send(null);
      },
    );
    app.post(
      `${BASE}/complaints/:id/inspection`,
      {
        config: { permission: 'regulation.plan' },
        schema: {
          tags,
          summary: '线索核查：由投诉发起检查 / Start an inspection from a complaint',
          params: ComplaintParam,
          body: ClueInput,
          response: { 201: Type.Object({ taskId: Type.String() }), ...errors },
        },
      },
      async (req, reply) => reply.status(201).send(await complaints.startInspection(me(req), req.params.id, req.body, rid(req))),
    );
    app.get(
      `${BASE}/figures`,
      {
        config: { permission: 'regulation.figures' },
        schema: { tags, summary: '监管效能 / Regulation effectiveness figures', querystring: FiguresQuery, response: { 200: Figures, ...errors } },
      },
      async (req) => profiles.figures(me(req), req.query),
    );
  };
}
