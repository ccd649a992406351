import { Type, type TSchema } from '@sinclair/typebox';
import { IdSchema } from '../../../kernel/http/schemas.ts';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Text = (max: number, description?: string) => Type.String({ minLength: 1, maxLength: max, pattern: '\\S', ...(description ? { description } : {}) });
const Limit = Type.Integer({ minimum: 1, maximum: 100, description: '每页条数（最多100）/ page size, at most 100' });
const After = Type.String({ maxLength: 200, description: '分页游标 / cursor from `next`' });
const Version = Type.Integer({ minimum: 1, maximum: 1_000_000, description: '读到的版本号；他人已改则 409 / the version read; 409 when someone changed it since' });

export const QuestionState = Type.Union([Type.Literal('submitted'), Type.Literal('answered'), Type.Literal('published'), Type.Literal('rejected'), Type.Literal('unpublished')], {
  description: 'submitted 待答复 · answered 待审核 · published 已公开 · rejected 不予公开 · unpublished 已撤下',
});

export const QuestionInput = Type.Object(
  {
    documentId: Type.Optional(Nullable(IdSchema)),
    departmentId: Type.Optional(Nullable(IdSchema)),
    title: Text(100, '标题 / title'),
    body: Text(2000, '内容 / the question'),
  },
  { additionalProperties: false },
);

export const AnswerInput = Type.Object({ answer: Text(3000, '答复 / the answer'), expectedVersion: Version }, { additionalProperties: false });
export const ReviewInput = Type.Object(
  {
    decision: Type.Union([Type.Literal('publish'), Type.Literal('reject'), Type.Literal('return')], { description: 'publish 公开 · reject 不予公开（告知提问人）· return 退回修改' }),
    reason: Type.Optional(Type.String({ maxLength: 500, description: '理由（reject、return 必填）/ reason, required to reject or return' })),
    expectedVersion: Version,
  },
  { additionalProperties: false },
);
export const UnpublishInput = Type.Object({ reason: Text(500, '撤下理由 / why'), expectedVersion: Version }, { additionalProperties: false });

export const PublishedQuery = Type.Object({ document: Type.Optional(IdSchema), after: Type.Optional(After), limit: Type.Optional(Limit) }, { additionalProperties: false });
export const MineQuery = Type.Object({ after: Type.Optional(After), limit: Type.Optional(Limit) }, { additionalProperties: false });
export const InboxQuery = Type.Object(
  { state: Type.Optional(QuestionState), department: Type.Optional(IdSchema), overdue: Type.Optional(Type.Boolean()), after: Type.Optional(After), limit: Type.Optional(Limit) },
  { additionalProperties: false },
);
export const QaQuery = Type.Object({ q: Type.Optional(Type.String({ maxLength: 100 })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })) }, { additionalProperties: false });
export const IdParam = Type.Object({ id: IdSchema }, { additionalProperties: false });

export const PublicQuestion = Type.Object({
  id: Type.String(),
  number: Type.String(),
  title: Type.String(),
  body: Type.String(),
  answer: Type.String(),
  departmentId: Type.String(),
  departmentName: Nullable(Type.String()),
  departmentNameEn: Nullable(Type.String()),
  documentId: Nullable(Type.String()),
  documentTitle: Nullable(Type.String()),
  publishedAt: Type.String(),
});
export const PublicQuestionPage = Type.Object({ items: Type.Array(PublicQuestion), next: Nullable(Type.String()) });

const myFields = {
  id: Type.String(),
  number: Type.String(),
  channel: Type.Union([Type.Literal('document'), Type.Literal('column')]),
  title: Type.String(),
  body: Type.String(),
  state: QuestionState,
  answer: Nullable(Type.String()),
  reason: Nullable(Type.String()),
  departmentId: Type.String(),
  departmentName: Nullable(Type.String()),
  departmentNameEn: Nullable(Type.String()),
  documentId: Nullable(Type.String()),
  documentTitle: Nullable(Type.String()),
  createdAt: Type.String(),
  publishedAt: Nullable(Type.String()),
};
export const MyQuestion = Type.Object(myFields);
export const MyQuestionPage = Type.Object({ items: Type.Array(MyQuestion), next: Nullable(Type.String()) });

export const StaffQuestion = Type.Object({
  ...myFields,
  askerLabel: Type.String(),
  answeredByName: Nullable(Type.String()),
  answeredAt: Nullable(Type.String()),
  reviewedByName: Nullable(Type.String()),
  reviewedAt: Nullable(Type.String()),
  dueAt: Type.String(),
  overdue: Type.Boolean(),
  knowledgeId: Nullable(Type.String()),
  version: Type.Integer(),
  canAnswer: Type.Boolean(),
  canReview: Type.Boolean(),
  history: Type.Optional(
    Type.Array(Type.Object({ action: Type.String(), from: Nullable(Type.String()), to: Type.String(), actorName: Type.String(), opinion: Nullable(Type.String()), at: Type.String() })),
  ),
});
export const InboxPage = Type.Object({ items: Type.Array(StaffQuestion), next: Nullable(Type.String()), total: Type.Integer() });

export const QaHit = Type.Object({
  id: Type.String(),
  title: Type.String(),
  body: Type.String(),
  updatedAt: Type.String(),
  source: Type.Union([Type.Literal('hotline'), Type.Literal('question')], { description: 'hotline 12345知识库 · question 政民互动答复' }),
  questionId: Nullable(Type.String()),
  documentId: Nullable(Type.String()),
  documentTitle: Nullable(Type.String()),
  departmentName: Nullable(Type.String()),
});
export const QaResult = Type.Object({ items: Type.Array(QaHit) });
export const DepartmentList = Type.Object({ items: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), office: Type.Boolean() })) });
