import { Type } from '@sinclair/typebox';
import type { App } from '../../../kernel/http/app.ts';
import { ProblemSchema } from '../../../kernel/http/schemas.ts';
import type { Principal } from '../../../kernel/policy/index.ts';
import { CONCLUSIONS, PENALTY_KINDS } from './conclusions.ts';
import {
  Answered,
  AnswerInput,
  Figures,
  FiguresQuery,
  InspectorsInput,
  ListQuery,
  MineResults,
  ObjectionFiled,
  ObjectionInput,
  PenaltyInput,
  PenaltyRecorded,
  PublicQuery,
  PublicResults,
  ResultInput,
  ResultRecorded,
  TaskDetail,
  TaskList,
} from './schema.ts';
import type { TaskService } from './service.ts';

const tags = ['regulation'];
const Id = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema, 422: ProblemSchema, 503: ProblemSchema };
const BASE = '/api/regulation/tasks';
const Label = Type.Object({ code: Type.String(), zh: Type.String(), en: Type.String() });

/** 检查任务 for inspectors and regulators, 一公开 for everyone, results and 异议 for the enterprise. */
export function tasksRoutes(service: TaskService) {
  return async function (app: App) {
    const me = (req: { principal?: Principal | null }) => req.principal!;
    const rid = (req: { id: unknown }) => String(req.id);

    app.get(
      BASE,
      {
        config: { permission: 'regulation.read' },
        schema: { tags, summary: '检查任务（检查人员：本人的；监管人员：本地区全部）/ Inspection tasks (mine, or the region’s)', querystring: ListQuery, response: { 200: TaskList, ...errors } },
      },
      async (req) => service.list(me(req), req.query),
    );
    app.get(
      `${BASE}/figures`,
      {
        config: { permission: 'regulation.figures' },
        schema: { tags, summary: '监管效能 / Inspection figures of the region and year', querystring: FiguresQuery, response: { 200: Figures, ...errors } },
      },
      async (req) => service.figures(me(req), req.query.year),
    );
    app.get(
      `${BASE}/:id`,
      { config: { permission: 'regulation.read' }, schema: { tags, summary: '检查任务详情 / An inspection task', params: Id, response: { 200: TaskDetail, ...errors } } },
      async (req) => service.get(me(req), req.params.id),
    );
    app.post(
      `${BASE}/:id/result`,
      {
        config: { permission: 'regulation.inspect' },
        schema: { tags, summary: '录入检查结果（即时公示）/ Record the result (published at once)', params: Id, body: ResultInput, response: { 201: ResultRecorded, ...errors } },
      },
      async (req, reply) => reply.status(201).send(await service.recordResult(me(req), req.params.id, req.body, rid(req))),
    );
    app.post(
      `${BASE}/:id/inspectors`,
      {
        config: { permission: 'regulation.read' },
        schema: {
          tags,
          summary: '指派检查人员（监管人员）/ Name the inspectors (regulators)',
          params: Id,
          body: InspectorsInput,
          response: { 200: Type.Object({ id: Type.String(), inspectorIds: Type.Array(Type.String()) }), ...errors },
        },
      },
      async (req) => service.assignInspectors(me(req), req.params.id, req.body.inspectorIds, rid(req)),
    );
    app.post(
      `${BASE}/:id/penalties`,
      {
        config: { permission: 'regulation.read' },
        schema: {
          tags,
          summary: '录入行政处罚（立案查处后；监管人员）/ Record an administrative penalty (after 立案查处)',
          params: Id,
          body: PenaltyInput,
          response: { 201: PenaltyRecorded, ...errors },
        },
      },
      async (req, reply) => reply.status(201).send(await service.recordPenalty(me(req), req.params.id, req.body, rid(req))),
    );
    app.post(
      `${BASE}/:id/objection/answer`,
      {
        config: { permission: 'regulation.manage' },
        schema: { tags, summary: '答复异议：维持或更正 / Answer the objection: uphold or correct', params: Id, body: AnswerInput, response: { 200: Answered, ...errors } },
      },
      async (req) => service.answer(me(req), req.params.id, req.body, rid(req)),
    );

    app.get(
      '/api/regulation/conclusions',
      {
        config: { public: true },
        schema: {
          tags,
          summary: '检查结论与处罚种类列表 / Conclusions and penalty kinds',
          response: { 200: Type.Object({ conclusions: Type.Array(Type.Object({ code: Type.String(), kind: Type.String(), zh: Type.String(), en: Type.String() })), penaltyKinds: Type.Array(Label) }) },
        },
      },
      async () => ({ conclusions: CONCLUSIONS.map((c) => ({ ...c })), penaltyKinds: PENALTY_KINDS.map((c) => ({ ...c })) }),
    );
    app.get(
      '/api/regulation/public/results',
      {
        config: { public: true, rateLimit: { max: 120, timeWindow: '1 minute' } },
        schema: { tags, summary: '抽查检查结果公示（一公开）/ Published inspection results', querystring: PublicQuery, response: { 200: PublicResults, 400: ProblemSchema, 503: ProblemSchema } },
      },
      async (req) => service.publicResults({ q: req.query.q, after: req.query.after, limit: req.query.limit, regionCode: req.query.region }),
    );
    app.get(
      '/api/regulation/mine/results',
      {
        config: { authenticated: true },
        schema: { tags, summary: '本企业的检查结果 / My enterprise’s inspection results', response: { 200: MineResults, ...errors } },
      },
      async (req) => service.mine(me(req)),
    );
    app.post(
      '/api/regulation/mine/results/:id/objection',
      {
        config: { authenticated: true },
        schema: { tags, summary: '对检查结果提出异议 / Object to a result', params: Id, body: ObjectionInput, response: { 201: ObjectionFiled, ...errors } },
      },
      async (req, reply) => reply.status(201).send(await service.object(me(req), req.params.id, req.body.reason, rid(req))),
    );
  };
}
