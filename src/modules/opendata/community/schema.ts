import { Type, type TSchema } from '@sinclair/typebox';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Uuid = Type.String({ format: 'uuid' });
const Day = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
// Lengths are checked again in characters (code points) by the service; these bound the request.
const Txt = (max: number, description?: string) => Type.String({ maxLength: max * 2, ...(description ? { description } : {}) });
const DatasetRefInput = Type.String({ minLength: 1, maxLength: 100, description: '数据集 id 或名称 / dataset id or name' });

export const DatasetParam = Type.Object({ dataset: DatasetRefInput }, { additionalProperties: false });
export const IdParam = Type.Object({ id: Uuid }, { additionalProperties: false });
const Paging = { after: Type.Optional(Type.String({ maxLength: 400 })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })) };

export const DatasetRefView = Type.Object({ id: Type.String(), name: Type.String(), title: Type.String(), titleEn: Type.String() });

/* ------------------------------------------------------------------ ratings and comments */

export const RatingInput = Type.Object({ stars: Type.Integer({ minimum: 1, maximum: 5, description: '1–5 星' }) }, { additionalProperties: false });
export const RatingSummaryView = Type.Object({
  average: Type.Number(),
  count: Type.Integer(),
  distribution: Type.Array(Type.Integer(), { minItems: 5, maxItems: 5, description: '1 至 5 星各有多少人 / accounts per star, 1 to 5' }),
  mine: Nullable(Type.Integer()),
});

const CommentState = Type.Union([Type.Literal('pending'), Type.Literal('published'), Type.Literal('hidden')]);
export const CommentInput = Type.Object({ body: Txt(1000, '评论（不超过 1000 字）') }, { additionalProperties: false });
export const CommentEdit = Type.Object({ body: Txt(1000), expectedVersion: Type.Optional(Type.Integer({ minimum: 1 })) }, { additionalProperties: false });
export const HideInput = Type.Object({ reason: Txt(500, '隐藏理由') }, { additionalProperties: false });
export const ReplyInput = Type.Object({ reply: Txt(1000, '答复') }, { additionalProperties: false });
export const Empty = Type.Object({}, { additionalProperties: false });
export const CommentView = Type.Object({
  id: Type.String(),
  datasetId: Type.String(),
  body: Type.String(),
  authorName: Type.String(),
  state: CommentState,
  mine: Type.Boolean(),
  hiddenReason: Nullable(Type.String()),
  reply: Nullable(Type.String()),
  repliedAt: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  version: Type.Integer(),
});
export const CommentPage = Type.Object({ items: Type.Array(CommentView), next: Nullable(Type.String()), total: Type.Integer() });
export const QueueView = Type.Object({ items: Type.Array(Type.Composite([CommentView, Type.Object({ dataset: Nullable(DatasetRefView) })])), next: Nullable(Type.String()), total: Type.Integer() });
export const CommentsQuery = Type.Object(Paging, { additionalProperties: false });
export const QueueQuery = Type.Object({ state: Type.Optional(CommentState), ...Paging }, { additionalProperties: false });

/* ------------------------------------------------------------------ 数据需求 */

const DemandState = Type.Union([Type.Literal('submitted'), Type.Literal('accepted'), Type.Literal('opened'), Type.Literal('declined')], {
  description: 'submitted 待答复 / accepted 已受理 / opened 已开放 / declined 不予开放',
});
export const DemandInput = Type.Object(
  {
    title: Txt(100, '需求名称'),
    description: Txt(2000, '需求描述'),
    dataWanted: Txt(1000, '所需数据（数据项、范围）'),
    purpose: Txt(500, '用途'),
    departmentId: Type.Optional(Nullable(Uuid)),
  },
  { additionalProperties: false },
);
export const AnswerInput = Type.Object(
  {
    state: Type.Union([Type.Literal('accepted'), Type.Literal('opened'), Type.Literal('declined')]),
    plannedDate: Type.Optional(Day),
    dataset: Type.Optional(Type.String({ maxLength: 100 })),
    reason: Type.Optional(Txt(2000)),
    note: Type.Optional(Txt(2000, '答复说明')),
    expectedVersion: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);
export const DemandView = Type.Object({
  id: Type.String(),
  title: Type.String(),
  description: Type.String(),
  dataWanted: Type.String(),
  purpose: Type.String(),
  departmentId: Nullable(Type.String()),
  departmentName: Nullable(Type.String()),
  departmentNameEn: Nullable(Type.String()),
  authorName: Type.String(),
  state: DemandState,
  plannedDate: Nullable(Type.String()),
  dataset: Nullable(DatasetRefView),
  reason: Nullable(Type.String()),
  answer: Nullable(Type.String()),
  answeredAt: Nullable(Type.String()),
  dueAt: Type.String(),
  overdue: Type.Boolean(),
  votes: Type.Integer(),
  votedByMe: Type.Boolean(),
  mine: Type.Boolean(),
  createdAt: Type.String(),
  version: Type.Integer(),
});
export const DemandPage = Type.Object({ items: Type.Array(DemandView), next: Nullable(Type.String()), total: Type.Integer() });
export const DemandsQuery = Type.Object({ state: Type.Optional(DemandState), overdue: Type.Optional(Type.Boolean()), mine: Type.Optional(Type.Boolean()), ...Paging }, { additionalProperties: false });

/* ------------------------------------------------------------------ 应用展示 and 授权运营 */

const AppKind = Type.Union([Type.Literal('web'), Type.Literal('app'), Type.Literal('miniprogram'), Type.Literal('research')], {
  description: 'web 网站 / app 移动应用 / miniprogram 小程序 / research 研究成果',
});
const AppState = Type.Union([Type.Literal('pending'), Type.Literal('published'), Type.Literal('rejected')]);
const Datasets = Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { minItems: 1, maxItems: 20, description: '所用数据集（id 或名称，须已开放）' });
export const AppInput = Type.Object(
  {
    name: Txt(100, '应用名称'),
    description: Txt(2000, '应用简介'),
    url: Type.String({ maxLength: 500, description: '网址（http/https）' }),
    kind: AppKind,
    datasets: Datasets,
    developer: Txt(100, '开发者'),
  },
  { additionalProperties: false },
);
export const RejectInput = Type.Object({ reason: Txt(500, '不予展示的理由') }, { additionalProperties: false });
export const AppView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  description: Type.String(),
  url: Type.String(),
  kind: AppKind,
  datasets: Type.Array(DatasetRefView),
  developer: Type.String(),
  state: AppState,
  reason: Nullable(Type.String()),
  mine: Type.Boolean(),
  reviewedAt: Nullable(Type.String()),
  createdAt: Type.String(),
});
export const AppPage = Type.Object({ items: Type.Array(AppView), next: Nullable(Type.String()), total: Type.Integer() });
export const AppsQuery = Type.Object(
  { state: Type.Optional(AppState), dataset: Type.Optional(Type.String({ maxLength: 100 })), mine: Type.Optional(Type.Boolean()), ...Paging },
  { additionalProperties: false },
);

const ProductState = Type.Union([Type.Literal('listed'), Type.Literal('withdrawn')]);
const Service = Type.Object({ name: Txt(100, '产品或服务名称'), description: Txt(1000, '说明') }, { additionalProperties: false });
const ProductFields = {
  name: Txt(100, '产品名称'),
  description: Txt(2000, '产品简介'),
  implementer: Txt(100, '实施机构'),
  operator: Txt(100, '运营机构'),
  datasets: Datasets,
  services: Type.Array(Service, { minItems: 1, maxItems: 50, description: '产品和服务清单' }),
  pricing: Txt(2000, '收费标准'),
  validFrom: Day,
  validTo: Day,
  terms: Txt(4000, '使用条件与条款'),
  url: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
};
export const ProductInput = Type.Object(ProductFields, { additionalProperties: false });
export const ProductUpdate = Type.Object({ ...ProductFields, expectedVersion: Type.Optional(Type.Integer({ minimum: 1 })) }, { additionalProperties: false });
export const WithdrawInput = Type.Object({ reason: Txt(500, '下架理由') }, { additionalProperties: false });
export const ProductView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  description: Type.String(),
  implementer: Type.String(),
  operator: Type.String(),
  datasets: Type.Array(DatasetRefView),
  services: Type.Array(Type.Object({ name: Type.String(), description: Type.String() })),
  pricing: Type.String(),
  validFrom: Type.String(),
  validTo: Type.String(),
  terms: Type.String(),
  url: Nullable(Type.String()),
  state: ProductState,
  version: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export const ProductPage = Type.Object({ items: Type.Array(ProductView), next: Nullable(Type.String()), total: Type.Integer() });
export const ProductsQuery = Type.Object({ state: Type.Optional(ProductState), dataset: Type.Optional(Type.String({ maxLength: 100 })), ...Paging }, { additionalProperties: false });

/* ------------------------------------------------------------------ a dataset page */

export const DatasetCommunityView = Type.Object({
  dataset: DatasetRefView,
  ratings: RatingSummaryView,
  apps: Type.Array(AppView),
  products: Type.Array(ProductView),
});

export const PublisherList = Type.Object({ items: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), nameEn: Type.String() })) });
