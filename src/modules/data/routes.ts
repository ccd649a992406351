import { Type } from '@sinclair/typebox';
import type { App } from '../../kernel/http/app.ts';
import { CodeLabel as Code, DaySchema, NoInput, ProblemSchema, codeLabels as codes } from '../../kernel/http/schemas.ts';
import type { Principal } from '../../kernel/policy/index.ts';
import type { DataCatalogue } from './catalogue.ts';
import type { DataGateway } from './gateway.ts';
import type { DataLists } from './lists.ts';
import type { SharingRequests } from './requests.ts';
import {
  CATEGORIES,
  Credentials,
  DATA_TYPES,
  DecisionAnswer,
  FREQUENCIES,
  Figures,
  GRADES,
  GatewayExport,
  GatewayPage,
  IMPORTANCE,
  ItemCode,
  ListEntry,
  ListKind,
  OPEN_TYPES,
  ObjectionRaised,
  ObjectionView,
  QualityIssue,
  QualityRun,
  QualityScores,
  ResourceInput,
  ResourceSummary,
  ResourceView,
  SHARING_TYPES,
  SharingRequestSummary,
  UsageCsv,
  UsageEntry,
} from './schema.ts';
import type { DataObjections } from './objections.ts';
import type { DataQuality } from './quality.ts';
import type { QualityRuns } from './quality-runs.ts';
import type { DataUsage } from './usage.ts';
import type { DataRecords } from './records.ts';

const tags = ['data'];
const gw = ['data-gateway'];
const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema, 413: ProblemSchema, 422: ProblemSchema, 429: ProblemSchema, 502: ProblemSchema };
const Id = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
const Code_ = Type.Object({ code: Type.String({ pattern: '^[A-Z0-9][A-Z0-9-]{3,39}$' }) }, { additionalProperties: false });
const Day = DaySchema;
const Region = Type.String({ pattern: '^[0-9]{2,12}$' });
const Scalar = Type.Union([Type.String({ maxLength: 200 }), Type.Number(), Type.Boolean()]);
const Condition = Type.Object(
  { item: ItemCode, op: Type.Union([Type.Literal('eq'), Type.Literal('in'), Type.Literal('prefix'), Type.Literal('gte'), Type.Literal('lte')]), value: Type.Union([Scalar, Type.Array(Scalar, { maxItems: 100 })]) },
  { additionalProperties: false },
);
const Query = Type.Object(
  {
    items: Type.Optional(Type.Array(ItemCode, { maxItems: 80, uniqueItems: true })),
    where: Type.Optional(Type.Array(Condition, { maxItems: 10 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
    /** The last row's `_id` of the previous page (a uuid for the base tables, a record id for records). */
    after: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  },
  { additionalProperties: false },
);

/** A record's value. One JSON Schema `type` list, not an anyOf: with the server's type coercion an anyOf
 *  would turn 2 into "2" through its string branch, while a type list keeps a value that already fits. */
const RecordValue = Type.Unsafe<string | number | boolean | null>({ type: ['string', 'number', 'boolean', 'null'], maxLength: 8_000 });

export interface DataParts {
  catalogue: DataCatalogue;
  gateway: DataGateway;
  requests: SharingRequests;
  usage: DataUsage;
  quality: DataQuality;
  qualityRuns: QualityRuns;
  objections: DataObjections;
  lists: DataLists;
  records: DataRecords;
}

export function dataRoutes(p: DataParts) {
  return async function (app: App) {
    const rid = (req: { id: unknown }) => String(req.id);
    const me = (req: { principal?: Principal | null }) => req.principal!;

    app.get('/api/data/codes', { config: { public: true }, schema: { tags, summary: '数据目录代码表 / Catalogue code lists', response: { 200: Type.Record(Type.String(), Type.Array(Code)) } } }, async () => ({
      categories: codes(CATEGORIES),
      sharingTypes: codes(SHARING_TYPES),
      openTypes: codes(OPEN_TYPES),
      frequencies: codes(FREQUENCIES.map(([c, zh, en]) => [c, zh, en] as const)),
      grades: codes(GRADES),
      importance: codes(IMPORTANCE),
      dataTypes: codes(DATA_TYPES),
    }));

    // Catalogue (目录)
    app.get(
      '/api/data/resources',
      { config: { permission: 'data.read' }, schema: { tags, summary: '数据目录（中文检索）/ The data catalogue', querystring: Type.Object({ q: Type.Optional(Type.String({ maxLength: 50 })), category: Type.Optional(Type.String({ maxLength: 20 })), departmentId: Type.Optional(Type.String({ format: 'uuid' })) }, { additionalProperties: false }), response: { 200: Type.Array(ResourceSummary), ...errors } } },
      async (req) => p.catalogue.search(req.query),
    );
    app.get('/api/data/resources/:code', { config: { permission: 'data.read' }, schema: { tags, summary: '数据资源详情 / A data resource', params: Code_, response: { 200: ResourceView, ...errors } } }, async (req) => p.catalogue.get(req.params.code));
    app.post('/api/data/resources', { config: { permission: 'data.catalogue' }, schema: { tags, summary: '登记数据资源 / Register a data resource', body: ResourceInput, response: { 201: ResourceView, ...errors } } }, async (req, reply) => reply.status(201).send(await p.catalogue.register(me(req), req.body, rid(req))));

    // Records (记录存储): a department's data staff or the bureau load the rows of a records resource.
    const Loaded = Type.Object({ loaded: Type.Integer(), replaced: Type.Integer() });
    const Replace = Type.Object({ replace: Type.Optional(Type.Boolean()) }, { additionalProperties: false });
    app.post(
      '/api/data/resources/:code/records',
      {
        config: { authenticated: true },
        schema: {
          tags,
          summary: '导入记录（JSON）/ Load the rows of a records resource',
          description: '提供部门的数据专员或数据管理部门导入；任一值不符合数据项定义则整批不导入。/ By the providing department’s data steward or the data bureau; nothing is loaded if any value does not fit its item.',
          params: Code_,
          body: Type.Object(
            {
              rows: Type.Array(Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }), regionCode: Type.Optional(Type.String({ maxLength: 12 })), values: Type.Record(Type.String({ maxLength: 40 }), RecordValue) }, { additionalProperties: false }), { maxItems: 100_000 }),
              replace: Type.Optional(Type.Boolean()),
            },
            { additionalProperties: false },
          ),
          response: { 200: Loaded, ...errors },
        },
      },
      async (req) => p.records.load(me(req), req.params.code, req.body.rows, { replace: req.body.replace }, rid(req)),
    );
    await app.register(async (sub) => {
      // A spreadsheet saved as CSV: the header names the items (codes or names), `_id` and `_region` optional.
      sub.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: 20 * 1024 * 1024 }, (_req, body, done) => done(null, body));
      sub.post(
        '/api/data/resources/:code/records.csv',
        { config: { authenticated: true, documentedBody: Type.String({ description: 'CSV：首行为信息项编码或名称，可含 _id、_region 列 / CSV with a header of item codes or names, optional _id and _region', maxLength: 20 * 1024 * 1024 }) }, schema: { tags, summary: '导入记录（CSV）/ Load the rows of a records resource from CSV', consumes: ['text/csv'], params: Code_, querystring: Replace, response: { 200: Loaded, ...errors } } },
        // The sub-plugin is not typed by the schema provider; the schema has checked both.
        async (req) => p.records.loadCsv(me(req), (req.params as { code: string }).code, String(req.body ?? ''), { replace: (req.query as { replace?: boolean }).replace }, rid(req)),
      );
    });

    // The lists (责任清单 / 需求清单 / 负面清单)
    app.get('/api/data/lists/:list', { config: { permission: 'data.read' }, schema: { tags, summary: '责任、需求、负面清单 / The catalogue lists', params: Type.Object({ list: ListKind }, { additionalProperties: false }), response: { 200: Type.Array(ListEntry), ...errors } } }, async (req) => p.lists.list(req.params.list));
    app.post(
      '/api/data/lists',
      { config: { permission: 'data.read' }, schema: { tags, summary: '新增清单条目 / Add a list entry', body: Type.Object({ list: ListKind, departmentId: Type.String({ format: 'uuid' }), resourceCode: Type.Optional(Type.String({ maxLength: 40 })), title: Type.String({ minLength: 2, maxLength: 100 }), detail: Type.Optional(Type.String({ maxLength: 500 })), basis: Type.Optional(Type.String({ maxLength: 500 })) }, { additionalProperties: false }), response: { 201: Type.Object({ id: Type.String({ format: 'uuid' }) }), ...errors } } },
      async (req, reply) => reply.status(201).send(await p.lists.add(me(req), req.body, rid(req))),
    );

    // Sharing requests (共享申请)
    app.post(
      '/api/data/requests',
      {
        config: { permission: 'data.request' },
        schema: {
          tags,
          summary: '提交共享申请 / Ask for shared data',
          body: Type.Object(
            { resourceCode: Type.String({ maxLength: 40 }), systemName: Type.String({ minLength: 2, maxLength: 40 }), purpose: Type.String({ minLength: 4, maxLength: 300 }), legalBasis: Type.String({ minLength: 4, maxLength: 500 }), items: Type.Array(ItemCode, { minItems: 1, maxItems: 80, uniqueItems: true }), clearItems: Type.Optional(Type.Array(ItemCode, { maxItems: 80, uniqueItems: true })), rowRegion: Type.Optional(Region), periodFrom: Day, periodTo: Day },
            { additionalProperties: false },
          ),
          response: { 201: Type.Object({ id: Type.String(), number: Type.String() }), ...errors },
        },
      },
      async (req, reply) => reply.status(201).send(await p.requests.create(me(req), req.body, rid(req))),
    );
    app.get('/api/data/requests', { config: { permission: 'data.request' }, schema: { tags, summary: '共享申请列表 / Sharing requests', querystring: Type.Object({ scope: Type.Union([Type.Literal('mine'), Type.Literal('to-decide')]) }, { additionalProperties: false }), response: { 200: Type.Array(SharingRequestSummary), ...errors } } }, async (req) => p.requests.list(me(req), req.query.scope));
    app.post(
      '/api/data/requests/:id/decision',
      {
        config: { permission: 'data.decide' },
        schema: {
          tags,
          summary: '审核共享申请 / Decide a sharing request',
          params: Id,
          body: Type.Object({ decision: Type.Union([Type.Literal('approve'), Type.Literal('refuse')]), reason: Type.Optional(Type.String({ maxLength: 500 })), items: Type.Optional(Type.Array(ItemCode, { minItems: 1, maxItems: 80, uniqueItems: true })), clearItems: Type.Optional(Type.Array(ItemCode, { maxItems: 80, uniqueItems: true })), rowRegion: Type.Optional(Region), periodTo: Type.Optional(Day) }, { additionalProperties: false }),
          response: { 200: DecisionAnswer, ...errors },
        },
      },
      async (req) => p.requests.decide(me(req), req.params.id, req.body, rid(req)),
    );
    app.post('/api/data/requests/:id/credentials', { config: { permission: 'data.request', documentedBody: NoInput }, schema: { tags, summary: '领取接入凭证（仅一次）/ Collect the system credentials (once)', params: Id, response: { 200: Credentials, ...errors } } }, async (req) => p.requests.credentials(me(req), req.params.id, rid(req)));
    app.post('/api/data/grants/:id/revoke', { config: { permission: 'data.decide' }, schema: { tags, summary: '撤销共享授权 / Revoke a grant', params: Id, body: Type.Object({ reason: Type.String({ minLength: 2, maxLength: 200 }) }, { additionalProperties: false }), response: { 204: Type.Null(), ...errors } } }, async (req, reply) => {
      await p.requests.revoke(me(req), req.params.id, req.body.reason, rid(req));
      return reply.status(204).send(null);
    });

    // Usage and figures (追溯与统计)
    app.get('/api/data/usage', { config: { permission: 'data.decide' }, schema: { tags, summary: '数据使用记录 / Usage records', querystring: Type.Object({ resource: Type.Optional(Type.String({ maxLength: 40 })), format: Type.Optional(Type.Literal('csv')) }, { additionalProperties: false }), response: { 200: { description: '使用记录（format=csv 时为 CSV）/ Usage records (CSV with format=csv)', content: { 'application/json': { schema: Type.Array(UsageEntry) }, 'text/csv': { schema: UsageCsv } } }, ...errors } } }, async (req, reply) => {
      if (req.query.format === 'csv') {
        reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', "attachment; filename*=UTF-8''data-usage.csv");
        return p.usage.csv(me(req), req.query);
      }
      return p.usage.list(me(req), req.query);
    });
    app.get('/api/data/figures', { config: { permission: 'data.stats' }, schema: { tags, summary: '数据共享指标 / Sharing figures', response: { 200: Figures, ...errors } } }, async (req) => p.usage.figures(me(req)));

    // Quality (数据质量)
    app.get('/api/data/quality', { config: { permission: 'data.read' }, schema: { tags, summary: '数据质量评分 / Quality scores', response: { 200: QualityScores, ...errors } } }, async () => p.quality.scores());
    app.get('/api/data/quality/:code/issues', { config: { permission: 'data.decide' }, schema: { tags, summary: '质量问题清单 / Offending rows', params: Code_, querystring: Type.Object({ rule: Type.Optional(Type.String({ maxLength: 40 })) }, { additionalProperties: false }), response: { 200: Type.Array(QualityIssue), ...errors } } }, async (req) => p.quality.issues(req.params.code, req.query.rule));
    // A check reads whole tables: it is queued and answered at once with the run to follow.
    app.post(
      '/api/data/quality/:code/run',
      {
        config: { permission: 'data.bureau' },
        schema: { tags, summary: '立即检查（排队执行）/ Check a resource now (queued)', params: Code_, body: Type.Object({}, { additionalProperties: false }), response: { 202: QualityRun, ...errors } },
        // The request needs no body; none at all is read as an empty one, anything else must be `{}`.
        preValidation: async (req) => {
          if (req.body === undefined) req.body = {};
        },
      },
      async (req, reply) => {
        const { run } = await p.qualityRuns.request(me(req), req.params.code);
        return reply.status(202).header('location', `/api/data/quality/runs/${run.id}`).send(run);
      },
    );
    app.get('/api/data/quality/runs/:id', { config: { permission: 'data.read' }, schema: { tags, summary: '质量检查进度与结果 / A quality run: progress and result', params: Id, response: { 200: QualityRun, ...errors } } }, async (req) => p.qualityRuns.view(req.params.id));

    // Objections (数据异议)
    app.post(
      '/api/data/objections',
      { config: { permission: 'data.request' }, schema: { tags, summary: '提出数据异议 / Raise a data objection', body: Type.Object({ resourceCode: Type.String({ maxLength: 40 }), rowId: Type.String({ format: 'uuid' }), item: ItemCode, description: Type.String({ minLength: 4, maxLength: 500 }) }, { additionalProperties: false }), response: { 201: ObjectionRaised, ...errors } } },
      async (req, reply) => reply.status(201).send(await p.objections.raise(me(req), req.body, rid(req))),
    );
    app.get('/api/data/objections', { config: { permission: 'data.request' }, schema: { tags, summary: '数据异议列表 / Data objections', querystring: Type.Object({ scope: Type.Union([Type.Literal('raised'), Type.Literal('to-answer')]) }, { additionalProperties: false }), response: { 200: Type.Array(ObjectionView), ...errors } } }, async (req) => p.objections.list(me(req), req.query.scope));
    app.post(
      '/api/data/objections/:id/answer',
      { config: { permission: 'data.decide' }, schema: { tags, summary: '答复数据异议 / Answer a data objection', params: Id, body: Type.Object({ outcome: Type.Union([Type.Literal('corrected'), Type.Literal('explained')]), answer: Type.String({ minLength: 2, maxLength: 500 }) }, { additionalProperties: false }), response: { 204: Type.Null(), ...errors } } },
      async (req, reply) => {
        await p.objections.answer(me(req), req.params.id, req.body, rid(req));
        return reply.status(204).send(null);
      },
    );

    // The gateway (数据网关): client-credentials tokens with the data.gateway scope.
    app.post(
      '/api/gateway/v1/:code/verify',
      { config: { authenticated: true }, schema: { tags: gw, summary: '核验（只回答是否一致）/ Verify values against one row', params: Code_, body: Type.Object({ values: Type.Record(ItemCode, Scalar, { maxProperties: 10 }) }, { additionalProperties: false }), response: { 200: Type.Object({ match: Type.Boolean() }), ...errors } } },
      async (req) => p.gateway.lookup(me(req), req.params.code, req.body.values),
    );
    app.post('/api/gateway/v1/:code/query', { config: { authenticated: true }, schema: { tags: gw, summary: '条件查询（分页）/ Query by conditions', params: Code_, body: Query, response: { 200: GatewayPage, ...errors } } }, async (req) => p.gateway.query(me(req), req.params.code, req.body));
    app.post(
      '/api/gateway/v1/:code/export',
      { config: { authenticated: true }, schema: { tags: gw, summary: '批量导出（NDJSON 流）/ Bulk export as NDJSON', params: Code_, body: Type.Object({ items: Query.properties.items, where: Query.properties.where }, { additionalProperties: false }), response: { 200: GatewayExport, ...errors } } },
      async (req, reply) => {
        const stream = await p.gateway.export(me(req), req.params.code, req.body);
        reply.header('content-type', 'application/x-ndjson; charset=utf-8');
        // The schema describes each line; the body is the stream of them, which Fastify sends as is.
        return reply.send(stream as unknown as Record<string, unknown>);
      },
    );
  };
}
