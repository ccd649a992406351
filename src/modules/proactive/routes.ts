import { Type } from '@sinclair/typebox';
import type { App } from '../../kernel/http/app.ts';
import { NoInput, ProblemSchema } from '../../kernel/http/schemas.ts';
import type { Principal } from '../../kernel/policy/index.ts';
import { MAX_PAGE } from '../../kernel/paging/index.ts';
import type { Benefits } from './benefits.ts';
import type { Policies } from './policies.ts';
import type { Runs } from './runs.ts';
import {
  CheckInput,
  CheckResult,
  ConfirmInput,
  DeclineInput,
  FactView,
  MyBenefit,
  MyMatch,
  PaymentInput,
  PaymentView,
  PolicyCard,
  PolicyInput,
  PolicyView,
  Reach,
  RunDetail,
  RunView,
  TestResultView,
} from './schema.ts';

const tags = ['proactive'];
const Id = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema, 422: ProblemSchema };
const Page = Type.Object(
  { after: Type.Optional(Type.String({ maxLength: 60, pattern: '^[A-Za-z0-9_-]+$' })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE, default: 50 })) },
  { additionalProperties: false },
);
const Saved = Type.Object({ id: Type.String(), version: Type.Integer() });
const Changed = Type.Object({ id: Type.String(), state: Type.String() });

export interface ProactiveParts {
  policies: Policies;
  runs: Runs;
  benefits: Benefits;
  itemLink(code: string): Promise<string | null>;
}

export function proactiveRoutes(p: ProactiveParts) {
  return async function (app: App) {
    const rid = (req: { id: unknown }) => String(req.id);
    const me = (req: { principal?: Principal | null }) => req.principal!;

    app.get(
      '/api/proactive/facts',
      {
        config: { permission: 'proactive.read' },
        schema: {
          tags,
          summary: '可用于规则的事实 / Facts rules may use',
          querystring: Type.Object({ subject: Type.Union([Type.Literal('person'), Type.Literal('entity')]) }, { additionalProperties: false }),
          response: { 200: Type.Array(FactView), ...errors },
        },
      },
      async (req) => [...p.policies.catalogue(req.query.subject).values()].map((d) => ({ ...d, values: d.values ? [...d.values] : undefined })),
    );
    app.get(
      '/api/proactive/policies',
      {
        config: { permission: 'proactive.read' },
        schema: {
          tags,
          summary: '政策（管理）/ Policies',
          querystring: Page,
          response: { 200: Type.Object({ items: Type.Array(PolicyView), next: Type.Union([Type.String(), Type.Null()]) }), ...errors },
        },
      },
      async (req) => p.policies.list(me(req), { after: req.query.after, limit: req.query.limit ?? 50 }),
    );
    app.get(
      '/api/proactive/policies/:id',
      { config: { permission: 'proactive.read' }, schema: { tags, summary: '一项政策 / One policy', params: Id, response: { 200: PolicyView, ...errors } } },
      async (req) => p.policies.get(me(req), req.params.id),
    );
    app.get(
      '/api/proactive/policy-cards',
      {
        config: { public: true },
        schema: {
          tags,
          summary: '政策卡片：申报条件、兑现方式、兑现时限 / Policy cards',
          querystring: Type.Object({ subject: Type.Optional(Type.Union([Type.Literal('person'), Type.Literal('entity')])) }, { additionalProperties: false }),
          response: { 200: Type.Array(PolicyCard) },
        },
      },
      async (req) => p.policies.cards(req.query.subject),
    );
    app.post(
      '/api/proactive/policies',
      { config: { permission: 'proactive.manage' }, schema: { tags, summary: '新建政策（草稿）/ Create a policy (draft)', body: PolicyInput, response: { 201: Saved, ...errors } } },
      async (req, reply) => reply.status(201).send(await p.policies.create(me(req), req.body, rid(req))),
    );
    app.put(
      '/api/proactive/policies/:id',
      { config: { permission: 'proactive.manage' }, schema: { tags, summary: '修改政策（新草稿版本）/ Save a draft version', params: Id, body: PolicyInput, response: { 200: Saved, ...errors } } },
      async (req) => p.policies.update(me(req), req.params.id, req.body, rid(req)),
    );
    app.post(
      '/api/proactive/policies/:id/test',
      {
        config: { permission: 'proactive.read', documentedBody: NoInput },
        schema: { tags, summary: '运行测试用例 / Run the test cases', params: Id, response: { 200: Type.Array(TestResultView), ...errors } },
      },
      async (req) => p.policies.test(me(req), req.params.id),
    );
    app.post(
      '/api/proactive/policies/:id/publish',
      { config: { permission: 'proactive.manage', documentedBody: NoInput }, schema: { tags, summary: '发布草稿 / Publish the draft', params: Id, response: { 200: Saved, ...errors } } },
      async (req) => p.policies.publish(me(req), req.params.id, rid(req)),
    );
    app.post(
      '/api/proactive/policies/:id/runs',
      { config: { permission: 'proactive.manage', documentedBody: NoInput }, schema: { tags, summary: '立即运行 / Run now', params: Id, response: { 201: RunView, ...errors } } },
      async (req, reply) => reply.status(201).send(await p.runs.runNow(me(req), req.params.id, rid(req))),
    );
    app.get(
      '/api/proactive/policies/:id/runs',
      {
        config: { permission: 'proactive.read' },
        schema: {
          tags,
          summary: '运行记录 / Runs',
          params: Id,
          querystring: Page,
          response: { 200: Type.Object({ items: Type.Array(RunView), next: Type.Union([Type.String(), Type.Null()]) }), ...errors },
        },
      },
      async (req) => p.runs.list(me(req), req.params.id, { after: req.query.after, limit: req.query.limit ?? 50 }),
    );
    app.get(
      '/api/proactive/runs/:id',
      { config: { permission: 'proactive.read' }, schema: { tags, summary: '一次运行 / One run', params: Id, response: { 200: RunDetail, ...errors } } },
      async (req) => p.runs.detail(me(req), req.params.id),
    );
    app.get(
      '/api/proactive/policies/:id/reach',
      { config: { permission: 'proactive.read' }, schema: { tags, summary: '触达：匹配、通知、申请、兑现 / Reach', params: Id, response: { 200: Reach, ...errors } } },
      async (req) => p.runs.reach(me(req), req.params.id),
    );
    app.post(
      '/api/proactive/policies/:id/payments',
      { config: { permission: 'proactive.manage' }, schema: { tags, summary: '登记一期发放 / Record a payment batch', params: Id, body: PaymentInput, response: { 201: PaymentView, ...errors } } },
      async (req, reply) => reply.status(201).send(await p.benefits.recordPayment(me(req), req.params.id, req.body.period, rid(req))),
    );
    app.get(
      '/api/proactive/policies/:id/payments',
      { config: { permission: 'proactive.read' }, schema: { tags, summary: '发放批次 / Payment batches', params: Id, response: { 200: Type.Array(PaymentView), ...errors } } },
      async (req) => p.benefits.payments(me(req), req.params.id),
    );
    app.post(
      '/api/proactive/check',
      { config: { permission: 'proactive.read' }, schema: { tags, summary: '核验一个对象 / Check one person or enterprise', body: CheckInput, response: { 200: CheckResult, ...errors } } },
      async (req) => p.benefits.check(me(req), req.body),
    );

    // Residents and enterprises (their own records only; another's is not found).
    app.get(
      '/api/proactive/my/benefits',
      { config: { authenticated: true }, schema: { tags, summary: '我的免申即享待遇 / My benefits', response: { 200: Type.Array(MyBenefit), ...errors } } },
      async (req) => p.benefits.mine(me(req)),
    );
    app.post(
      '/api/proactive/my/benefits/:id/confirm',
      { config: { authenticated: true }, schema: { tags, summary: '确认领取 / Confirm', params: Id, body: ConfirmInput, response: { 200: Changed, ...errors } } },
      async (req) => p.benefits.confirm(me(req), req.params.id, req.body, rid(req)),
    );
    app.post(
      '/api/proactive/my/benefits/:id/decline',
      { config: { authenticated: true }, schema: { tags, summary: '放弃 / Decline', params: Id, body: DeclineInput, response: { 200: Changed, ...errors } } },
      async (req) => p.benefits.decline(me(req), req.params.id, req.body.reason, rid(req)),
    );
    app.get(
      '/api/proactive/my/matches',
      { config: { authenticated: true }, schema: { tags, summary: '您可能符合 / Policies you may qualify for', response: { 200: Type.Array(MyMatch), ...errors } } },
      async (req) => p.benefits.myMatches(me(req), p.itemLink),
    );
  };
}
