import type { App } from '../../../kernel/http/app.ts';
import { download, ProblemSchema } from '../../../kernel/http/schemas.ts';
import type { Principal } from '../../../kernel/policy/index.ts';
import type { Reports } from './service.ts';
import { CorrectInput, CsvQuery, EditInput, EditionQuery, GenerateInput, OverviewQuery, OverviewView, PageQuery, PublishInput, ReportPage, ReportView, VersionInput, YearParam } from './schema.ts';
import { cstDate } from '../../../kernel/calendar/index.ts';

const tags = ['政务公开 年度报告'];
const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema, 422: ProblemSchema, 503: ProblemSchema };
const PUBLIC = { public: true, rateLimit: { max: 240, timeWindow: '1 minute' } } as const;
const MANAGE = { permission: 'openness.manage' } as const;
const BASE = '/api/openness';

/** 年度报告 over HTTP: the published reports for everyone; drafts, generation and publication for the 政务公开办. */
export function reportsRoutes(s: Reports, clockYear: () => number) {
  return async function (app: App) {
    const who = (req: { principal?: Principal | null }) => req.principal ?? null;
    const rid = (req: { id: unknown }) => String(req.id);
    const csvHeaders = (f: { name: string }) => ({ 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${f.name}"`, 'cache-control': 'no-store' });

    /* ── public ───────────────────────────────────────────────────────────────────────── */
    app.get(
      `${BASE}/reports`,
      { config: PUBLIC, schema: { tags, summary: '已发布的政府信息公开工作年度报告 / Published yearly reports', querystring: PageQuery, response: { 200: ReportPage, ...errors } } },
      async (req) => s.years(req.query),
    );
    app.get(
      `${BASE}/reports/:year`,
      {
        config: PUBLIC,
        schema: {
          tags,
          summary: '某年度的年度报告（可看更正前版本）/ A year’s report (or an earlier edition)',
          params: YearParam,
          querystring: EditionQuery,
          response: { 200: ReportView, ...errors },
        },
      },
      async (req) => s.published(req.params.year, req.query.edition),
    );
    app.get(
      `${BASE}/reports/:year/tables.csv`,
      {
        config: PUBLIC,
        schema: { tags, summary: '年度报告表格（CSV）/ The report’s tables as CSV', params: YearParam, querystring: CsvQuery, response: { 200: download('text/csv'), ...errors } },
      },
      async (req, reply) => {
        const f = await s.publishedCsv(req.params.year, req.query.lang ?? 'zh');
        return reply.headers(csvHeaders(f)).send(f.body);
      },
    );

    /* ── the 政务公开办 ────────────────────────────────────────────────────────────────── */
    app.get(
      `${BASE}/report-drafts`,
      { config: MANAGE, schema: { tags, summary: '各年度报告（草稿与已发布）/ Every year’s report, draft or published', querystring: PageQuery, response: { 200: ReportPage, ...errors } } },
      async (req) => s.list(who(req), req.query),
    );
    app.post(
      `${BASE}/report-drafts`,
      { config: MANAGE, schema: { tags, summary: '生成年度报告草稿 / Generate a year’s draft from the records', body: GenerateInput, response: { 201: ReportView, ...errors } } },
      async (req, reply) => reply.status(201).send(await s.generate(who(req), req.body.year, rid(req))),
    );
    app.get(
      `${BASE}/report-drafts/:year`,
      { config: MANAGE, schema: { tags, summary: '年度报告草稿（含勾稽检查与操作记录）/ A year’s draft', params: YearParam, response: { 200: ReportView, ...errors } } },
      async (req) => s.draft(who(req), req.params.year),
    );
    app.put(
      `${BASE}/report-drafts/:year`,
      {
        config: MANAGE,
        schema: { tags, summary: '填报数字与文字 / Enter figures and texts', params: YearParam, body: EditInput, response: { 200: ReportView, ...errors } },
      },
      async (req) => s.edit(who(req), req.params.year, req.body, rid(req)),
    );
    app.post(
      `${BASE}/report-drafts/:year/regenerate`,
      {
        config: MANAGE,
        schema: { tags, summary: '按当前数据重新生成统计表 / Recompute the tables from the records now', params: YearParam, body: VersionInput, response: { 200: ReportView, ...errors } },
      },
      async (req) => s.regenerate(who(req), req.params.year, req.body.expectedVersion, rid(req)),
    );
    app.post(
      `${BASE}/report-drafts/:year/publish`,
      { config: MANAGE, schema: { tags, summary: '发布年度报告 / Publish the report', params: YearParam, body: PublishInput, response: { 200: ReportView, ...errors } } },
      async (req) => s.publish(who(req), req.params.year, req.body, rid(req)),
    );
    app.get(
      `${BASE}/report-drafts/:year/tables.csv`,
      {
        config: MANAGE,
        schema: { tags, summary: '草稿表格（CSV）/ The draft’s tables as CSV', params: YearParam, querystring: CsvQuery, response: { 200: download('text/csv'), ...errors } },
      },
      async (req, reply) => {
        const f = await s.draftCsv(who(req), req.params.year, req.query.lang ?? 'zh');
        return reply.headers(csvHeaders(f)).send(f.body);
      },
    );
    app.post(
      `${BASE}/reports/:year/corrections`,
      {
        config: MANAGE,
        schema: {
          tags,
          summary: '更正已发布的报告（生成新版草稿）/ Correct a published report (a new edition’s draft)',
          params: YearParam,
          body: CorrectInput,
          response: { 201: ReportView, ...errors },
        },
      },
      async (req, reply) => reply.status(201).send(await s.correct(who(req), req.params.year, req.body.reason, rid(req))),
    );
    app.get(
      `${BASE}/report-overview`,
      {
        config: MANAGE,
        schema: { tags, summary: '本年度依申请公开进展 / The year so far: requests received, answered, on time, overdue', querystring: OverviewQuery, response: { 200: OverviewView, ...errors } },
      },
      async (req) => s.overview(who(req), req.query.year ?? clockYear()),
    );
  };
}

export const yearOf = (now: Date) => Number(cstDate(now).slice(0, 4));
