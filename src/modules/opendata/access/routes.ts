import { Type } from '@sinclair/typebox';
import type { App } from '../../../kernel/http/app.ts';
import { NoInput, ProblemSchema, download } from '../../../kernel/http/schemas.ts';
import type { Principal } from '../../../kernel/policy/index.ts';
import type { DownloadFormat, Downloads } from './downloads.ts';
import { KeyRateLimited } from './errors.ts';
import type { Keys } from './keys.ts';
import type { OpenApi } from './open-api.ts';
import type { Previews } from './preview.ts';
import { ApiDatasets, ApiKeyHeader, KeyIdParams, KeyInput, KeyView, NameParams, NewKey, PreviewAnswer, RowsAnswer, RowsQuery } from './schema.ts';

const tags = ['opendata'];
const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema, 503: ProblemSchema };
const MEDIA: Record<DownloadFormat, string> = { csv: 'text/csv', json: 'application/json', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };

/** Downloads, preview, API keys and the open API. */
export function accessRoutes(s: { downloads: Downloads; previews: Previews; keys: Keys; api: OpenApi }) {
  return async function (app: App) {
    const me = (req: { principal?: Principal | null }) => req.principal!;
    const rid = (req: { id: unknown }) => String(req.id);

    for (const format of ['csv', 'json', 'xlsx'] as const) {
      app.get(
        `/api/opendata/datasets/:name/download.${format}`,
        {
          config: { public: true, rateLimit: { max: 30, timeWindow: '1 minute' } },
          schema: {
            tags,
            summary: `下载开放数据（${format.toUpperCase()}）/ Download the open data (${format.toUpperCase()})`,
            params: NameParams,
            response: { 200: download(MEDIA[format]), ...errors },
          },
        },
        async (req, reply) => {
          const d = await s.downloads.start(req.principal, req.params.name, format);
          reply.header('content-type', d.contentType).header('content-disposition', d.disposition).header('cache-control', 'no-store');
          return reply.send(d.stream as unknown as string);
        },
      );
    }
    app.get(
      '/api/opendata/datasets/:name/preview',
      {
        config: { public: true },
        schema: { tags, summary: '数据预览：前 20 行与数值统计 / Preview: the first 20 rows and numeric summaries', params: NameParams, response: { 200: PreviewAnswer, ...errors } },
      },
      async (req) => s.previews.get(req.params.name),
    );

    app.get(
      '/api/opendata/keys',
      { config: { authenticated: true }, schema: { tags, summary: '我的接口密钥 / My API keys', response: { 200: Type.Object({ items: Type.Array(KeyView) }), ...errors } } },
      async (req) => ({ items: await s.keys.list(me(req)) }),
    );
    app.post(
      '/api/opendata/keys',
      {
        config: { authenticated: true },
        schema: { tags, summary: '申请接口密钥（仅显示一次）/ Register an API key (shown once)', body: KeyInput, response: { 201: NewKey, ...errors } },
      },
      async (req, reply) => reply.status(201).send(await s.keys.create(me(req), req.body, rid(req))),
    );
    app.post(
      '/api/opendata/keys/:id/revoke',
      { config: { authenticated: true, documentedBody: NoInput }, schema: { tags, summary: '注销接口密钥 / Revoke an API key', params: KeyIdParams, response: { 200: KeyView, ...errors } } },
      async (req) => s.keys.revoke(me(req), req.params.id, rid(req)),
    );

    // The open API: anyone with a key; the key is checked by the service (401), not the session.
    const withRetryAfter = async <T>(reply: { header(k: string, v: string): unknown }, run: () => Promise<T>): Promise<T> => {
      try {
        return await run();
      } catch (err) {
        if (err instanceof KeyRateLimited) reply.header('retry-after', String(err.retryAfter));
        throw err;
      }
    };
    const apiErrors = { ...errors, 429: ProblemSchema };
    app.get(
      '/api/opendata/v1/datasets',
      {
        config: { public: true },
        schema: { tags, summary: '开放接口：可调用的数据集 / Open API: the datasets you may call', headers: ApiKeyHeader, response: { 200: ApiDatasets, ...apiErrors } },
      },
      async (req, reply) => withRetryAfter(reply, () => s.api.datasets(req.headers['x-api-key'])),
    );
    app.get(
      '/api/opendata/v1/datasets/:name/rows',
      {
        config: { public: true },
        schema: {
          tags,
          summary: '开放接口：数据集的数据行 / Open API: rows of a dataset',
          params: NameParams,
          headers: ApiKeyHeader,
          querystring: RowsQuery,
          response: { 200: RowsAnswer, ...apiErrors },
        },
      },
      async (req, reply) => withRetryAfter(reply, () => s.api.rows(req.headers['x-api-key'], req.params.name, req.query as Record<string, unknown>)),
    );
  };
}
