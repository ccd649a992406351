import { Type } from '@sinclair/typebox';
import client from 'prom-client';
import { timingSafeEqual } from 'node:crypto';
import { ping, type Db } from '../db/index.ts';
import { Errors } from './errors.ts';
import type { App } from './app.ts';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** Liveness, readiness and Prometheus metrics for operators and load balancers. */
export async function registerOps(app: App, db: Db, metricsToken?: string): Promise<void> {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: 'yiwang_' });
  const duration = new client.Histogram({
    name: 'yiwang_http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  app.addHook('onResponse', async (req, reply) => {
    duration.observe(
      { method: req.method, route: req.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });

  const tags = ['ops'];
  app.get('/healthz', { config: { public: true }, schema: { tags, response: { 200: Type.Object({ status: Type.Literal('ok') }) } } }, async () => ({
    status: 'ok' as const,
  }));
  app.get(
    '/readyz',
    {
      config: { public: true },
      schema: { tags, response: { 200: Type.Object({ status: Type.String(), database: Type.Boolean() }), 503: Type.Object({ status: Type.String(), database: Type.Boolean() }) } },
    },
    async (_req, reply) => {
      const database = await ping(db);
      return reply.status(database ? 200 : 503).send({ status: database ? 'ready' : 'not ready', database });
    },
  );
  // Metrics reveal routes and load: readable from this machine, or elsewhere with the metrics token.
  // "This machine" is the real client (req.ip follows X-Forwarded-For from trusted proxies only); a
  // request that was forwarded at all came through a proxy, so a local proxy does not make it local.
  app.get('/metrics', { config: { public: true }, schema: { tags, hide: true } }, async (req, reply) => {
    const forwarded = req.headers['x-forwarded-for'] !== undefined || req.headers.forwarded !== undefined;
    const local = !forwarded && LOOPBACK.has(req.ip);
    const tokenOk = !!metricsToken && timingSafeEqualText(req.headers.authorization ?? '', `Bearer ${metricsToken}`);
    if (!(metricsToken ? tokenOk : local)) throw metricsToken ? Errors.unauthenticated() : Errors.forbidden();
    reply.type(registry.contentType);
    return registry.metrics();
  });
}

function timingSafeEqualText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
