import fs from 'node:fs';
import { Type } from '@sinclair/typebox';
import type { App } from '../../../kernel/http/app.ts';
import { ProblemSchema } from '../../../kernel/http/schemas.ts';
import type { Principal } from '../../../kernel/policy/index.ts';
import type { Plans } from './plans.ts';
import type { PublicDraws } from './public.ts';
import {
  CancelInputSchema,
  CheckAnswer,
  CommitAnswer,
  CommitInputSchema,
  DrawAnswer,
  DrawInputSchema,
  ListQuery,
  PlanDetail,
  PlanInputSchema,
  PlanView,
  PublicDraw,
  PublicListItem,
  PublicListQuery,
} from './schema.ts';

const tags = ['regulation'];
const Id = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema, 422: ProblemSchema, 503: ProblemSchema };
const publicErrors = { 400: ProblemSchema, 404: ProblemSchema };
const BASE = '/api/regulation/plans';
const PUBLIC = '/api/regulation/public/draws';
/** The standalone check script, served as it is in the repository (read once). */
const SCRIPT_URL = new URL('./check-script/draw-check.mjs', import.meta.url);
export const CHECK_SCRIPT_PATH = `${PUBLIC}/check-script`;

/** 抽查计划 for regulators, and the draw's public pages (no sign-in). */
export function drawsRoutes(plans: Plans, pub: PublicDraws) {
  return async function (app: App) {
    const me = (req: { principal?: Principal | null }) => req.principal!;
    const rid = (req: { id: unknown }) => String(req.id);
    let script: string | null = null;

    app.get(
      BASE,
      {
        config: { permission: 'regulation.read' },
        schema: {
          tags,
          summary: '抽查计划 / Inspection plans',
          querystring: ListQuery,
          response: { 200: Type.Object({ items: Type.Array(PlanView), next: Type.Union([Type.String(), Type.Null()]) }), ...errors },
        },
      },
      async (req) => plans.list(me(req), req.query),
    );
    app.post(
      BASE,
      {
        config: { permission: 'regulation.plan' },
        schema: { tags, summary: '制定抽查计划（草稿）/ Write a plan (draft)', body: PlanInputSchema, response: { 201: Type.Object({ id: Type.String(), number: Type.String() }), ...errors } },
      },
      async (req, reply) => reply.status(201).send(await plans.create(me(req), req.body, rid(req))),
    );
    app.get(`${BASE}/:id`, { config: { permission: 'regulation.read' }, schema: { tags, summary: '抽查计划详情 / A plan', params: Id, response: { 200: PlanDetail, ...errors } } }, async (req) =>
      plans.get(me(req), req.params.id),
    );
    app.post(
      `${BASE}/:id/commit`,
      {
        config: { permission: 'regulation.plan' },
        schema: {
          tags,
          summary: '冻结并公布：名录、人员、回避与随机数来源 / Freeze and publish the inputs and the seed source',
          params: Id,
          body: CommitInputSchema,
          response: { 200: CommitAnswer, ...errors },
        },
      },
      async (req) => plans.commit(me(req), req.params.id, req.body, rid(req)),
    );
    app.post(
      `${BASE}/:id/draw`,
      {
        config: { permission: 'regulation.plan' },
        schema: { tags, summary: '录入公布的号码并抽取 / Enter the published values and draw', params: Id, body: DrawInputSchema, response: { 200: DrawAnswer, ...errors } },
      },
      async (req) => plans.draw(me(req), req.params.id, req.body, rid(req)),
    );
    app.post(
      `${BASE}/:id/cancel`,
      {
        config: { permission: 'regulation.plan' },
        schema: { tags, summary: '撤销未抽取的计划 / Cancel a plan not drawn', params: Id, body: CancelInputSchema, response: { 200: Type.Object({ state: Type.String() }), ...errors } },
      },
      async (req) => plans.cancel(me(req), req.params.id, req.body.reason, rid(req)),
    );

    // 一公开: no sign-in; rate-limited like the other public checks.
    app.get(
      PUBLIC,
      {
        config: { public: true, rateLimit: { max: 120, timeWindow: '1 minute' } },
        schema: {
          tags,
          summary: '已公布的抽查计划 / Published plans',
          querystring: PublicListQuery,
          response: { 200: Type.Object({ items: Type.Array(PublicListItem), next: Type.Union([Type.String(), Type.Null()]) }), ...publicErrors },
        },
      },
      async (req) => pub.list(req.query),
    );
    app.get(
      CHECK_SCRIPT_PATH,
      {
        config: { public: true },
        schema: {
          tags,
          summary: '独立核验脚本（Node.js）/ The standalone check script (Node.js)',
          response: { 200: { description: 'draw-check.mjs', content: { 'text/javascript': { schema: Type.String() } } } },
        },
      },
      async (_req, reply) => {
        script ??= fs.readFileSync(SCRIPT_URL, 'utf8');
        reply.header('content-type', 'text/javascript; charset=utf-8').header('content-disposition', 'attachment; filename="draw-check.mjs"');
        return script;
      },
    );
    app.get(
      `${PUBLIC}/:id`,
      {
        config: { public: true, rateLimit: { max: 60, timeWindow: '1 minute' } },
        schema: { tags, summary: '抽查的全部公开输入与结果 / Every input and the result of a draw', params: Id, response: { 200: PublicDraw, ...publicErrors } },
      },
      async (req) => pub.get(req.params.id),
    );
    app.get(
      `${PUBLIC}/:id/check`,
      {
        config: { public: true, rateLimit: { max: 30, timeWindow: '1 minute' } },
        schema: { tags, summary: '服务端按公开输入重算并比对 / Recompute from the published inputs and compare', params: Id, response: { 200: CheckAnswer, ...publicErrors } },
      },
      async (req) => pub.check(req.params.id),
    );
  };
}
