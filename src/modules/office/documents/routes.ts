import { Type } from '@sinclair/typebox';
import type { App } from '../../../kernel/http/app.ts';
import { ProblemSchema, download } from '../../../kernel/http/schemas.ts';
import type { Principal } from '../../../kernel/policy/index.ts';
import { ACTION_CODES, ActionBody, DiffView, DocWordInput, DocWordView, DocumentInput, DocumentSummary, DocumentUpdate, DocumentView, ListQuery, VersionText } from './schema.ts';
import type { Documents } from './service.ts';

const tags = ['office'];
const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema, 422: ProblemSchema };
const Id = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
const Saved = Type.Object({ id: Type.String(), version: Type.Integer() });
const Stepped = Type.Object({ id: Type.String(), state: Type.String(), version: Type.Integer() });
const Code = Type.Union(ACTION_CODES.map((c) => Type.Literal(c)));
const N = Type.Integer({ minimum: 1, maximum: 100_000 });

/** 发文's HTTP routes (the web pages are built against these paths and field names). */
export function documentsRoutes(docs: Documents) {
  return async function (app: App) {
    const rid = (req: { id: unknown }) => String(req.id);
    const me = (req: { principal?: Principal | null }) => req.principal!;

    app.post(
      '/api/office/documents',
      { config: { permission: 'office.draft' }, schema: { tags, summary: '拟稿（新建公文）/ Draft an official document', body: DocumentInput, response: { 201: Saved, ...errors } } },
      async (req, reply) => reply.status(201).send(await docs.create(me(req), req.body, rid(req))),
    );
    app.get(
      '/api/office/documents',
      {
        config: { permission: 'office.use' },
        schema: {
          tags,
          summary: '发文列表：草稿箱、待办、全部 / Outgoing documents: drafts, waiting for me, all',
          querystring: ListQuery,
          response: { 200: Type.Object({ items: Type.Array(DocumentSummary), next: Type.Union([Type.String(), Type.Null()]) }), ...errors },
        },
      },
      async (req) => docs.list(me(req), req.query),
    );
    app.get(
      '/api/office/documents/doc-words',
      { config: { permission: 'office.use' }, schema: { tags, summary: '机关代字 / Document words of the region’s units', response: { 200: Type.Array(DocWordView), ...errors } } },
      async (req) => docs.docWords(me(req)),
    );
    app.post(
      '/api/office/documents/doc-words',
      { config: { permission: 'office.manage' }, schema: { tags, summary: '新增机关代字 / Add a document word', body: DocWordInput, response: { 201: DocWordView, ...errors } } },
      async (req, reply) => reply.status(201).send(await docs.addDocWord(me(req), req.body, rid(req))),
    );
    app.get(
      '/api/office/documents/:id',
      { config: { permission: 'office.use' }, schema: { tags, summary: '一份公文：正文、办理过程、会签、可办理的动作 / One document', params: Id, response: { 200: DocumentView, ...errors } } },
      async (req) => docs.view(me(req), req.params.id),
    );
    app.put(
      '/api/office/documents/:id',
      {
        config: { permission: 'office.draft' },
        schema: {
          tags,
          summary: '修改正文（新稿次；签发后不可修改）/ Edit the text (a new version; refused after sign-off)',
          params: Id,
          body: DocumentUpdate,
          response: { 200: Type.Intersect([Saved, Type.Object({ textVersion: Type.Integer() })]), ...errors },
        },
      },
      async (req) => docs.update(me(req), req.params.id, req.body, rid(req)),
    );
    app.get(
      '/api/office/documents/:id/versions/:n',
      {
        config: { permission: 'office.use' },
        schema: {
          tags,
          summary: '某一稿的正文 / The text of one version',
          params: Type.Object({ id: Type.String({ format: 'uuid' }), n: N }, { additionalProperties: false }),
          response: { 200: VersionText, ...errors },
        },
      },
      async (req) => docs.versionText(me(req), req.params.id, req.params.n),
    );
    app.get(
      '/api/office/documents/:id/diff',
      {
        config: { permission: 'office.use' },
        schema: {
          tags,
          summary: '两稿之间的修改痕迹 / Changes between two versions',
          params: Id,
          querystring: Type.Object({ from: N, to: N }, { additionalProperties: false }),
          response: { 200: DiffView, ...errors },
        },
      },
      async (req) => docs.diff(me(req), req.params.id, req.query.from, req.query.to),
    );
    app.post(
      '/api/office/documents/:id/actions/:code',
      {
        config: { permission: 'office.use' },
        schema: {
          tags,
          summary: '办理：送核稿、核稿、会签、签发、编号、用印、分发 / Take a step: submit, review, countersign, sign, number, seal, distribute',
          params: Type.Object({ id: Type.String({ format: 'uuid' }), code: Code }, { additionalProperties: false }),
          body: ActionBody,
          response: { 200: Stepped, 503: ProblemSchema, ...errors },
        },
      },
      async (req) => docs.act(me(req), req.params.id, req.params.code, req.body, rid(req)),
    );
    app.get(
      '/api/office/documents/:id/pdf',
      {
        config: { permission: 'office.use' },
        schema: { tags, summary: '公文版式文件：用印后为盖章文件，之前为样稿 / The PDF: sealed once sealed, else a preview', params: Id, response: { 200: download('application/pdf'), ...errors } },
      },
      async (req, reply) => {
        const f = await docs.pdf(me(req), req.params.id);
        reply.header('content-type', 'application/pdf');
        reply.header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(f.name)}`);
        // A binary answer: the schema documents the bytes, the stream (or buffer) sends them.
        return reply.send((f.stream ?? Buffer.from(f.bytes!)) as unknown as string);
      },
    );
  };
}
