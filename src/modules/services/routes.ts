import { Type } from '@sinclair/typebox';
import type { App } from '../../kernel/http/app.ts';
import { CodeLabel as Code, DaySchema, ProblemSchema, codeLabels as codes } from '../../kernel/http/schemas.ts';
import type { Principal } from '../../kernel/policy/index.ts';
import type { Kernel } from '../../kernel/index.ts';
import type { Applications } from './applications.ts';
import type { Catalogue } from './catalogue.ts';
import { SearchClick, SearchReportQuery, SearchReportRow, type CatalogueSearch } from './search.ts';
import { DELIVERY_METHODS, ENTERPRISE_EVENTS, EVALUATION_LEVELS, EVALUATION_REASONS, ITEM_TYPES, LIFE_EVENTS } from './catalogue-codes.ts';
import type { Evaluations } from './evaluations.ts';
import {
  ActionBody,
  ApplicationDetail,
  ApplicationInput,
  ApplicationView,
  BulkClaim,
  BulkResult,
  CatalogueQuery,
  CataloguePage,
  EvaluationInput,
  ItemDetail,
  ItemInput,
  ItemPatch,
  QueueQuery,
  QueueCounts,
  Rectification,
  page,
} from './schema.ts';
import type { ServiceStats } from './stats.ts';
import type { ApplicationViews } from './views.ts';
import { bulkClaim } from './queues.ts';

const tags = ['services'];
const Id = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
const Source = Type.Object({
  kind: Type.Union([Type.Literal('identity'), Type.Literal('base'), Type.Literal('licence'), Type.Literal('application')]),
  zh: Type.String(),
  en: Type.String(),
  resource: Type.Optional(Type.String()),
});
const PrefillField = Type.Object({ value: Type.Union([Type.String(), Type.Number(), Type.Boolean()]), masked: Type.Boolean(), locked: Type.Boolean(), source: Source });
const Exempt = Type.Object({ kind: Type.Union([Type.Literal('data'), Type.Literal('licence')]), ref: Type.String(), zh: Type.String(), en: Type.String(), resource: Type.Optional(Type.String()) });
const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema, 413: ProblemSchema, 422: ProblemSchema };

export interface ServicesParts {
  k: Kernel;
  catalogue: Catalogue;
  search: CatalogueSearch;
  applications: Applications;
  views: ApplicationViews;
  evaluations: Evaluations;
  stats: ServiceStats;
}

export function servicesRoutes(p: ServicesParts) {
  return async function (app: App) {
    const rid = (req: { id: unknown }) => String(req.id);
    const me = (req: { principal?: Principal | null }) => req.principal!;

    // ── catalogue (public reading, managed writing) ──────────────────────────────────────────────
    app.get(
      '/api/services/codes',
      { config: { public: true }, schema: { tags, summary: '事项要素代码表 / Code lists', response: { 200: Type.Record(Type.String(), Type.Array(Code)) } } },
      async () => ({
        itemTypes: codes(ITEM_TYPES),
        lifeEvents: codes(LIFE_EVENTS),
        enterpriseEvents: codes(ENTERPRISE_EVENTS),
        deliveryMethods: codes(DELIVERY_METHODS),
        evaluationLevels: codes(EVALUATION_LEVELS),
        evaluationReasons: codes(EVALUATION_REASONS),
      }),
    );
    app.get(
      '/api/services/items',
      {
        config: { public: true },
        schema: {
          tags,
          summary: '事项清单与智能导办检索 / Service catalogue, searched in people’s own words',
          description: '`q` is ranked by relevance (names and everyday aliases first, then example questions, department, materials); a text search answers with `queryId` for the click-through call.',
          querystring: CatalogueQuery,
          response: { 200: CataloguePage, 400: ProblemSchema },
        },
      },
      async (req) => p.catalogue.list(req.query, req.principal ?? null),
    );
    app.post(
      '/api/services/search-clicks',
      {
        config: { public: true },
        schema: {
          tags,
          summary: '检索后点击或申办 / What a person opened or applied for after a search',
          body: SearchClick,
          response: { 204: Type.Null(), 400: ProblemSchema, 404: ProblemSchema },
        },
      },
      async (req, reply) => {
        await p.search.click(req.body);
        return reply.status(204).send(null);
      },
    );
    app.get(
      '/api/services/search-report',
      {
        config: { permission: 'services.manage' },
        schema: {
          tags,
          summary: '检索词报告（无结果、低点击）/ Searches that found nothing or were not followed',
          querystring: SearchReportQuery,
          response: { 200: Type.Array(SearchReportRow), ...errors },
        },
      },
      async (req) => p.search.report(me(req), req.query),
    );
    app.get(
      '/api/services/departments',
      {
        config: { public: true },
        schema: {
          tags,
          summary: '按部门浏览 / Departments offering items',
          querystring: Type.Object({ regionCode: Type.Optional(Type.String({ pattern: '^[0-9]{2,12}$' })) }, { additionalProperties: false }),
          response: { 200: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), nameEn: Type.Union([Type.String(), Type.Null()]), items: Type.Integer() })), 400: ProblemSchema },
        },
      },
      async (req) => p.catalogue.departments(req.query.regionCode),
    );
    app.get(
      '/api/services/items/:id',
      { config: { public: true }, schema: { tags, summary: '办事指南 / An item with its elements', params: Id, response: { 200: ItemDetail, ...errors } } },
      async (req) => p.catalogue.get(req.params.id, false, req.principal ?? null),
    );
    app.post(
      '/api/services/items',
      { config: { permission: 'services.manage' }, schema: { tags, summary: '新增事项 / Create an item', body: ItemInput, response: { 201: ItemDetail, ...errors } } },
      async (req, reply) => reply.status(201).send(await p.catalogue.create(me(req), req.body, rid(req))),
    );
    app.put(
      '/api/services/items/:id',
      { config: { permission: 'services.manage' }, schema: { tags, summary: '修改事项（生成新版本）/ New version of an item', params: Id, body: ItemPatch, response: { 200: ItemDetail, ...errors } } },
      async (req) => p.catalogue.update(me(req), req.params.id, req.body, rid(req)),
    );
    app.patch(
      '/api/services/items/:id',
      {
        config: { permission: 'services.manage' },
        schema: {
          tags,
          summary: '上架或下架 / Activate or deactivate',
          params: Id,
          body: Type.Object({ active: Type.Boolean() }, { additionalProperties: false }),
          response: { 200: ItemDetail, ...errors },
        },
      },
      async (req) => p.catalogue.setActive(me(req), req.params.id, req.body.active, rid(req)),
    );
    app.get(
      '/api/services/items/:id/versions',
      {
        config: { permission: 'services.manage' },
        schema: {
          tags,
          summary: '版本历史 / Versions',
          params: Id,
          response: { 200: Type.Array(Type.Object({ version: Type.Integer(), note: Type.Union([Type.String(), Type.Null()]), createdAt: Type.String(), createdBy: Type.String() })), ...errors },
        },
      },
      async (req) => p.catalogue.versions(req.params.id),
    );
    app.get(
      '/api/services/items/:id/prefill',
      {
        config: { authenticated: true },
        schema: {
          tags,
          summary: '表单预填及来源（只填一次，脱敏显示）/ What the form is filled with, and where each value comes from',
          description:
            'Each known field with its source: `identity` (real-name verification), `base` (人口基础库 / 法人基础库), `licence` (a held e-licence) or `application` (the same field in the caller’s own most recent application). `locked` fields are always filled by the server; `masked` values are shown masked and filled in clear by the server on submission.',
          params: Id,
          response: { 200: Type.Record(Type.String(), PrefillField), ...errors },
        },
      },
      async (req) => {
        const v = await p.catalogue.currentVersion(req.params.id);
        const { fields } = await p.applications.known.gather(me(req), v, { earlier: true });
        return Object.fromEntries(Object.entries(fields).map(([f, x]) => [f, { value: x.shown, masked: x.masked, locked: x.locked, source: x.source }]));
      },
    );
    app.get(
      '/api/services/items/:id/exempt-materials',
      {
        config: { authenticated: true },
        schema: {
          tags,
          summary: '免提交材料 / Materials the caller need not hand in',
          description:
            '`exempt`: materials a base database or a licence the caller holds stands in for (not demanded on submission); `upload`: replaceable materials that must still be uploaded, with why.',
          params: Id,
          response: { 200: Type.Object({ exempt: Type.Record(Type.String(), Exempt), upload: Type.Record(Type.String(), Type.Object({ zh: Type.String(), en: Type.String() })) }), ...errors },
        },
      },
      async (req) => {
        const v = await p.catalogue.currentVersion(req.params.id);
        const { replaced, notReplaced } = await p.applications.known.gather(me(req), v);
        const required = new Set(v.content.materials.filter((m) => m.required).map((m) => m.code));
        const exempt = Object.entries(replaced).filter(([code, r]) => r.kind === 'data' || required.has(code));
        return {
          exempt: Object.fromEntries(exempt.map(([code, r]) => [code, { kind: r.kind, ref: r.ref, zh: r.zh, en: r.en, ...(r.resource ? { resource: r.resource } : {}) }])),
          upload: notReplaced,
        };
      },
    );

    // ── applications ─────────────────────────────────────────────────────────────────────────────
    app.post(
      '/api/services/applications',
      { config: { authenticated: true }, schema: { tags, summary: '提交申请（网上或窗口代办）/ Submit an application', body: ApplicationInput, response: { 201: ApplicationDetail, ...errors } } },
      async (req, reply) => {
        const { id, written } = await p.applications.submitted(me(req), req.body, rid(req));
        return reply.status(201).send(await p.views.detail(me(req), id, written ?? undefined));
      },
    );
    app.get(
      '/api/services/applications/mine',
      {
        config: { authenticated: true },
        schema: {
          tags,
          summary: '我的办件 / My applications',
          querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })), after: Type.Optional(Type.String({ maxLength: 200 })) }, { additionalProperties: false }),
          response: { 200: page(ApplicationView), ...errors },
        },
      },
      async (req) => p.views.mine(me(req), req.query),
    );
    app.get(
      '/api/services/applications/queue',
      { config: { permission: 'services.handle' }, schema: { tags, summary: '待办队列 / Work queue', querystring: QueueQuery, response: { 200: page(ApplicationView), ...errors } } },
      async (req) => p.views.queue(me(req), req.query),
    );
    app.get(
      '/api/services/queues',
      {
        config: { permission: 'services.handle' },
        schema: { tags, summary: '我的待办队列及数量 / My queues with counts', description: 'Derived from the items’ workflows and the caller’s roles.', response: { 200: QueueCounts, ...errors } },
      },
      async (req) => p.views.queues(me(req)),
    );
    app.post(
      '/api/services/applications/bulk-claim',
      {
        config: { permission: 'services.handle' },
        schema: { tags, summary: '批量认领或释放 / Claim or release several', body: BulkClaim, response: { 200: BulkResult, ...errors } },
      },
      async (req) => bulkClaim(p.applications, me(req), req.body.ids, !!req.body.release, rid(req)),
    );
    app.get(
      '/api/services/applications/:id',
      { config: { authenticated: true }, schema: { tags, summary: '办件详情与进度 / An application and its history', params: Id, response: { 200: ApplicationDetail, ...errors } } },
      async (req) => p.views.detail(me(req), req.params.id),
    );
    app.post(
      '/api/services/applications/:id/actions',
      {
        config: { authenticated: true },
        schema: { tags, summary: '办理动作（受理、补正、审批、出件、撤回…）/ Take a workflow action', params: Id, body: ActionBody, response: { 200: ApplicationDetail, ...errors } },
      },
      async (req) => {
        const written = await p.applications.acted(me(req), req.params.id, req.body, rid(req));
        return p.views.detail(me(req), req.params.id, written);
      },
    );
    app.post(
      '/api/services/applications/:id/claim',
      {
        config: { permission: 'services.handle' },
        schema: {
          tags,
          summary: '认领或释放 / Claim or release',
          params: Id,
          body: Type.Object({ release: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
          response: { 200: ApplicationDetail, ...errors },
        },
      },
      async (req) => {
        await p.applications.claim(me(req), req.params.id, !!req.body.release, rid(req));
        return p.views.detail(me(req), req.params.id);
      },
    );

    // ── 好差评 and rectification ────────────────────────────────────────────────────────────────
    app.post(
      '/api/services/applications/:id/evaluation',
      {
        config: { authenticated: true },
        schema: {
          tags,
          summary: '好差评 / Rate the service',
          params: Id,
          body: EvaluationInput,
          response: { 201: Type.Object({ id: Type.String(), rectificationId: Type.Union([Type.String(), Type.Null()]) }), ...errors },
        },
      },
      async (req, reply) => reply.status(201).send(await p.evaluations.rate(me(req), req.params.id, req.body, rid(req))),
    );
    app.get(
      '/api/services/rectifications',
      {
        config: { authenticated: true },
        schema: {
          tags,
          summary: '差评整改任务 / Rectification tasks',
          querystring: Type.Object(
            { state: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('replied'), Type.Literal('closed')])), applicationId: Type.Optional(Type.String({ format: 'uuid' })) },
            { additionalProperties: false },
          ),
          response: { 200: Type.Array(Rectification), ...errors },
        },
      },
      async (req) => p.evaluations.list(me(req), req.query),
    );
    app.post(
      '/api/services/rectifications/:id/reply',
      {
        config: { permission: 'services.handle' },
        schema: {
          tags,
          summary: '整改答复 / Reply',
          params: Id,
          body: Type.Object({ reply: Type.String({ minLength: 2, maxLength: 2000 }) }, { additionalProperties: false }),
          response: { 204: Type.Null(), ...errors },
        },
      },
      async (req, reply) => {
        await p.evaluations.reply(me(req), req.params.id, req.body.reply, rid(req));
        return reply.status(204).send(null);
      },
    );
    app.post(
      '/api/services/rectifications/:id/follow-up',
      {
        config: { authenticated: true },
        schema: {
          tags,
          summary: '整改回访 / Follow-up',
          params: Id,
          body: Type.Object({ satisfied: Type.Boolean(), comment: Type.Optional(Type.String({ maxLength: 500 })) }, { additionalProperties: false }),
          response: { 204: Type.Null(), ...errors },
        },
      },
      async (req, reply) => {
        await p.evaluations.followUp(me(req), req.params.id, req.body, rid(req));
        return reply.status(204).send(null);
      },
    );

    // ── statistics ───────────────────────────────────────────────────────────────────────────────
    const Day = DaySchema;
    const StatsRow = Type.Object({
      key: Type.String(),
      name: Type.String(),
      received: Type.Integer(),
      accepted: Type.Integer(),
      completed: Type.Integer(),
      overdue: Type.Integer(),
      onlineShare: Type.Number(),
      averageWorkingDays: Type.Union([Type.Number(), Type.Null()]),
      evaluations: Type.Integer(),
      averageScore: Type.Union([Type.Number(), Type.Null()]),
    });
    app.get(
      '/api/services/stats',
      {
        config: { permission: 'services.stats' },
        schema: {
          tags,
          summary: '办件统计 / Figures per department or region',
          querystring: Type.Object(
            {
              groupBy: Type.Optional(Type.Union([Type.Literal('department'), Type.Literal('region')])),
              regionCode: Type.Optional(Type.String({ pattern: '^[0-9]{2,12}$' })),
              from: Type.Optional(Day),
              to: Type.Optional(Day),
            },
            { additionalProperties: false },
          ),
          response: { 200: Type.Object({ rows: Type.Array(StatsRow), total: StatsRow }), ...errors },
        },
      },
      async (req) => p.stats.byGroup(me(req), req.query),
    );
    app.get(
      '/api/services/stats/evaluations',
      {
        config: { permission: 'services.stats' },
        schema: {
          tags,
          summary: '好差评统计 / Ratings per item, department or staff',
          querystring: Type.Object(
            { by: Type.Union([Type.Literal('item'), Type.Literal('department'), Type.Literal('staff')]), regionCode: Type.Optional(Type.String({ pattern: '^[0-9]{2,12}$' })) },
            { additionalProperties: false },
          ),
          response: {
            200: Type.Array(Type.Object({ key: Type.String(), name: Type.String(), count: Type.Integer(), average: Type.Number(), satisfiedShare: Type.Number(), bad: Type.Integer() })),
            ...errors,
          },
        },
      },
      async (req) => p.stats.evaluationFigures(me(req), req.query.by, req.query.regionCode),
    );
  };
}
