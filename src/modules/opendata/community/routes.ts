import type { App } from '../../../kernel/http/app.ts';
import { ProblemSchema } from '../../../kernel/http/schemas.ts';
import type { Principal } from '../../../kernel/policy/index.ts';
import { need, type OpendataContext } from '../area.ts';
import type { Demands } from './demands.ts';
import type { Feedback } from './feedback.ts';
import {
  AnswerInput,
  AppInput,
  AppPage,
  AppsQuery,
  AppView,
  CommentEdit,
  CommentInput,
  CommentPage,
  CommentsQuery,
  CommentView,
  DatasetCommunityView,
  DatasetParam,
  DemandInput,
  DemandPage,
  DemandsQuery,
  DemandView,
  Empty,
  HideInput,
  IdParam,
  ProductInput,
  ProductPage,
  ProductsQuery,
  ProductUpdate,
  ProductView,
  PublisherList,
  QueueQuery,
  QueueView,
  RatingInput,
  RatingSummaryView,
  RejectInput,
  ReplyInput,
  WithdrawInput,
} from './schema.ts';
import { publishedOr404, refOf } from './shared.ts';
import type { Showcase } from './showcase.ts';

const tags = ['opendata'];
const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema, 422: ProblemSchema, 503: ProblemSchema };
const BASE = '/api/opendata';
// The public may read without signing in; a signed-in caller also sees their own pending words.
const publicRead = { public: true, rateLimit: { max: 240, timeWindow: '1 minute' } } as const;
const MANAGE = { permission: 'opendata.manage' } as const;
const SIGNED_IN = { authenticated: true } as const;

/** 互动 over HTTP: a dataset's ratings, comments, apps and products; 数据需求; 应用展示; 授权运营 products; the bureau's review. */
export function communityRoutes(ctx: OpendataContext, s: { feedback: Feedback; demands: Demands; showcase: Showcase }) {
  return async function (app: App) {
    const who = (req: { principal?: Principal | null }) => req.principal ?? null;
    const me = (req: { principal?: Principal | null }) => req.principal!;
    const rid = (req: { id: unknown }) => String(req.id);

    /* ---------------------------------------------------------------- a dataset page */
    app.get(
      `${BASE}/community/datasets/:dataset`,
      {
        config: publicRead,
        schema: { tags, summary: '数据集的评分、应用与授权运营产品 / A dataset’s ratings, apps and products', params: DatasetParam, response: { 200: DatasetCommunityView, ...errors } },
      },
      async (req) => {
        const d = await publishedOr404(ctx, req.params.dataset);
        const [ratings, apps, products] = await Promise.all([
          s.feedback.summary(d.id, who(req)),
          s.showcase.apps(null, { dataset: d.id, limit: 50 }),
          s.showcase.products({ dataset: d.id, limit: 50 }),
        ]);
        return { dataset: refOf(d), ratings, apps: apps.items, products: products.items };
      },
    );
    app.put(
      `${BASE}/community/datasets/:dataset/rating`,
      {
        config: SIGNED_IN,
        schema: {
          tags,
          summary: '为数据集评分（每人一次，可修改）/ Rate a dataset (one per account, changeable)',
          params: DatasetParam,
          body: RatingInput,
          response: { 200: RatingSummaryView, ...errors },
        },
      },
      async (req) => s.feedback.rate(who(req), req.params.dataset, req.body.stars, rid(req)),
    );
    app.get(
      `${BASE}/community/datasets/:dataset/comments`,
      {
        config: publicRead,
        schema: { tags, summary: '数据集评论（已公开的，及本人的待审评论）/ A dataset’s comments', params: DatasetParam, querystring: CommentsQuery, response: { 200: CommentPage, ...errors } },
      },
      async (req) => s.feedback.comments(req.params.dataset, who(req), req.query),
    );
    app.post(
      `${BASE}/community/datasets/:dataset/comments`,
      {
        config: SIGNED_IN,
        schema: { tags, summary: '发表评论（审核后公开）/ Comment (published after review)', params: DatasetParam, body: CommentInput, response: { 201: CommentView, ...errors } },
      },
      async (req, reply) => reply.status(201).send(await s.feedback.comment(who(req), req.params.dataset, req.body.body, rid(req))),
    );

    /* ---------------------------------------------------------------- comments: the author and the bureau */
    app.get(`${BASE}/comments`, { config: MANAGE, schema: { tags, summary: '评论审核队列 / Comments to review', querystring: QueueQuery, response: { 200: QueueView, ...errors } } }, async (req) =>
      s.feedback.queue(me(req), req.query),
    );
    app.put(
      `${BASE}/comments/:id`,
      {
        config: SIGNED_IN,
        schema: { tags, summary: '修改本人的评论（重新审核）/ Change one’s own comment (reviewed again)', params: IdParam, body: CommentEdit, response: { 200: CommentView, ...errors } },
      },
      async (req) => s.feedback.edit(who(req), req.params.id, req.body.body, req.body.expectedVersion, rid(req)),
    );
    app.post(
      `${BASE}/comments/:id/publish`,
      { config: MANAGE, schema: { tags, summary: '公开评论 / Publish a comment', params: IdParam, body: Empty, response: { 200: CommentView, ...errors } } },
      async (req) => s.feedback.moderate(me(req), req.params.id, { action: 'publish' }, rid(req)),
    );
    app.post(
      `${BASE}/comments/:id/hide`,
      { config: MANAGE, schema: { tags, summary: '隐藏评论（须说明理由）/ Hide a comment, with a reason', params: IdParam, body: HideInput, response: { 200: CommentView, ...errors } } },
      async (req) => s.feedback.moderate(me(req), req.params.id, { action: 'hide', reason: req.body.reason }, rid(req)),
    );
    app.post(
      `${BASE}/comments/:id/reply`,
      { config: MANAGE, schema: { tags, summary: '答复评论 / Reply to a comment', params: IdParam, body: ReplyInput, response: { 200: CommentView, ...errors } } },
      async (req) => s.feedback.moderate(me(req), req.params.id, { action: 'reply', reply: req.body.reply }, rid(req)),
    );

    /* ---------------------------------------------------------------- 数据需求 */
    app.get(
      `${BASE}/community/departments`,
      {
        config: publicRead,
        schema: { tags, summary: '数据提供部门（供数据需求选择）/ Providing departments, for a data demand', response: { 200: PublisherList, ...errors } },
      },
      async () => ({ items: (await need(ctx, 'catalogue').publishers(ctx.k.config.regionCode)).map((p) => ({ id: p.id, name: p.name, nameEn: p.nameEn })) }),
    );
    app.get(`${BASE}/demands`, { config: publicRead, schema: { tags, summary: '数据需求（公开）/ Data demands', querystring: DemandsQuery, response: { 200: DemandPage, ...errors } } }, async (req) =>
      s.demands.list(who(req), req.query),
    );
    app.get(`${BASE}/demands/:id`, { config: publicRead, schema: { tags, summary: '数据需求详情 / A data demand', params: IdParam, response: { 200: DemandView, ...errors } } }, async (req) =>
      s.demands.get(who(req), req.params.id),
    );
    app.post(`${BASE}/demands`, { config: SIGNED_IN, schema: { tags, summary: '提出数据需求 / Ask for data', body: DemandInput, response: { 201: DemandView, ...errors } } }, async (req, reply) =>
      reply.status(201).send(await s.demands.submit(who(req), req.body, rid(req))),
    );
    app.post(
      `${BASE}/demands/:id/answer`,
      {
        config: MANAGE,
        schema: { tags, summary: '答复数据需求：已受理 / 已开放 / 不予开放 / Answer a data demand', params: IdParam, body: AnswerInput, response: { 200: DemandView, ...errors } },
      },
      async (req) => s.demands.answer(me(req), req.params.id, req.body as never, rid(req)),
    );
    app.post(
      `${BASE}/demands/:id/votes`,
      { config: SIGNED_IN, schema: { tags, summary: '为数据需求点赞（每人一次）/ Support a data demand (+1, once)', params: IdParam, body: Empty, response: { 200: DemandView, ...errors } } },
      async (req) => s.demands.vote(who(req), req.params.id, rid(req)),
    );

    /* ---------------------------------------------------------------- 应用展示 */
    app.get(`${BASE}/apps`, { config: publicRead, schema: { tags, summary: '应用展示 / Apps built on open data', querystring: AppsQuery, response: { 200: AppPage, ...errors } } }, async (req) =>
      s.showcase.apps(who(req), req.query),
    );
    app.get(`${BASE}/apps/:id`, { config: publicRead, schema: { tags, summary: '应用详情 / An app', params: IdParam, response: { 200: AppView, ...errors } } }, async (req) =>
      s.showcase.app(who(req), req.params.id),
    );
    app.post(
      `${BASE}/apps`,
      { config: SIGNED_IN, schema: { tags, summary: '提交应用（审核后展示）/ Submit an app (listed after review)', body: AppInput, response: { 201: AppView, ...errors } } },
      async (req, reply) => reply.status(201).send(await s.showcase.submitApp(who(req), req.body, rid(req))),
    );
    app.post(`${BASE}/apps/:id/publish`, { config: MANAGE, schema: { tags, summary: '展示应用 / List an app', params: IdParam, body: Empty, response: { 200: AppView, ...errors } } }, async (req) =>
      s.showcase.reviewApp(me(req), req.params.id, { publish: true }, rid(req)),
    );
    app.post(
      `${BASE}/apps/:id/reject`,
      { config: MANAGE, schema: { tags, summary: '不予展示（须说明理由）/ Turn an app down, with a reason', params: IdParam, body: RejectInput, response: { 200: AppView, ...errors } } },
      async (req) => s.showcase.reviewApp(me(req), req.params.id, { publish: false, reason: req.body.reason }, rid(req)),
    );

    /* ---------------------------------------------------------------- 授权运营 products */
    app.get(
      `${BASE}/products`,
      { config: publicRead, schema: { tags, summary: '授权运营产品（公开）/ Authorised-operation data products', querystring: ProductsQuery, response: { 200: ProductPage, ...errors } } },
      async (req) => s.showcase.products(req.query),
    );
    app.get(`${BASE}/products/:id`, { config: publicRead, schema: { tags, summary: '授权运营产品详情 / A data product', params: IdParam, response: { 200: ProductView, ...errors } } }, async (req) =>
      s.showcase.product(req.params.id),
    );
    app.post(
      `${BASE}/products`,
      { config: MANAGE, schema: { tags, summary: '登记授权运营产品 / Disclose a data product', body: ProductInput, response: { 201: ProductView, ...errors } } },
      async (req, reply) => reply.status(201).send(await s.showcase.createProduct(me(req), req.body, rid(req))),
    );
    app.put(
      `${BASE}/products/:id`,
      { config: MANAGE, schema: { tags, summary: '修改授权运营产品 / Change a data product', params: IdParam, body: ProductUpdate, response: { 200: ProductView, ...errors } } },
      async (req) => s.showcase.updateProduct(me(req), req.params.id, req.body, rid(req)),
    );
    app.post(
      `${BASE}/products/:id/withdraw`,
      { config: MANAGE, schema: { tags, summary: '下架授权运营产品 / Withdraw a data product', params: IdParam, body: WithdrawInput, response: { 200: ProductView, ...errors } } },
      async (req) => s.showcase.withdrawProduct(me(req), req.params.id, req.body.reason, rid(req)),
    );
  };
}
