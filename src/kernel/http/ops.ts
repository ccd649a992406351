import { Type } from '@sinclair/typebox';
import client from 'prom-client';
import { ping, type Db } from '../db/index.ts';
import type { App } from './app.ts';

/** Liveness, readiness and Prometheus metrics for operators and load balancers. */
export async function registerOps(app: App, db: Db): Promise<void> {
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
  app.get('/metrics', { config: { public: true }, schema: { tags, hide: true } }, async (_req, reply) => {
    reply.type(registry.contentType);
    return registry.metrics();
  });
}
