import { Type } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';
import type { App } from '../../../kernel/http/app.ts';
import { DomainError } from '../../../kernel/http/errors.ts';
import { download } from '../../../kernel/http/schemas.ts';
import { regionNameEn } from '../../org/index.ts';
import { need, type OpendataContext } from '../area.ts';
import type { Dataset } from '../ports.ts';
import { catalogGraph, datasetGraph, toJsonLd, toTurtle, type Graph, type Site } from './dcat.ts';
import { baseOf, SITE_TITLE } from './routes.ts';

const tags = ['opendata-dcat'];
/** Datasets per catalogue page (ckanext-dcat's `ckanext.dcat.datasets_per_page` default). */
export const DCAT_PAGE_SIZE = 100;
const FORMATS = { jsonld: 'application/ld+json; charset=utf-8', ttl: 'text/turtle; charset=utf-8' } as const;
type Fmt = keyof typeof FORMATS;

export const DcatErrors = {
  badSince: () =>
    new DomainError(
      'OPENDATA_DCAT_BAD_MODIFIED_SINCE',
      400,
      'modified_since 应为 ISO 8601 日期时间（如 2026-01-01T00:00:00Z）',
      'modified_since must be an ISO 8601 date-time (e.g. 2026-01-01T00:00:00Z)',
      [{ path: '/query/modified_since', message: 'not an ISO 8601 date / 不是 ISO 8601 日期' }],
    ),
  notFound: () => new DomainError('OPENDATA_DATASET_NOT_FOUND', 404, '未找到该开放数据集', 'No such open dataset'),
  unknownFormat: () => new DomainError('OPENDATA_DCAT_UNKNOWN_FORMAT', 404, '不支持该格式，请使用 .jsonld 或 .ttl', 'Unknown format; use .jsonld or .ttl'),
};

async function write(reply: FastifyReply, fmt: Fmt, g: Graph) {
  const body = fmt === 'ttl' ? await toTurtle(g) : JSON.stringify(toJsonLd(g));
  return reply.type(FORMATS[fmt]).header('cache-control', 'public, max-age=60').send(body);
}

/**
 * DCAT-AP 3 at the paths ckanext-dcat serves: `/catalog.jsonld|ttl?page=N&modified_since=…` (100
 * datasets a page, hydra paging) and `/dataset/{id or name}.jsonld|ttl`. Errors are the
 * platform's RFC 9457 problems (these are not CKAN Action API routes).
 */
export function dcatRoutes(ctx: OpendataContext) {
  const names = new Map<string, { zh: string; en: string } | null>();
  const regionName = async (code: string) => {
    if (!names.has(code)) {
      try {
        const r = await ctx.org.region(code);
        names.set(code, { zh: r.name, en: regionNameEn(r.name) });
      } catch {
        names.set(code, null);
      }
    }
    return names.get(code) ?? null;
  };
  const siteOf = async (base: string): Promise<Site> => {
    const home = await regionName(ctx.k.config.regionCode);
    return {
      base,
      title: SITE_TITLE,
      regionName,
      regionCode: ctx.k.config.regionCode,
      publisher: home ? { zh: `${home.zh}公共数据主管部门`, en: `${home.en} public data authority` } : { zh: '公共数据主管部门', en: 'Public data authority' },
    };
  };

  return async (app: App) => {
    const config = { public: true };
    for (const fmt of Object.keys(FORMATS) as Fmt[]) {
      app.get(
        `/catalog.${fmt}`,
        {
          config,
          schema: {
            tags,
            summary: `DCAT-AP 3 catalogue (${fmt === 'ttl' ? 'Turtle' : 'JSON-LD'}), ${DCAT_PAGE_SIZE} datasets a page`,
            querystring: Type.Object({
              page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000, description: 'page, from 1' })),
              modified_since: Type.Optional(Type.String({ maxLength: 40, description: 'only datasets modified at or after this ISO 8601 date-time' })),
            }),
            response: { 200: download(fmt === 'ttl' ? 'text/turtle' : 'application/ld+json') },
          },
        },
        async (req, reply) => {
          const { page = 1, modified_since: since } = req.query;
          let from: number | null = null;
          if (since !== undefined) {
            if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(since)) throw DcatErrors.badSince();
            from = Date.parse(since.length === 10 ? `${since}T00:00:00Z` : since);
            if (!Number.isFinite(from)) throw DcatErrors.badSince();
          }
          const base = baseOf(ctx, req);
          const all = await need(ctx, 'catalogue').published();
          const modified = all.reduce<string | null>((m, d) => (!m || Date.parse(d.modifiedAt) > Date.parse(m) ? d.modifiedAt : m), null);
          const issued = all.reduce<string | null>((m, d) => (!m || Date.parse(d.createdAt) < Date.parse(m) ? d.createdAt : m), null);
          const hits = (from === null ? all.slice() : all.filter((d) => new Date(d.modifiedAt).getTime() >= from!)).sort(newestFirst);
          const pageUrl = (n: number) => `${base}/catalog.${fmt}?${new URLSearchParams({ ...(since ? { modified_since: since } : {}), page: String(n) })}`;
          const slice = hits.slice((page - 1) * DCAT_PAGE_SIZE, page * DCAT_PAGE_SIZE);
          const g = await catalogGraph(await siteOf(base), slice, { page, perPage: DCAT_PAGE_SIZE, total: hits.length, pageUrl }, { modified, issued });
          return write(reply, fmt, g);
        },
      );
    }
    app.get(
      '/dataset/:file',
      {
        config,
        schema: {
          tags,
          summary: 'One dataset as DCAT-AP 3: /dataset/{id or name}.jsonld or .ttl',
          params: Type.Object({ file: Type.String({ maxLength: 200 }) }),
          response: { 200: download('application/ld+json', 'text/turtle') },
        },
      },
      async (req, reply) => {
        const m = /^(.+)\.(jsonld|ttl)$/.exec(req.params.file);
        if (!m) throw DcatErrors.unknownFormat();
        const cat = need(ctx, 'catalogue');
        const key = m[1];
        const d = /^[0-9a-f-]{36}$/i.test(key) ? ((await cat.byId(key.toLowerCase())) ?? (await cat.byName(key))) : await cat.byName(key);
        if (!d || d.state !== 'published') throw DcatErrors.notFound();
        return write(reply, m[2] as Fmt, await datasetGraph(await siteOf(baseOf(ctx, req)), d));
      },
    );
  };
}

const newestFirst = (a: Dataset, b: Dataset) => Date.parse(b.modifiedAt) - Date.parse(a.modifiedAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
