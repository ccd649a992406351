import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../../../kernel/http/app.ts';
import { classify } from '../../../kernel/http/problem.ts';
import { JsonValue } from '../../../kernel/http/schemas.ts';
import type { Kernel } from '../../../kernel/index.ts';
import { publicBase } from '../../identity/index.ts';
import { Open311Errors } from './errors.ts';
import { FormFields, formOf, queryOf, readMultipart, text } from './fields.ts';
import { render, type Format } from './format.ts';
import { Open311Service } from './service.ts';

const FORMATS: readonly Format[] = ['json', 'xml'];
const tags = ['open311'];
/** The spec's error codes: 400 bad request, 403 bad api_key, 404 not found; we keep 405, 413, 415, 429 and 5xx. */
const STATUS = (s: number) => (s === 401 || s === 403 ? 403 : [404, 405, 413, 415, 429].includes(s) ? s : s >= 500 ? s : 400);
/** Production, and the sandbox that checks posts the same way and stores nothing. */
const MOUNTS = [
  { prefix: '/open311/v2', sandbox: false },
  { prefix: '/open311/v2-test', sandbox: true },
] as const;

/*
 * The document lists these endpoints (they are this platform's public API, in GeoReport's shapes)
 * with the spec's answers: its JSON or XML documents, and its error list instead of problem details.
 */
const GeoReportErrors = Type.Array(Type.Object({ code: Type.Integer(), description: Type.String() }), { description: 'GeoReport v2 errors (zh / en in the description)' });
const Xml = Type.String({ description: 'GeoReport v2 XML document' });
/** A new request as GeoReport clients post it (form-encoded, or multipart with a `media` photo). */
const GeoReportPost = Type.Object(
  {
    api_key: Type.String(),
    service_code: Type.String(),
    lat: Type.Optional(Type.Number()),
    long: Type.Optional(Type.Number()),
    address_string: Type.Optional(Type.String()),
    address_id: Type.Optional(Type.String()),
    description: Type.Optional(Type.String()),
    email: Type.Optional(Type.String()),
    first_name: Type.Optional(Type.String()),
    last_name: Type.Optional(Type.String()),
    phone: Type.Optional(Type.String()),
    device_id: Type.Optional(Type.String()),
    account_id: Type.Optional(Type.String()),
    media_url: Type.Optional(Type.String()),
    media: Type.Optional(Type.String({ format: 'binary', description: 'multipart only: a photo' })),
  },
  { additionalProperties: Type.String({ description: 'attribute[code] answers' }) },
);
const answers = (fmt: Format) => {
  const as = (schema: unknown, description: string) => ({ description, content: { [fmt === 'json' ? 'application/json' : 'text/xml']: { schema } } });
  return {
    200: as(fmt === 'json' ? JsonValue : Xml, 'GeoReport v2 answer'),
    '4xx': as(fmt === 'json' ? GeoReportErrors : Xml, 'GeoReport v2 errors'),
    '5xx': as(fmt === 'json' ? GeoReportErrors : Xml, 'GeoReport v2 errors'),
  };
};

interface Call {
  req: FastifyRequest;
  fmt: Format;
  params: Record<string, string>;
  sandbox: boolean;
}
/** One GeoReport resource: its path below the mount (`:name` is a segment), without the format. */
interface Endpoint {
  method: 'GET' | 'POST';
  path: string;
  summary: string;
  handle(c: Call): Promise<{ root: string; item: string | null; body: unknown }>;
}

/** The error format the client asked for: the URL's, else by Accept, else XML (the spec's default). */
function formatOf(req: FastifyRequest): Format {
  const ext = /\.(\w+)$/.exec(req.url.split('?')[0])?.[1];
  if (ext === 'json' || ext === 'xml') return ext;
  const accept = String(req.headers.accept ?? '');
  return /json/.test(accept) && !/xml/.test(accept) ? 'json' : 'xml';
}

/** The parameters when `path` (`services/:code`) matches `resource` (`services/010202`), else null. */
function match(path: string, resource: string): Record<string, string> | null {
  const want = path.split('/');
  const got = resource.split('/');
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (const [i, w] of want.entries()) {
    if (w.startsWith(':')) {
      if (!got[i]) return null;
      try {
        params[w.slice(1)] = decodeURIComponent(got[i]);
      } catch {
        throw Open311Errors.badRequest('路径编码无效', 'The path is not validly encoded');
      }
    } else if (w !== got[i]) return null;
  }
  return params;
}

/**
 * Open311 GeoReport v2 under /open311/v2/ and its sandbox under /open311/v2-test/, in XML and
 * JSON, for FixMyStreet and other apps. Errors use the spec's own format (a list of code +
 * description), not our problem details, because that is what these clients parse; the
 * description carries both languages.
 */
export function open311Routes(k: Kernel, svc: Open311Service) {
  const endpoints: Endpoint[] = [
    {
      method: 'GET',
      path: 'discovery',
      summary: 'GeoReport v2 discovery',
      async handle({ fmt }) {
        // No trailing slash: validators append "/services.xml" to these URLs.
        const production = `${publicBase(k)}/open311/v2`;
        const test = k.config.open311TestUrl ? `${k.config.open311TestUrl.replace(/\/+$/, '')}/open311/v2` : `${publicBase(k)}/open311/v2-test`;
        const changeset = await svc.changeset();
        const formats = ['text/xml', 'application/json'];
        const endpoints = [
          { specification: 'http://wiki.open311.org/GeoReport_v2', url: production, changeset, type: 'production', formats },
          { specification: 'http://wiki.open311.org/GeoReport_v2', url: test, changeset, type: 'test', formats },
        ];
        const body = {
          changeset,
          contact: `12345 政务服务便民热线 / 12345 hotline, ${k.config.regionCode}`,
          key_service: `${publicBase(k)}/admin (api_key 由区域管理员发放 / issued by the region administrator)`,
          endpoints,
        };
        if (fmt === 'json') return { root: 'discovery', item: null, body };
        return { root: 'discovery', item: null, body: { ...body, endpoints: { endpoint: endpoints.map((e) => ({ ...e, formats: { format: e.formats } })) } } };
      },
    },
    {
      method: 'GET',
      path: 'services',
      summary: 'GeoReport v2 service list',
      async handle({ req }) {
        svc.checkJurisdiction(queryOf(req).jurisdiction_id);
        return { root: 'services', item: 'service', body: await svc.services() };
      },
    },
    {
      method: 'GET',
      path: 'services/:code',
      summary: 'GeoReport v2 service definition',
      async handle({ req, fmt, params }) {
        svc.checkJurisdiction(queryOf(req).jurisdiction_id);
        const def = await svc.definition(params.code);
        if (fmt === 'json') return { root: 'service_definition', item: null, body: def };
        return { root: 'service_definition', item: null, body: { service_code: def.service_code, attributes: { attribute: def.attributes.map((a) => ({ ...a, values: { value: a.values } })) } } };
      },
    },
    {
      method: 'POST',
      path: 'requests',
      summary: 'GeoReport v2 create a request (api_key; form-encoded, or multipart with a media photo)',
      async handle({ req, sandbox }) {
        const { form, media } = req.isMultipart() ? await readMultipart(req, k.config.fileMaxBytes) : { form: formOf(req.body), media: null };
        return { root: 'service_requests', item: 'request', body: sandbox ? await svc.trial(form, media) : await svc.post(form, media, String(req.id)) };
      },
    },
    {
      method: 'GET',
      path: 'requests',
      summary: 'GeoReport v2 list requests',
      async handle({ req }) {
        return { root: 'service_requests', item: 'request', body: await svc.list(queryOf(req)) };
      },
    },
    {
      method: 'GET',
      path: 'requests/:id',
      summary: 'GeoReport v2 one request',
      async handle({ req, params, sandbox }) {
        if (sandbox && Open311Service.isSandboxId(params.id)) throw Open311Errors.notKept();
        return { root: 'service_requests', item: 'request', body: await svc.one(params.id.slice(0, 60), queryOf(req).jurisdiction_id) };
      },
    },
    {
      method: 'GET',
      path: 'tokens/:token',
      summary: 'GeoReport v2 request id from a token',
      async handle({ params }) {
        return { root: 'service_requests', item: 'request', body: await svc.token(params.token) };
      },
    },
  ];

  const run = async (e: Endpoint, c: Call, reply: FastifyReply) => {
    for (const [name, value] of Object.entries(c.params)) text(value, name);
    const { root, item, body } = await e.handle(c);
    const out = render(c.fmt, root, item, body);
    return reply.type(out.type).send(out.payload);
  };

  /**
   * What the router did not match below a mount: a path with doubled slashes (served as if single),
   * an unknown format or resource (404) or a method the resource does not take (405), all answered
   * in GeoReport's format rather than as the platform's problem documents.
   */
  const fallback = (prefix: string, sandbox: boolean) => async (req: FastifyRequest, reply: FastifyReply) => {
    const path = req.url
      .split('?')[0]
      .slice(prefix.length)
      .replace(/\/{2,}/g, '/')
      .replace(/^\//, '');
    const [, resource, ext] = /^(.+)\.([^./]+)$/.exec(path) ?? [];
    const found = resource ? endpoints.flatMap((e) => (match(e.path, resource) ? [e] : [])) : [];
    if (!found.length) throw Open311Errors.noSuchPath();
    if (!FORMATS.includes(ext as Format)) throw Open311Errors.unknownFormat(ext);
    const method = req.method === 'HEAD' ? 'GET' : req.method;
    const e = found.find((x) => x.method === method);
    if (!e) {
      const allowed = found.map((x) => x.method);
      reply.header('allow', allowed.join(', '));
      throw Open311Errors.wrongMethod(req.method.slice(0, 10), allowed);
    }
    return run(e, { req, fmt: ext as Format, params: match(e.path, resource)!, sandbox }, reply);
  };

  return async function (app: App) {
    await app.register(async (sub) => {
      // GeoReport clients post application/x-www-form-urlencoded; repeated keys keep every value.
      sub.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_req, body, done) => {
        done(null, new FormFields([...new URLSearchParams(String(body))]));
      });
      sub.setErrorHandler(async (err, req, reply) => {
        const e = classify(err as Parameters<typeof classify>[0]);
        if (e.status >= 500) req.log.error({ err }, 'open311 request failed');
        const status = STATUS(e.status);
        const errors = [{ code: status, description: `${e.zh} / ${e.en}${e.errors?.length ? ` (${e.errors.map((x) => `${x.path}: ${x.message}`).join('; ')})` : ''}` }];
        const out = render(formatOf(req), 'errors', 'error', errors);
        return reply.status(status).type(out.type).send(out.payload);
      });
      const config = { public: true };
      for (const { prefix, sandbox } of MOUNTS) {
        const label = sandbox ? ' (test endpoint: stores nothing)' : '';
        for (const fmt of FORMATS) {
          for (const e of endpoints) {
            sub.route({
              method: e.method,
              url: `${prefix}/${e.path}.${fmt}`,
              config: e.method === 'POST' ? { ...config, documentedBody: GeoReportPost } : config,
              schema: { tags, summary: `${e.summary}${label}`, response: answers(fmt), ...(e.method === 'POST' ? { consumes: ['application/x-www-form-urlencoded', 'multipart/form-data'] } : {}) },
              handler: (req, reply) => run(e, { req, fmt, params: req.params as Record<string, string>, sandbox }, reply),
            });
          }
        }
        sub.route({ method: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'], url: `${prefix}/*`, config, schema: { hide: true }, handler: fallback(prefix, sandbox) });
      }
    });
  };
}
