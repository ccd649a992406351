import type { App } from '../../../kernel/http/app.ts';
import { ProblemSchema } from '../../../kernel/http/schemas.ts';
import type { Principal } from '../../../kernel/policy/index.ts';
import type { Questions, ReviewDecision } from './questions.ts';
import {
  AnswerInput,
  DepartmentList,
  IdParam,
  InboxPage,
  InboxQuery,
  MineQuery,
  MyQuestion,
  MyQuestionPage,
  PublicQuestionPage,
  PublishedQuery,
  QaQuery,
  QaResult,
  QuestionInput,
  ReviewInput,
  StaffQuestion,
  UnpublishInput,
} from './schema.ts';

const tags = ['政务公开 政民互动'];
const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema, 413: ProblemSchema, 422: ProblemSchema, 429: ProblemSchema, 503: ProblemSchema };
const BASE = '/api/openness';
const publicRead = { public: true, rateLimit: { max: 240, timeWindow: '1 minute' } } as const;
const SIGNED_IN = { authenticated: true } as const;

/** 政民互动 over HTTP: the public Q&A and a document's answered questions, asking, one's own questions, the inbox, answer and review. */
export function interactionRoutes(questions: Questions) {
  return async function (app: App) {
    const who = (req: { principal?: Principal | null }) => req.principal ?? null;
    const rid = (req: { id: unknown }) => String(req.id);

    app.get(
      `${BASE}/qa`,
      {
        config: publicRead,
        schema: {
          tags,
          summary: '政务问答检索（12345知识库公开条目与已公开答复，同一来源）/ Search the public Q&A (the 12345 knowledge base’s public entries)',
          querystring: QaQuery,
          response: { 200: QaResult, ...errors },
        },
      },
      async (req) => ({ items: await questions.search(req.query.q ?? '', req.query.limit ?? 10) }),
    );
    app.get(
      `${BASE}/questions`,
      {
        config: publicRead,
        schema: { tags, summary: '已公开的问答（可按文件）/ Published Q&A, on a document or all', querystring: PublishedQuery, response: { 200: PublicQuestionPage, ...errors } },
      },
      async (req) => questions.published(req.query),
    );
    app.get(
      `${BASE}/questions/departments`,
      { config: publicRead, schema: { tags, summary: '咨询栏目可选部门 / Departments one may ask in the 咨询 column', response: { 200: DepartmentList, ...errors } } },
      async () => ({ items: await questions.departments() }),
    );
    app.post(
      `${BASE}/questions`,
      {
        config: { ...SIGNED_IN, rateLimit: { max: 60, timeWindow: '1 minute' } },
        schema: { tags, summary: '提问 / 留言（就政策文件或在咨询栏目）/ Ask on a policy document or in the 咨询 column', body: QuestionInput, response: { 201: MyQuestion, ...errors } },
      },
      async (req, reply) => reply.status(201).send(await questions.ask(who(req), req.body, rid(req))),
    );
    app.get(`${BASE}/questions/mine`, { config: SIGNED_IN, schema: { tags, summary: '我的留言 / My questions', querystring: MineQuery, response: { 200: MyQuestionPage, ...errors } } }, async (req) =>
      questions.listMine(who(req), req.query),
    );
    app.get(
      `${BASE}/questions/inbox`,
      {
        config: SIGNED_IN,
        schema: { tags, summary: '留言办理（本部门；政务公开办为全区）/ The inbox: the department’s questions', querystring: InboxQuery, response: { 200: InboxPage, ...errors } },
      },
      async (req) => questions.inbox(who(req), req.query),
    );
    app.get(
      `${BASE}/questions/:id`,
      { config: SIGNED_IN, schema: { tags, summary: '留言详情与办理过程 / A question and its steps (staff)', params: IdParam, response: { 200: StaffQuestion, ...errors } } },
      async (req) => questions.detail(who(req), req.params.id),
    );
    app.post(
      `${BASE}/questions/:id/answer`,
      { config: SIGNED_IN, schema: { tags, summary: '答复（待审核）/ Answer (goes to review)', params: IdParam, body: AnswerInput, response: { 200: StaffQuestion, ...errors } } },
      async (req) => questions.answer(who(req), req.params.id, req.body, rid(req)),
    );
    app.post(
      `${BASE}/questions/:id/review`,
      {
        config: SIGNED_IN,
        schema: { tags, summary: '审核：公开、退回或不予公开 / Review: publish, return or reject', params: IdParam, body: ReviewInput, response: { 200: StaffQuestion, ...errors } },
      },
      async (req) => questions.review(who(req), req.params.id, req.body as ReviewDecision & { expectedVersion: number }, rid(req)),
    );
    app.post(
      `${BASE}/questions/:id/unpublish`,
      { config: SIGNED_IN, schema: { tags, summary: '撤下已公开的问答 / Take a published Q&A back', params: IdParam, body: UnpublishInput, response: { 200: StaffQuestion, ...errors } } },
      async (req) => questions.unpublish(who(req), req.params.id, req.body, rid(req)),
    );
  };
}
