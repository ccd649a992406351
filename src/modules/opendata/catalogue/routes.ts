import { Type } from '@sinclair/typebox';
import type { App } from '../../../kernel/http/app.ts';
import { NoInput, ProblemSchema } from '../../../kernel/http/schemas.ts';
import type { Kernel } from '../../../kernel/index.ts';
import type { Principal } from '../../../kernel/policy/index.ts';
import { FORMATS, LICENCES, THEMES } from '../themes.ts';
import type { OpenCatalogue } from './datasets.ts';
import type { CataloguePortal } from './portal.ts';
import {
  DatasetDetail,
  DatasetName,
  DatasetSchema,
  DescribeBody,
  DutyQuery,
  DutySchema,
  DutySetting,
  DutySettingBody,
  FiguresQuery,
  FiguresSchema,
  SearchQuerySchema,
  SearchResult,
  SyncBody,
  SyncResultSchema,
  Vocabularies,
  WithdrawBody,
} from './schema.ts';

const tags = ['opendata'];
const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema, 422: ProblemSchema, 503: ProblemSchema };
const BASE = '/api/opendata/datasets';

/** 开放目录 over HTTP: search and datasets for anyone, the bureau's sync, description, publication and withdrawal, the 开放责任清单 and the figures. */
export function catalogueRoutes(k: Kernel, cat: OpenCatalogue, portal: CataloguePortal) {
  return async function (app: App) {
    const me = (req: { principal?: Principal | null }) => req.principal!;
    const rid = (req: { id: unknown }) => String(req.id);
    const regionOf = (who: Principal, given?: string) => given ?? (who.regionCode || k.config.regionCode);

    app.get(
      BASE,
      {
        config: { public: true, rateLimit: { max: 300, timeWindow: '1 minute' } },
        schema: {
          tags,
          summary: '检索开放数据集（全文、筛选、分面）/ Search the open datasets (full text, filters, facets)',
          querystring: SearchQuerySchema,
          response: { 200: SearchResult, ...errors },
        },
      },
      async (req) => portal.search(req.principal ?? null, req.query),
    );
    app.get(
      `${BASE}/:name`,
      {
        config: { public: true, rateLimit: { max: 300, timeWindow: '1 minute' } },
        schema: { tags, summary: '数据集详情（含浏览、下载、调用次数）/ A dataset with its counts', params: DatasetName, response: { 200: DatasetDetail, ...errors } },
      },
      async (req) => portal.dataset(req.principal ?? null, req.params.name),
    );
    app.post(
      `${BASE}/sync`,
      {
        config: { permission: 'opendata.manage' },
        schema: { tags, summary: '从数据资源目录同步开放目录 / Synchronise the open catalogue with the data catalogue', body: Type.Optional(SyncBody), response: { 200: SyncResultSchema, ...errors } },
      },
      async (req) => cat.sync(me(req), regionOf(me(req), req.body?.regionCode), rid(req)),
    );
    app.put(
      `${BASE}/:name/description`,
      {
        config: { permission: 'opendata.manage' },
        schema: { tags, summary: '编目：主题、标签、开放协议、时空范围、英文信息 / Describe a dataset', params: DatasetName, body: DescribeBody, response: { 200: DatasetSchema, ...errors } },
      },
      async (req) => cat.describe(me(req), req.params.name, req.body, rid(req)),
    );
    app.post(
      `${BASE}/:name/publish`,
      {
        config: { permission: 'opendata.manage', documentedBody: NoInput },
        schema: { tags, summary: '发布数据集 / Publish a dataset', params: DatasetName, response: { 200: DatasetSchema, ...errors } },
      },
      async (req) => cat.publish(me(req), req.params.name, rid(req)),
    );
    app.post(
      `${BASE}/:name/withdraw`,
      {
        config: { permission: 'opendata.manage' },
        schema: { tags, summary: '撤回数据集（须说明理由）/ Withdraw a dataset, with a reason', params: DatasetName, body: WithdrawBody, response: { 200: DatasetSchema, ...errors } },
      },
      async (req) => cat.withdraw(me(req), req.params.name, req.body.reason, rid(req)),
    );
    app.get(
      '/api/opendata/duty',
      {
        config: { public: true, rateLimit: { max: 120, timeWindow: '1 minute' } },
        schema: { tags, summary: '开放责任清单与开放率 / Opening duties and the opening rate per department', querystring: DutyQuery, response: { 200: DutySchema, ...errors } },
      },
      async (req) => portal.duty(req.query.region ?? k.config.regionCode, req.query.department),
    );
    app.put(
      '/api/opendata/duty/settings',
      {
        config: { permission: 'opendata.manage' },
        schema: { tags, summary: '设置逾期天数 / Days a dataset may stay unpublished', body: DutySettingBody, response: { 200: DutySetting, ...errors } },
      },
      async (req) => cat.setLateDays(me(req), regionOf(me(req), req.body.regionCode), req.body.lateDays, rid(req)),
    );
    app.get(
      '/api/opendata/figures',
      {
        config: { public: true, rateLimit: { max: 120, timeWindow: '1 minute' } },
        schema: { tags, summary: '开放数据统计 / Open data figures', querystring: FiguresQuery, response: { 200: FiguresSchema, ...errors } },
      },
      async (req) => portal.figures(req.query.region ?? k.config.regionCode, req.query.days ?? 30),
    );
    app.get(
      '/api/opendata/vocabularies',
      { config: { public: true }, schema: { tags, summary: '主题分类、开放协议与格式 / Themes, licences and formats', response: { 200: Vocabularies } } },
      async () => ({
        themes: THEMES.map(([code, name, nameEn, eu]) => ({ code, name, nameEn, eu })),
        licences: LICENCES.map(([code, name, nameEn, url]) => ({ code, name, nameEn, url })),
        formats: [...FORMATS],
      }),
    );
  };
}
