import { Type } from '@sinclair/typebox';
import type { App } from '../../../kernel/http/app.ts';
import { NoInput, ProblemSchema, download } from '../../../kernel/http/schemas.ts';
import { MAX_PAGE } from '../../../kernel/paging/index.ts';
import type { Principal } from '../../../kernel/policy/index.ts';
import type { Catalogue } from './catalogue.ts';
import type { ArchiveKind, Ingest } from './ingest.ts';
import type { Loans } from './loans.ts';
import {
  BorrowInput,
  DecisionInput,
  FailureView,
  IngestInput,
  Kind,
  LoanWithPackage,
  PackageDetail,
  PackageSummary,
  RefuseInput,
  ReportView,
  TransferInput,
  TransferResult,
  TransferView,
} from './schema.ts';
import type { Transfers } from './transfers.ts';

const tags = ['office'];
const Id = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema, 422: ProblemSchema };
const Limit = Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE, default: 50 }));
const me = (req: { principal?: Principal | null }) => req.principal!;

export function archivesRoutes(p: { ingest: Ingest; catalogue: Catalogue; loans: Loans; transfers: Transfers }) {
  return async function (app: App) {
    app.get(
      '/api/office/archives/packages',
      {
        config: { permission: 'office.use' },
        schema: {
          tags,
          summary: '检索电子档案（档号、题名、年度、机构、类别）/ Search the e-archive',
          querystring: Type.Object(
            {
              q: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: '题名、文号、责任者 / title, reference, author' })),
              code: Type.Optional(Type.String({ minLength: 1, maxLength: 60, description: '档号前缀 / archive code prefix' })),
              year: Type.Optional(Type.Integer({ minimum: 1949, maximum: 2200 })),
              orgCode: Type.Optional(Type.String({ minLength: 1, maxLength: 16, pattern: '^[A-Za-z0-9]+$' })),
              kind: Type.Optional(Kind),
              status: Type.Optional(Type.Union([Type.Literal('archived'), Type.Literal('transferred')])),
              failing: Type.Optional(Type.Boolean({ description: '只看最近检测未通过的 / only those whose last check failed' })),
              after: Type.Optional(Type.String({ maxLength: 200, pattern: '^[A-Za-z0-9_-]+$' })),
              limit: Limit,
            },
            { additionalProperties: false },
          ),
          response: { 200: Type.Object({ items: Type.Array(PackageSummary), next: Type.Union([Type.String(), Type.Null()]) }), ...errors },
        },
      },
      async (req) => p.catalogue.list(me(req), { ...req.query, limit: req.query.limit ?? 50 }),
    );
    app.post(
      '/api/office/archives/packages',
      {
        config: { permission: 'office.archive' },
        schema: {
          tags,
          summary: '归档一条已办结的记录（含四性检测）/ Archive a completed record (with the four-property check)',
          body: IngestInput,
          response: { 201: Type.Object({ id: Type.String(), archiveCode: Type.String() }), ...errors },
        },
      },
      async (req, reply) => reply.code(201).send(await p.ingest.ingest(req.body.kind as ArchiveKind, req.body.recordId, me(req))),
    );
    app.get(
      '/api/office/archives/packages/:id',
      {
        config: { permission: 'office.use' },
        schema: { tags, summary: '一件档案：归档章、文件清单、检测记录 / One package: stamp, files, checks', params: Id, response: { 200: PackageDetail, ...errors } },
      },
      async (req) => p.catalogue.get(me(req), req.params.id),
    );
    app.post(
      '/api/office/archives/packages/:id/check',
      {
        config: { permission: 'office.archive', documentedBody: NoInput },
        schema: { tags, summary: '立即进行四性检测 / Run the four-property check now', params: Id, response: { 200: ReportView, ...errors } },
      },
      async (req) => {
        await p.catalogue.get(me(req), req.params.id);
        return p.ingest.checkNow(me(req), req.params.id);
      },
    );
    app.get(
      '/api/office/archives/packages/:id/download',
      {
        config: { permission: 'office.use' },
        schema: {
          tags,
          summary: '下载档案包（ZIP；档案员或借阅期内）/ Download the package (ZIP; archivist, or within a loan)',
          params: Id,
          response: { 200: download('application/zip'), ...errors },
        },
      },
      async (req, reply) => {
        const z = await p.catalogue.download(me(req), req.params.id);
        reply.header('content-type', 'application/zip');
        reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(z.name)}`);
        return reply.send(Buffer.from(z.bytes) as unknown as string);
      },
    );
    app.post(
      '/api/office/archives/packages/:id/borrows',
      { config: { permission: 'office.use' }, schema: { tags, summary: '申请借阅 / Ask to borrow a package', params: Id, body: BorrowInput, response: { 201: LoanWithPackage, ...errors } } },
      async (req, reply) => reply.code(201).send(await p.loans.request(me(req), req.params.id, req.body)),
    );
    app.get(
      '/api/office/archives/borrows',
      {
        config: { permission: 'office.use' },
        schema: {
          tags,
          summary: '借阅申请（档案员看全部，其他人看自己的）/ Loan requests (all for archivists, one’s own otherwise)',
          querystring: Type.Object(
            { state: Type.Optional(Type.Union([Type.Literal('requested'), Type.Literal('approved'), Type.Literal('refused')])), mine: Type.Optional(Type.Boolean()), limit: Limit },
            { additionalProperties: false },
          ),
          response: { 200: Type.Object({ items: Type.Array(LoanWithPackage) }), ...errors },
        },
      },
      async (req) => ({ items: await p.loans.list(me(req), { ...req.query, limit: req.query.limit ?? 50 }) }),
    );
    app.post(
      '/api/office/archives/borrows/:id/approve',
      { config: { permission: 'office.archive' }, schema: { tags, summary: '同意借阅 / Approve a loan', params: Id, body: DecisionInput, response: { 200: LoanWithPackage, ...errors } } },
      async (req) => p.loans.decide(me(req), req.params.id, 'approve', req.body.note ?? null),
    );
    app.post(
      '/api/office/archives/borrows/:id/refuse',
      { config: { permission: 'office.archive' }, schema: { tags, summary: '不同意借阅 / Refuse a loan', params: Id, body: RefuseInput, response: { 200: LoanWithPackage, ...errors } } },
      async (req) => p.loans.decide(me(req), req.params.id, 'refuse', req.body.note),
    );
    app.get(
      '/api/office/archives/failures',
      {
        config: { permission: 'office.archive' },
        schema: {
          tags,
          summary: '四性检测未通过的记录 / Failed four-property checks',
          querystring: Type.Object({ limit: Limit }, { additionalProperties: false }),
          response: { 200: Type.Object({ items: Type.Array(FailureView) }), ...errors },
        },
      },
      async (req) => ({ items: await p.catalogue.failures(me(req), req.query.limit ?? 50) }),
    );
    app.post(
      '/api/office/archives/transfers',
      {
        config: { permission: 'office.archive' },
        schema: { tags, summary: '移交档案馆（移交接收检测）/ Hand packages over to the archive (checked on receipt)', body: TransferInput, response: { 201: TransferResult, ...errors } },
      },
      async (req, reply) => reply.code(201).send(await p.transfers.create(me(req), req.body)),
    );
    app.get(
      '/api/office/archives/transfers',
      {
        config: { permission: 'office.archive' },
        schema: {
          tags,
          summary: '移交记录 / Hand-overs',
          querystring: Type.Object({ limit: Limit }, { additionalProperties: false }),
          response: { 200: Type.Object({ items: Type.Array(TransferView) }), ...errors },
        },
      },
      async (req) => ({ items: await p.transfers.list(me(req), req.query.limit ?? 50) }),
    );
  };
}
