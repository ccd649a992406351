import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../../../kernel/http/app.ts';
import { Errors } from '../../../kernel/http/errors.ts';
import { classify } from '../../../kernel/http/problem.ts';
import type { Kernel } from '../../../kernel/index.ts';
import { publicBase } from '../../identity/index.ts';
import { render, type Format } from './format.ts';
import type { Open311Service } from './service.ts';

const FORMATS: Format[] = ['json', 'xml'];
const tags = ['open311'];
/** The spec's error codes: 400 bad request, 403 bad api_key, 404 not found; we add 429 for floods. */
const STATUS = (s: number) => (s === 401 || s === 403 ? 403 : s === 404 ? 404 : s === 429 ? 429 : s === 413 ? 413 : s >= 500 ? 500 : 400);

/**
 * Open311 GeoReport v2 under /open311/v2/, in XML and JSON, for FixMyStreet and other apps. Errors
 * use the spec's own format (a list of code + description), not our problem details, because that
 * is what these clients parse; the description carries both languages.
 */
export function open311Routes(k: Kernel, svc: Open311Service) {
  return async function (app: App) {
    await app.register(async (sub) => {
      // GeoReport clients post application/x-www-form-urlencoded; repeated keys keep every value.
      sub.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_req, body, done) => {
        const out: Record<string, string | string[]> = {};
        for (const [key, v] of new URLSearchParams(String(body))) {
          const prev = out[key];
          out[key] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
        }
        done(null, out);
      });
      sub.setErrorHandler(async (err, req, reply) => {
        const e = classify(err as never);
        if (e.status >= 500) req.log.error({ err }, 'open311 request failed');
        const status = STATUS(e.status);
        const fmt: Format = req.url.split('?')[0].endsWith('.xml') ? 'xml' : 'json';
        const errors = [{ code: status, description: `${e.zh} / ${e.en}${e.errors?.length ? ` (${e.errors.map((x) => `${x.path}: ${x.message}`).join('; ')})` : ''}` }];
        const out = render(fmt, 'errors', 'error', errors);
        return reply.status(status).type(out.type).send(out.payload);
      });
      const send = (reply: FastifyReply, fmt: Format, root: string, item: string | null, body: unknown) => {
        const out = render(fmt, root, item, body);
        return reply.type(out.type).send(out.payload);
      };
      const query = (req: FastifyRequest) => {
        const q = req.query as Record<string, unknown>;
        const flat: Record<string, string | undefined> = {};
        for (const [key, v] of Object.entries(q)) flat[key] = Array.isArray(v) ? String(v[0]).slice(0, 4000) : v === undefined ? undefined : String(v).slice(0, 4000);
        return flat;
      };
      const config = { public: true };
      for (const fmt of FORMATS) {
        sub.get(`/open311/v2/discovery.${fmt}`, { config, schema: { tags, summary: 'GeoReport v2 discovery' } }, async (_req, reply) => {
          const base = `${publicBase(k)}/open311/v2/`;
          const test = k.config.open311TestUrl ? `${k.config.open311TestUrl.replace(/\/+$/, '')}/open311/v2/` : base;
          const changeset = '2026-11-24T00:00:00+08:00';
          const endpoints = [
            { specification: 'http://wiki.open311.org/GeoReport_v2', url: base, changeset, type: 'production', formats: ['text/xml', 'application/json'] },
            { specification: 'http://wiki.open311.org/GeoReport_v2', url: test, changeset, type: 'test', formats: ['text/xml', 'application/json'] },
          ];
          const body = { changeset, contact: `12345 政务服务便民热线 / 12345 hotline, ${k.config.regionCode}`, key_service: `${publicBase(k)}/admin (api_key 由区域管理员发放 / issued by the region administrator)`, endpoints };
          if (fmt === 'json') return send(reply, fmt, 'discovery', null, body);
          return send(reply, fmt, 'discovery', null, { ...body, endpoints: { endpoint: endpoints.map((e) => ({ ...e, formats: { format: e.formats } })) } });
        });
        sub.get(`/open311/v2/services.${fmt}`, { config, schema: { tags, summary: 'GeoReport v2 service list' } }, async (req, reply) => {
          svc.checkJurisdiction(query(req).jurisdiction_id);
          return send(reply, fmt, 'services', 'service', await svc.services());
        });
        sub.get(`/open311/v2/services/:code.${fmt}`, { config, schema: { tags, summary: 'GeoReport v2 service definition' } }, async (req, reply) => {
          svc.checkJurisdiction(query(req).jurisdiction_id);
          const def = await svc.definition((req.params as { code: string }).code);
          if (fmt === 'json') return send(reply, fmt, 'service_definition', null, def);
          return send(reply, fmt, 'service_definition', null, { service_code: def.service_code, attributes: { attribute: def.attributes.map((a) => ({ ...a, values: { value: a.values } })) } });
        });
        sub.post(`/open311/v2/requests.${fmt}`, { config, schema: { tags, summary: 'GeoReport v2 create a request (api_key)' } }, async (req, reply) => {
          const body = req.body;
          if (!body || typeof body !== 'object' || Array.isArray(body)) throw Errors.malformed();
          return send(reply, fmt, 'service_requests', 'request', await svc.post(body as Record<string, string>, String(req.id)));
        });
        sub.get(`/open311/v2/requests.${fmt}`, { config, schema: { tags, summary: 'GeoReport v2 list requests' } }, async (req, reply) => send(reply, fmt, 'service_requests', 'request', await svc.list(query(req))));
        sub.get(`/open311/v2/requests/:id.${fmt}`, { config, schema: { tags, summary: 'GeoReport v2 one request' } }, async (req, reply) =>
          send(reply, fmt, 'service_requests', 'request', await svc.one((req.params as { id: string }).id.slice(0, 60), query(req).jurisdiction_id)),
        );
        sub.get(`/open311/v2/tokens/:token.${fmt}`, { config, schema: { tags, summary: 'GeoReport v2 request id from a token' } }, async (req, reply) =>
          send(reply, fmt, 'service_requests', 'request', await svc.token((req.params as { token: string }).token)),
        );
      }
    });
  };
}
