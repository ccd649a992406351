import { Type } from '@sinclair/typebox';
import type { App } from '../../kernel/http/app.ts';
import { CodeLabel as Code, DaySchema, ProblemSchema, Tuple, codeLabels as codes } from '../../kernel/http/schemas.ts';
import type { Principal } from '../../kernel/policy/index.ts';
import type { Categories } from './categories.ts';
import type { Handling } from './handling.ts';
import type { CaseNotes } from './notes.ts';
import type { Intake } from './intake.ts';
import type { KnowledgeBase } from './knowledge.ts';
import type { Open311Keys } from './open311/keys.ts';
import { CaseActionBody, CaseDetail, CaseInput, CaseNoteBody, CaseSummary, Category, CategoryCode, CategoryInput, Duty, DutyInput, Knowledge, KnowledgeInput, Suggestion, page } from './schema.ts';
import type { CaseStats } from './stats.ts';
import { UnderstandingFields, type Suggester } from './suggestions.ts';
import type { CaseViews } from './views.ts';
import { caseQueueRoutes } from './queue-routes.ts';
import { CASE_KINDS, CHANNELS, URGENCIES } from './workflow.ts';
import type { CaseWorkflows } from './workflows.ts';

const CategoryLabel = { categoryCode: Type.String(), name: Type.String(), nameEn: Type.Union([Type.String(), Type.Null()]) };
/** Cases per category per week, the ten biggest categories and the ten rising fastest. */
const Topics = Type.Object({
  weeks: Type.Array(Type.String({ description: 'YYYY-MM-DD, the Monday (CST)' })),
  hot: Type.Array(Type.Object({ ...CategoryLabel, total: Type.Integer(), perWeek: Type.Array(Type.Integer()) })),
  rising: Type.Array(Type.Object({ ...CategoryLabel, lastWeek: Type.Integer(), weekBefore: Type.Integer(), growth: Type.Union([Type.Number(), Type.Null()]) })),
});
const tags = ['cases'];
/** A reported case: its number, the original it duplicates, and what was understood of it (absent on a replay). */
const Reported = Type.Object({
  id: Type.String(),
  number: Type.String(),
  duplicateOf: Type.Union([Type.String(), Type.Null()]),
  suggestions: Type.Array(Suggestion),
  departments: Type.Optional(UnderstandingFields.departments),
  street: Type.Optional(UnderstandingFields.street),
  manual: Type.Optional(UnderstandingFields.manual),
});
/** Steps in a case's history that are not workflow actions. */
const STEP_NAMES = [
  ['register', '登记', 'Registered'],
  ['overdue', '超期督办', 'Overdue, supervised'],
  ['remind', '催办', 'Reminder'],
  ['supervise', '督办', 'Supervision'],
  ['escalate', '升级督办', 'Escalated'],
  ['request_extension', '申请延期', 'Extension asked'],
  ['approve_extension', '同意延期', 'Extension approved'],
  ['refuse_extension', '不同意延期', 'Extension refused'],
  ['assist', '协办意见', 'Helper’s opinion'],
] as const;
const Id = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema, 413: ProblemSchema, 422: ProblemSchema, 429: ProblemSchema };
const Day = DaySchema;
const PeriodQuery = { from: Type.Optional(Day), to: Type.Optional(Day) };

export interface CasesParts {
  categories: Categories;
  suggester: Suggester;
  intake: Intake;
  handling: Handling;
  notes: CaseNotes;
  views: CaseViews;
  knowledge: KnowledgeBase;
  stats: CaseStats;
  keys: Open311Keys;
  workflows: CaseWorkflows;
  regionCode: string;
}

export function casesRoutes(p: CasesParts) {
  return async function (app: App) {
    await caseQueueRoutes(p.views)(app);
    const rid = (req: { id: unknown }) => String(req.id);
    const me = (req: { principal?: Principal | null }) => req.principal!;
    const cst = (d?: string, end = false) => (d ? `${d}T${end ? '23:59:59.999' : '00:00:00'}+08:00` : undefined);

    app.get('/api/cases/codes', { config: { public: true }, schema: { tags, summary: '工单代码表 / Case code lists', response: { 200: Type.Record(Type.String(), Type.Array(Code)) } } }, async () => {
      // State and action words come from the stored workflow versions, not the code's constant.
      const labels = await p.workflows.labels(p.regionCode);
      return {
        kinds: codes(CASE_KINDS),
        urgencies: codes(URGENCIES),
        channels: codes(CHANNELS),
        states: [...labels.states].map(([code, s]) => ({ code, zh: s.zh, en: s.en })),
        actions: [...[...labels.actions].map(([code, a]) => ({ code, zh: a.zh, en: a.en })), ...codes(STEP_NAMES)],
      };
    });
    app.get('/api/cases/categories', { config: { public: true }, schema: { tags, summary: '事项分类 / Category tree', response: { 200: Type.Array(Category) } } }, async () => p.categories.list());
    app.post(
      '/api/cases/categories',
      { config: { permission: 'cases.manage' }, schema: { tags, summary: '新增或修改分类 / Save a category', body: CategoryInput, response: { 200: Category, ...errors } } },
      async (req) => p.categories.saveCategory(me(req), req.body, rid(req)),
    );
    app.get('/api/cases/duties', { config: { permission: 'cases.view' }, schema: { tags, summary: '权责清单 / Responsibility list', response: { 200: Type.Array(Duty), ...errors } } }, async () =>
      p.categories.duties(),
    );
    app.put(
      '/api/cases/duties',
      { config: { permission: 'cases.manage' }, schema: { tags, summary: '保存权责清单条目 / Save a responsibility entry', body: DutyInput, response: { 200: Duty, ...errors } } },
      async (req) => p.categories.saveDuty(me(req), req.body, rid(req)),
    );
    app.post(
      '/api/cases/classify',
      {
        config: { permission: 'cases.intake' },
        schema: {
          tags,
          summary: '智能分类与派单建议 / Suggest category and unit',
          body: Type.Object(
            { text: Type.String({ minLength: 1, maxLength: 2100 }), lon: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })), lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })) },
            { additionalProperties: false },
          ),
          response: {
            200: Type.Object({
              streetCode: Type.Union([Type.String(), Type.Null()]),
              gridCode: Type.Union([Type.String(), Type.Null()]),
              suggestions: Type.Array(Suggestion),
              ...UnderstandingFields,
            }),
            ...errors,
          },
        },
      },
      async (req) => {
        const place = await p.intake.place(req.body);
        const u = await p.suggester.understand(req.body.text, p.regionCode, place);
        return { streetCode: place?.streetCode ?? null, gridCode: place?.gridCode ?? null, ...u };
      },
    );
    app.post(
      '/api/cases',
      {
        config: { authenticated: true },
        schema: {
          tags,
          summary: '受理诉求（热线、网站、网格员、系统接入）/ Report a case from any channel',
          body: CaseInput,
          response: {
            201: Reported,
            200: Reported,
            ...errors,
          },
        },
      },
      async (req, reply) => {
        const r = await p.intake.report(me(req), req.body, rid(req));
        return reply.status(r.created ? 201 : 200).send({ id: r.id, number: r.number, duplicateOf: r.duplicateOf, suggestions: r.suggestions, ...r.understanding });
      },
    );
    app.get(
      '/api/cases',
      {
        config: { authenticated: true },
        schema: {
          tags,
          summary: '工单列表与待办 / Cases and inboxes',
          querystring: Type.Object(
            {
              scope: Type.Optional(Type.Union([Type.Literal('region'), Type.Literal('unit'), Type.Literal('mine')])),
              state: Type.Optional(Type.String({ pattern: '^[a-z_]{2,40}$' })),
              open: Type.Optional(Type.Boolean()),
              overdue: Type.Optional(Type.Boolean()),
              supervised: Type.Optional(Type.Boolean()),
              categoryCode: Type.Optional(CategoryCode),
              streetCode: Type.Optional(Type.String({ pattern: '^[0-9]{9}$' })),
              q: Type.Optional(Type.String({ maxLength: 50 })),
              limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
              after: Type.Optional(Type.String({ maxLength: 200 })),
            },
            { additionalProperties: false },
          ),
          response: { 200: page(CaseSummary), ...errors },
        },
      },
      async (req) => p.views.list(me(req), req.query),
    );
    app.get(
      '/api/cases/board',
      {
        config: { permission: 'cases.supervise' },
        schema: { tags, summary: '督办看板 / Supervision board', response: { 200: Type.Object({ counts: Type.Record(Type.String(), Type.Integer()), cases: Type.Array(CaseSummary) }), ...errors } },
      },
      async (req) => p.views.board(me(req)),
    );
    app.post(
      '/api/cases/caller-history',
      {
        config: { permission: 'cases.intake' },
        schema: {
          tags,
          summary: '来电历史（号码放在请求体中）/ A caller’s earlier cases (number in the body)',
          body: Type.Object({ phone: Type.String({ pattern: '^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8})$' }) }, { additionalProperties: false }),
          response: {
            200: Type.Object({
              callerName: Type.Union([Type.String(), Type.Null()]),
              repeatCaller: Type.Boolean(),
              callsInWindow: Type.Integer(),
              windowDays: Type.Integer(),
              cases: Type.Array(CaseSummary),
            }),
            ...errors,
          },
        },
      },
      async (req) => p.views.callerHistory(me(req), req.body.phone),
    );
    app.get('/api/cases/:id', { config: { authenticated: true }, schema: { tags, summary: '工单详情 / A case with its history', params: Id, response: { 200: CaseDetail, ...errors } } }, async (req) =>
      p.views.detail(me(req), req.params.id),
    );
    app.post(
      '/api/cases/:id/actions',
      { config: { authenticated: true }, schema: { tags, summary: '办理工单 / Take a step on a case', params: Id, body: CaseActionBody, response: { 200: CaseDetail, ...errors } } },
      async (req) => {
        await p.handling.act(me(req), req.params.id, req.body, rid(req));
        return p.views.detail(me(req), req.params.id);
      },
    );
    app.post(
      '/api/cases/:id/notes',
      {
        config: { authenticated: true },
        schema: {
          tags,
          summary: '催办、督办、升级、延期、协办意见 / Remind, supervise, escalate, extension, helper opinion',
          params: Id,
          body: CaseNoteBody,
          response: { 200: CaseDetail, ...errors },
        },
      },
      async (req) => {
        await p.notes.note(me(req), req.params.id, req.body, rid(req));
        return p.views.detail(me(req), req.params.id);
      },
    );

    app.post(
      '/api/cases/open311-keys',
      {
        config: { permission: 'cases.manage' },
        schema: {
          tags,
          summary: '发放 Open311 api_key（仅显示一次）/ Issue an Open311 api key (shown once)',
          body: Type.Object({ name: Type.String({ minLength: 1, maxLength: 80, pattern: '\\S' }) }, { additionalProperties: false }),
          response: { 201: Type.Object({ id: Type.String(), apiKey: Type.String() }), ...errors },
        },
      },
      async (req, reply) => reply.status(201).send(await p.keys.issue(me(req), req.body.name.trim(), undefined, rid(req))),
    );

    // ── knowledge base ────────────────────────────────────────────────────────────────────────
    app.get(
      '/api/cases/knowledge',
      {
        config: { permission: 'cases.intake' },
        schema: {
          tags,
          summary: '知识库检索 / Search the knowledge base',
          querystring: Type.Object({ q: Type.String({ maxLength: 200 }), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })) }, { additionalProperties: false }),
          response: { 200: Type.Array(Knowledge), ...errors },
        },
      },
      async (req) => p.knowledge.search(me(req), req.query.q, req.query.limit),
    );
    app.get(
      '/api/cases/knowledge/entries',
      {
        config: { permission: 'cases.manage' },
        schema: {
          tags,
          summary: '知识库条目管理 / Knowledge entries',
          querystring: Type.Object({ q: Type.Optional(Type.String({ maxLength: 50 })) }, { additionalProperties: false }),
          response: { 200: Type.Array(Knowledge), ...errors },
        },
      },
      async (req) => p.knowledge.list(me(req), req.query.q),
    );
    app.post(
      '/api/cases/knowledge',
      { config: { permission: 'cases.manage' }, schema: { tags, summary: '新增知识 / Add an entry', body: KnowledgeInput, response: { 201: Knowledge, ...errors } } },
      async (req, reply) => reply.status(201).send(await p.knowledge.save(me(req), null, req.body, rid(req))),
    );
    app.put(
      '/api/cases/knowledge/:id',
      { config: { permission: 'cases.manage' }, schema: { tags, summary: '修改知识 / Edit an entry', params: Id, body: KnowledgeInput, response: { 200: Knowledge, ...errors } } },
      async (req) => p.knowledge.save(me(req), req.params.id, req.body, rid(req)),
    );

    // ── analysis ──────────────────────────────────────────────────────────────────────────────
    const Rate = Type.Union([Type.Number(), Type.Null()]);
    app.get(
      '/api/cases/stats/performance',
      {
        config: { permission: 'cases.stats' },
        schema: {
          tags,
          summary: '部门与街道考核指标 / Rates per unit or street',
          querystring: Type.Object({ by: Type.Union([Type.Literal('unit'), Type.Literal('street')], { default: 'unit' }), ...PeriodQuery }, { additionalProperties: false }),
          response: {
            200: Type.Array(
              Type.Object({
                key: Type.String(),
                name: Type.String(),
                cases: Type.Integer(),
                dispatched: Type.Integer(),
                responseRate: Rate,
                onTimeRate: Rate,
                resolutionRate: Rate,
                satisfactionRate: Rate,
                returns: Type.Integer(),
                overdue: Type.Integer(),
              }),
            ),
            ...errors,
          },
        },
      },
      async (req) => p.stats.performance(me(req), req.query.by, p.stats.period(cst(req.query.from), cst(req.query.to, true))),
    );
    app.get(
      '/api/cases/stats/topics',
      {
        config: { permission: 'cases.stats' },
        schema: {
          tags,
          summary: '热点与上升类别（按周）/ Hot and rising categories by week',
          querystring: Type.Object({ weeks: Type.Integer({ minimum: 2, maximum: 52, default: 8 }) }, { additionalProperties: false }),
          response: { 200: Topics, ...errors },
        },
      },
      async (req) => p.stats.topics(me(req), req.query.weeks),
    );
    app.get(
      '/api/cases/stats/places',
      {
        config: { permission: 'cases.stats' },
        schema: {
          tags,
          summary: '热力图与高频地址 / Heat map and high-frequency addresses',
          querystring: Type.Object(PeriodQuery, { additionalProperties: false }),
          response: {
            200: Type.Object({
              heat: Type.Array(Tuple([Type.Number(), Type.Number(), Type.Integer()], { description: '[经度, 纬度, 件数] / [longitude, latitude, cases]' })),
              addresses: Type.Array(Type.Object({ address: Type.String(), cases: Type.Integer(), open: Type.Integer() })),
            }),
            ...errors,
          },
        },
      },
      async (req) => p.stats.places(me(req), p.stats.period(cst(req.query.from), cst(req.query.to, true))),
    );
    app.get(
      '/api/cases/stats/classifier',
      {
        config: { permission: 'cases.stats' },
        schema: {
          tags,
          summary: '派单准确率（首推对比最终承办单位）/ Dispatch accuracy: first suggestion against the final unit',
          description:
            'Counts only closed cases whose first suggestion was recorded at intake (never seeded history): whether the first suggested department, or any of the top 3, is the unit that finally handled the case after 退单/改派/下派, and the share sent to 需人工判断.',
          querystring: Type.Object(PeriodQuery, { additionalProperties: false }),
          response: {
            200: Type.Object({
              recorded: Type.Integer({ description: 'closed cases with a recorded first suggestion' }),
              top1: Rate,
              top3: Rate,
              manualShare: Rate,
              automatic: Type.Integer({ description: 'of those, not sent to manual' }),
              automaticTop1: Rate,
              dispatched: Type.Integer(),
              tookFirstRate: Rate,
            }),
            ...errors,
          },
        },
      },
      async (req) => p.stats.classifierAccuracy(me(req), p.stats.period(cst(req.query.from), cst(req.query.to, true))),
    );
  };
}
