import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../../../kernel/http/app.ts';
import { DomainError } from '../../../kernel/http/errors.ts';
import { JsonValue } from '../../../kernel/http/schemas.ts';

/** What a POST carries: the action's parameters (CKAN takes strings, numbers, booleans and lists of them). */
const ActionParamValue = Type.Union([Type.String({ maxLength: 10_000 }), Type.Number(), Type.Boolean(), Type.Null()]);
const ActionParams = Type.Record(Type.String({ maxLength: 100 }), Type.Union([ActionParamValue, Type.Array(ActionParamValue, { maxItems: 1000 })]), {
  description: 'CKAN 动作参数 / the action parameters, e.g. {"q": "公交", "rows": 10}',
});
import type { OpendataContext } from '../area.ts';
import { actionOf, ACTIONS, LIST_PARAMS, type Params } from './actions.ts';
import { CkanError, CkanErrors } from './errors.ts';

const tags = ['opendata-ckan'];
export const SITE_TITLE = '一网 · 公共数据开放平台';

/** The portal's absolute base URL: the configured public URL, else the host the client asked. */
export function baseOf(ctx: OpendataContext, req: FastifyRequest): string {
  if (ctx.k.config.publicUrl) return ctx.k.config.publicUrl.replace(/\/+$/, '');
  const host = /^[\w.:[\]-]{1,255}$/.test(req.host) ? req.host : `localhost:${ctx.k.config.port}`;
  return `${req.protocol}://${host}`;
}

const helpUrl = (base: string, name: string) => `${base}/api/3/action/help_show?name=${encodeURIComponent(name.slice(0, 100))}`;

/** Any error as CKAN's kind: Fastify's own (bad JSON, too large, wrong type) and the platform's edge checks too. */
function toCkan(err: unknown): CkanError {
  if (err instanceof CkanError) return err;
  if (err instanceof DomainError) {
    if (err.status === 401 || err.status === 403) return CkanErrors.forbidden();
    if (err.status === 404) return new CkanError(404, 'Not Found Error', `Not found: ${err.en}`, err.zh);
    if (err.status === 413) return CkanErrors.tooLarge();
    if (err.status === 429) return CkanErrors.rateLimited();
    if (err.status === 503) return CkanErrors.unavailable();
    if (err.status < 500) return new CkanError(err.status === 414 ? 414 : 400, 'Bad Request', `Bad request - ${err.en}`, err.zh);
    return CkanErrors.internal();
  }
  const e = err as { code?: string; statusCode?: number; message?: string };
  switch (e.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return CkanErrors.tooLarge();
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return CkanErrors.badMedia();
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return CkanErrors.badJson(String(e.message ?? 'invalid JSON').slice(0, 200));
  }
  if (e.statusCode === 429) return CkanErrors.rateLimited();
  if (err instanceof SyntaxError) return CkanErrors.badJson(err.message.slice(0, 200));
  if (e.statusCode === 413) return CkanErrors.tooLarge();
  if (e.statusCode === 415) return CkanErrors.badMedia();
  if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) return new CkanError(400, 'Bad Request', 'Bad request', '请求无效');
  return CkanErrors.internal();
}

/** What the request asks, as CKAN reads it: a GET's query string, a POST's JSON object (or its form fields). */
function paramsOf(req: FastifyRequest): Params {
  const query = (req.query ?? {}) as Record<string, string | string[]>;
  const fromQuery: Params = {};
  for (const [k, v] of Object.entries(query)) fromQuery[k] = Array.isArray(v) && !LIST_PARAMS.has(k) ? v[v.length - 1] : v;
  if (req.method !== 'POST') return fromQuery;
  const body = req.body;
  if (body === undefined || body === null || body === '') return fromQuery;
  if (typeof body !== 'object' || Array.isArray(body)) throw CkanErrors.notDict();
  return body as Params;
}

const ErrorBody = Type.Object(
  {
    help: Type.String(),
    success: Type.Literal(false),
    error: Type.Object({ __type: Type.String(), message: Type.String(), zh: Type.String() }, { additionalProperties: true }),
  },
  { description: 'CKAN error envelope / CKAN 错误格式' },
);
const answers = {
  200: { description: 'CKAN envelope {help, success: true, result}', content: { 'application/json': { schema: JsonValue } } },
  '4xx': { description: 'CKAN error envelope', content: { 'application/json': { schema: ErrorBody } } },
  '5xx': { description: 'CKAN error envelope', content: { 'application/json': { schema: ErrorBody } } },
};

/**
 * CKAN Action API v3 at /api/3/action/{name} (and /api/action/{name}, as CKAN also answers), GET
 * and POST, in CKAN's envelope with CKAN's error kinds and statuses: CKAN clients and harvesters
 * read this portal as they read a CKAN site. An encapsulated plugin: its error handler answers in
 * CKAN's shape, every other route of the platform keeps RFC 9457 problems.
 */
export function ckanRoutes(ctx: OpendataContext) {
  const send = (reply: FastifyReply, status: number, body: unknown) => reply.status(status).type('application/json; charset=utf-8').send(JSON.stringify(body));

  const handle = async (req: FastifyRequest<{ Params: { name: string } }>, reply: FastifyReply) => {
    const name = String(req.params.name ?? '');
    const base = baseOf(ctx, req);
    const action = actionOf(name);
    const params = paramsOf(req);
    const catalogue = ctx.ports.catalogue;
    if (!catalogue) throw CkanErrors.unavailable();
    const result = await action.run(params, { catalogue, access: ctx.ports.access, base, now: ctx.k.clock.now(), siteTitle: SITE_TITLE });
    return send(reply, 200, { help: helpUrl(base, name), success: true, result });
  };

  return async (app: App) => {
    await app.register(async (sub) => {
      // CKAN reads a POST's body whatever it is labelled: form posts (some clients send the JSON as
      // the form body) and text/plain JSON (browser clients avoiding a preflight) too.
      const parseLoose = (_req: FastifyRequest, body: string, done: (err: Error | null, value?: unknown) => void) => {
        const text = body.trim();
        if (!text) return done(null, undefined);
        if (text.startsWith('{') || text.startsWith('[')) {
          try {
            return done(null, JSON.parse(text));
          } catch (e) {
            return done(CkanErrors.badJson((e as Error).message.slice(0, 200)));
          }
        }
        const form: Params = {};
        for (const [k, v] of new URLSearchParams(text)) {
          const prev = form[k];
          form[k] = prev === undefined || !LIST_PARAMS.has(k) ? v : [...(Array.isArray(prev) ? prev : [prev]), v];
        }
        done(null, form);
      };
      sub.addContentTypeParser(['application/x-www-form-urlencoded', 'text/plain'], { parseAs: 'string' }, (req, body, done) => parseLoose(req, String(body), done));
      sub.setErrorHandler(async (err, req, reply) => {
        const e = toCkan(err);
        if (e.status >= 500) req.log.error({ err }, 'ckan action failed');
        const name = String((req.params as { name?: string } | undefined)?.name ?? '');
        return send(reply, e.status, { help: helpUrl(baseOf(ctx, req), name), success: false, error: e.body() });
      });
      const config = { public: true };
      for (const prefix of ['/api/3/action', '/api/action']) {
        const hide = prefix === '/api/action';
        for (const method of ['GET', 'POST'] as const) {
          sub.route({
            method,
            url: `${prefix}/:name`,
            // The action's parameters as a JSON object (or a form); the action checks them itself.
            config: method === 'POST' ? { ...config, documentedBody: ActionParams } : config,
            schema: {
              tags,
              hide,
              summary: `CKAN Action API v3 (${method}): ${Object.keys(ACTIONS).join(', ')}`,
              params: Type.Object({ name: Type.String({ maxLength: 200 }) }),
              response: answers,
            },
            handler: handle,
          });
        }
      }
      // CKAN answers its API version here; some clients probe it.
      sub.get('/api/3', { config, schema: { tags, summary: 'CKAN API version', response: { 200: Type.Object({ version: Type.Integer() }) } } }, async () => ({ version: 3 }));
    });
  };
}
