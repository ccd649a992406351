import type { FastifyRequest } from 'fastify';
import type { App } from '../../../kernel/http/app.ts';
import { Errors } from '../../../kernel/http/errors.ts';
import { download, ProblemSchema } from '../../../kernel/http/schemas.ts';
import { decodeCursor, pageOf } from '../../../kernel/paging/index.ts';
import type { Principal } from '../../../kernel/policy/index.ts';
import type { OpennessContext } from '../area.ts';
import { LibraryErrors } from './errors.ts';
import type { Library } from './library.ts';
import type { LibraryPortal } from './portal.ts';
import {
  AttachmentParams,
  DocumentId,
  DocumentSchema,
  HistorySchema,
  ImportBody,
  ImportResult,
  SearchQuerySchema,
  SearchResult,
  StaffList,
  StaffListQuery,
  ThemeList,
  ThemesBody,
  ThemesQuery,
  ValidityBody,
  WithdrawBody,
} from './schema.ts';
import type { DocumentIndex } from './search.ts';

const tags = ['政务公开 政策文件库'];
const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema, 422: ProblemSchema, 503: ProblemSchema };
const BASE = '/api/openness/documents';

/** The portal's absolute base URL: the configured public URL, else the host the client asked. */
function baseOf(ctx: OpennessContext, req: FastifyRequest): string {
  if (ctx.k.config.publicUrl) return ctx.k.config.publicUrl.replace(/\/+$/, '');
  const host = /^[\w.:[\]-]{1,255}$/.test(req.host) ? req.host : `localhost:${ctx.k.config.port}`;
  return `${req.protocol}://${host}`;
}

/** 政策文件库 over HTTP: search, documents, attachments, themes and feeds for anyone; validity, history, withdrawal, the theme list and the 存量文件导入 for staff. */
export function libraryRoutes(ctx: OpennessContext, lib: Library, portal: LibraryPortal, index: DocumentIndex) {
  return async function (app: App) {
    const me = (req: { principal?: Principal | null }) => req.principal!;
    const rid = (req: { id: unknown }) => String(req.id);
    const open = { public: true, rateLimit: { max: 300, timeWindow: '1 minute' } };

    app.get(
      BASE,
      {
        config: open,
        schema: {
          tags,
          summary: '检索政策文件（全文、筛选、分面）/ Search the policy library (full text, filters, facets)',
          querystring: SearchQuerySchema,
          response: { 200: SearchResult, ...errors },
        },
      },
      async (req) => portal.search(req.query),
    );
    app.get(
      `${BASE}/:id`,
      {
        config: open,
        schema: {
          tags,
          summary: '政策文件（含目录信息、解读、原文与替代文件）/ A document with its catalogue data, interpretations and links',
          params: DocumentId,
          response: { 200: DocumentSchema, ...errors },
        },
      },
      async (req) => portal.document(req.principal ?? null, req.params.id),
    );
    app.get(
      `${BASE}/:id/attachments/:fileId`,
      {
        config: open,
        schema: { tags, summary: '下载附件 / Download an attachment', params: AttachmentParams, response: { 200: download('application/octet-stream'), ...errors } },
      },
      async (req, reply) => {
        const f = await portal.attachment(req.principal ?? null, req.params.id, req.params.fileId);
        reply.header('content-type', f.mime || 'application/octet-stream');
        reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.name)}`);
        reply.header('x-content-type-options', 'nosniff');
        return reply.send(f.stream as unknown as string);
      },
    );
    app.get('/api/openness/themes', { config: open, schema: { tags, summary: '主题分类 / The theme list', querystring: ThemesQuery, response: { 200: ThemeList, ...errors } } }, async (req) => ({
      themes: await lib.themes(ctx.k.db, req.query.all === true),
    }));
    app.put(
      '/api/openness/themes',
      {
        config: { permission: 'openness.manage' },
        schema: { tags, summary: '编辑主题分类（整表）/ Save the theme list', body: ThemesBody, response: { 200: ThemeList, ...errors } },
      },
      async (req) => ({ themes: await lib.saveThemes(me(req), req.body.themes, rid(req)) }),
    );
    for (const [path, type, render] of [
      ['/api/openness/feed.atom', 'application/atom+xml', (b: string) => portal.atom(b)],
      ['/api/openness/feed.rss', 'application/rss+xml', (b: string) => portal.rss(b)],
    ] as const) {
      app.get(
        path,
        {
          config: open,
          schema: { tags, summary: `最新发布的政策文件（${type.includes('atom') ? 'Atom' : 'RSS'}）/ Latest documents as a feed`, response: { 200: download(type), ...errors } },
        },
        async (req, reply) => {
          reply.header('content-type', `${type}; charset=utf-8`);
          return reply.send(await render(baseOf(ctx, req)));
        },
      );
    }
    app.get(
      '/api/openness/library/documents',
      {
        config: { authenticated: true },
        schema: { tags, summary: '本单位的政策文件（含已撤回）/ The unit’s documents, withdrawn ones too', querystring: StaffListQuery, response: { 200: StaffList, ...errors } },
      },
      async (req) => {
        const who = me(req);
        const region = who.regionCode || ctx.k.config.regionCode;
        const manager = ctx.policy.can(who, 'openness.manage', { regionCode: region });
        if (!manager && !ctx.policy.can(who, 'openness.edit', { regionCode: region, departmentId: who.departmentId })) throw Errors.forbidden();
        const dept = req.query.department ?? (manager ? undefined : (who.departmentId ?? undefined));
        if (!manager && dept !== who.departmentId) throw Errors.forbidden();
        const limit = req.query.limit ?? 20;
        const after = decodeCursor(req.query.after, 2) as [string, string] | null;
        const text = req.query.q?.trim();
        let rows = (await index.all()).filter((d) => d.region_code.startsWith(region) && (!dept || d.issuer_department_id === dept) && (!req.query.state || d.state === req.query.state));
        if (text) {
          const ids = new Set((await index.rank(text, () => true)).map((h) => h.doc.id));
          rows = rows.filter((r) => ids.has(r.id));
        }
        if (after) rows = rows.filter((r) => r.published_on < after[0] || (r.published_on === after[0] && r.id < after[1]));
        const page = pageOf(rows.slice(0, limit + 1), limit, (r) => [r.published_on, r.id]);
        return { items: page.items.map((r) => ({ ...portal.brief(r), state: r.state, version: r.version, origin: r.origin })), next: page.next };
      },
    );
    app.get(
      `${BASE}/:id/history`,
      {
        config: { authenticated: true },
        schema: { tags, summary: '文件的发布、修改、撤回与有效性记录 / Every publication, change, withdrawal and validity change', params: DocumentId, response: { 200: HistorySchema, ...errors } },
      },
      async (req) => ({
        items: (await lib.history(me(req), req.params.id)).map((h) => ({
          id: h.id,
          action: h.action,
          actorId: h.actorId,
          actorName: h.actorName,
          at: h.at,
          reason: h.reason,
          reviewId: h.reviewId,
          version: h.version,
          title: String(h.snapshot.title ?? ''),
          validity: h.snapshot.validity as never,
          state: h.snapshot.state as never,
        })),
      }),
    );
    app.post(
      `${BASE}/:id/validity`,
      {
        config: { authenticated: true },
        schema: {
          tags,
          summary: '标注失效（须说明理由）或恢复有效 / Mark a document expired (with a reason) or in force again',
          params: DocumentId,
          body: ValidityBody,
          response: { 200: DocumentSchema, ...errors },
        },
      },
      async (req) => {
        await lib.setValidity(me(req), req.params.id, req.body, rid(req));
        index.invalidate();
        return portal.document(me(req), req.params.id);
      },
    );
    app.post(
      `${BASE}/:id/withdrawal`,
      {
        config: { permission: 'openness.manage' },
        schema: {
          tags,
          summary: '撤回文件（须说明理由，其解读一并撤回）/ Withdraw a document and its interpretations, with a reason',
          params: DocumentId,
          body: WithdrawBody,
          response: { 200: DocumentSchema, ...errors },
        },
      },
      async (req) => {
        const row = await lib.row(ctx.k.db, req.params.id);
        if (!row) throw LibraryErrors.notFound();
        if (!ctx.policy.can(me(req), 'openness.manage', { regionCode: row.region_code })) throw Errors.forbidden();
        await ctx.k.db.transaction().execute((trx) => lib.withdraw(trx, me(req), req.params.id, req.body.reason, rid(req)));
        index.invalidate();
        return portal.document(me(req), req.params.id);
      },
    );
    app.post(
      `${BASE}/import`,
      {
        config: { permission: 'openness.manage' },
        bodyLimit: 8 * 1024 * 1024,
        schema: {
          tags,
          summary: '存量文件导入（逐件检查，全部成功才导入）/ Import documents already published (every check; all or nothing)',
          body: ImportBody,
          response: { 201: ImportResult, ...errors },
        },
      },
      async (req, reply) => {
        const items = await lib.import(me(req), req.body.items, rid(req));
        index.invalidate();
        return reply.code(201).send({ items });
      },
    );
  };
}
