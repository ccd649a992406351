import { Type } from '@sinclair/typebox';
import type { App } from '../../../kernel/http/app.ts';
import { ProblemSchema, download } from '../../../kernel/http/schemas.ts';
import type { Principal } from '../../../kernel/policy/index.ts';
import type { OpennessContext } from '../area.ts';
import {
  AnswerInputSchema,
  ConsultationInputSchema,
  CorrectionInputSchema,
  CorrectionNoticeInputSchema,
  Created,
  Departments,
  ExtensionDecisionSchema,
  ExtensionInputSchema,
  ForwardInputSchema,
  InboxQuery,
  LibraryHits,
  LibraryQuery,
  MineQuery,
  OpinionInputSchema,
  RequestDetail,
  RequestInputSchema,
  RequestPage,
  StepResult,
} from './schema.ts';
import type { Requests } from './service.ts';

const tags = ['政务公开 依申请公开'];
const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema, 422: ProblemSchema, 503: ProblemSchema };
const BASE = '/api/openness/requests';
const Id = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
const NoticeParams = Type.Object({ id: Type.String({ format: 'uuid' }), noticeId: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
const FileParams = Type.Object({ id: Type.String({ format: 'uuid' }), fileId: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
const signedIn = { authenticated: true };

/** 依申请公开: applicants on the portal, the department's 政务公开专员 and leaders, the 政务公开办. */
export function requestsRoutes(ctx: OpennessContext, requests: Requests) {
  return async function (app: App) {
    const me = (req: { principal?: Principal | null }) => req.principal!;
    const rid = (req: { id: unknown }) => String(req.id);

    app.post(
      BASE,
      {
        config: signedIn,
        schema: { tags, summary: '提出政府信息公开申请 / Request government information', body: RequestInputSchema, response: { 201: Created, ...errors } },
      },
      async (req, reply) => reply.status(201).send(await requests.create(me(req), req.body, rid(req))),
    );
    app.get(`${BASE}/mine`, { config: signedIn, schema: { tags, summary: '我的依申请公开 / My requests', querystring: MineQuery, response: { 200: RequestPage, ...errors } } }, async (req) =>
      requests.mine(me(req), req.query),
    );
    app.get(
      BASE,
      {
        config: signedIn,
        schema: {
          tags,
          summary: '依申请公开办理箱（本部门；政务公开办看全部与逾期）/ The inbox: the department’s requests; the office sees all and the overdue',
          querystring: InboxQuery,
          response: { 200: RequestPage, ...errors },
        },
      },
      async (req) => requests.inbox(me(req), { ...req.query, overdue: !!req.query.overdue }),
    );
    app.get(
      `${BASE}/departments`,
      { config: { public: true }, schema: { tags, summary: '可受理申请的机关 / Bodies a request may be sent to', response: { 200: Departments, ...errors } } },
      async () => ({ items: (await ctx.org.departmentsWithin(ctx.k.config.regionCode)).map((d) => ({ id: d.id, name: d.name })) }),
    );
    app.get(
      `${BASE}/library`,
      {
        config: signedIn,
        schema: { tags, summary: '查找已主动公开的文件（用于答复）/ Find a published document for an answer', querystring: LibraryQuery, response: { 200: LibraryHits, ...errors } },
      },
      async (req) => requests.libraryFind(me(req), req.query.q),
    );
    app.get(`${BASE}/:id`, { config: signedIn, schema: { tags, summary: '申请详情 / A request', params: Id, response: { 200: RequestDetail, ...errors } } }, async (req) =>
      requests.detail(me(req), req.params.id),
    );
    app.get(
      `${BASE}/:id/notices/:noticeId`,
      { config: signedIn, schema: { tags, summary: '下载告知书（已盖章 PDF）/ Download a sealed notice', params: NoticeParams, response: { 200: download('application/pdf'), ...errors } } },
      async (req, reply) => {
        const f = await requests.notice(me(req), req.params.id, req.params.noticeId);
        reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.name)}`)
          .header('cache-control', 'no-store');
        return reply.send(f.stream as unknown as string);
      },
    );
    app.get(
      `${BASE}/:id/files/:fileId`,
      { config: signedIn, schema: { tags, summary: '下载答复所附文件 / Download a file given with the answer', params: FileParams, response: { 200: download(), ...errors } } },
      async (req, reply) => {
        const f = await requests.answerFile(me(req), req.params.id, req.params.fileId);
        reply
          .header('content-type', f.mime)
          .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.name)}`)
          .header('cache-control', 'no-store');
        return reply.send(f.stream as unknown as string);
      },
    );
    app.post(
      `${BASE}/:id/correction`,
      { config: signedIn, schema: { tags, summary: '提交补正 / Supply the correction', params: Id, body: CorrectionInputSchema, response: { 200: StepResult, ...errors } } },
      async (req) => requests.correct(me(req), req.params.id, req.body, rid(req)),
    );
    app.post(
      `${BASE}/:id/correction-notice`,
      {
        config: signedIn,
        schema: { tags, summary: '发出补正通知（一次，7 个工作日内）/ Ask for a correction', params: Id, body: CorrectionNoticeInputSchema, response: { 200: StepResult, ...errors } },
      },
      async (req) => requests.askCorrection(me(req), req.params.id, req.body, rid(req)),
    );
    app.post(
      `${BASE}/:id/consultation`,
      { config: signedIn, schema: { tags, summary: '征求第三方意见 / Consult a third party', params: Id, body: ConsultationInputSchema, response: { 200: StepResult, ...errors } } },
      async (req) => requests.startConsultation(me(req), req.params.id, req.body, rid(req)),
    );
    app.post(
      `${BASE}/:id/consultation/end`,
      { config: signedIn, schema: { tags, summary: '结束第三方征询 / End the consultation', params: Id, body: OpinionInputSchema, response: { 200: StepResult, ...errors } } },
      async (req) => requests.endConsultation(me(req), req.params.id, req.body, rid(req)),
    );
    app.post(
      `${BASE}/:id/extension`,
      { config: signedIn, schema: { tags, summary: '申请延期答复 / Ask to extend', params: Id, body: ExtensionInputSchema, response: { 200: StepResult, ...errors } } },
      async (req) => requests.askExtension(me(req), req.params.id, req.body, rid(req)),
    );
    app.post(
      `${BASE}/:id/extension/decision`,
      { config: signedIn, schema: { tags, summary: '负责人审批延期 / A leader decides the extension', params: Id, body: ExtensionDecisionSchema, response: { 200: StepResult, ...errors } } },
      async (req) => requests.decideExtension(me(req), req.params.id, req.body, rid(req)),
    );
    app.post(
      `${BASE}/:id/forward`,
      { config: signedIn, schema: { tags, summary: '转交其他部门 / Forward to another department', params: Id, body: ForwardInputSchema, response: { 200: StepResult, ...errors } } },
      async (req) => requests.forward(me(req), req.params.id, req.body, rid(req)),
    );
    app.post(
      `${BASE}/:id/answer`,
      { config: signedIn, schema: { tags, summary: '答复（生成并盖章答复告知书）/ Answer (a sealed 告知书)', params: Id, body: AnswerInputSchema, response: { 200: StepResult, ...errors } } },
      async (req) => requests.answer(me(req), req.params.id, req.body as never, rid(req)),
    );
  };
}
