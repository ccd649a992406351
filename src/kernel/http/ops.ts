import { Type } from '@sinclair/typebox';
import client from 'prom-client';
import { timingSafeEqual } from 'node:crypto';
import type { Clock } from '../clock/index.ts';
import { sql, type Db } from '../db/index.ts';
import { Errors } from './errors.ts';
import type { App } from './app.ts';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** Liveness, readiness and Prometheus metrics for operators and load balancers. */
export async function registerOps(app: App, db: Db, clock: Clock, metricsToken?: string, readyTimeoutMs = 2000): Promise<void> {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: 'yiwang_' });
  const duration = new client.Histogram({
    name: 'yiwang_http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  // Background work that is due and not done: a backlog that only grows means the workers are
  // stopped or too few (alert on it); a start-up waits for it to reach zero before taking a snapshot.
  new client.Gauge({
    name: 'yiwang_background_backlog',
    help: 'Due jobs not yet finished and due outbox events not yet delivered',
    labelNames: ['queue'],
    registers: [registry],
    async collect() {
      const now = clock.now();
      const r = await sql<{ jobs: string; outbox: string }>`
        SELECT (SELECT count(*) FROM kernel_job WHERE state = 'running' OR (state = 'pending' AND run_at <= ${now})) AS jobs,
               (SELECT count(*) FROM kernel_outbox WHERE delivered_at IS NULL AND next_at <= ${now}) AS outbox`.execute(db);
      this.set({ queue: 'jobs' }, Number(r.rows[0].jobs));
      this.set({ queue: 'outbox' }, Number(r.rows[0].outbox));
    },
  });
  app.addHook('onResponse', async (req, reply) => {
    duration.observe({ method: req.method, route: req.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });

  const tags = ['ops'];
  // Probed every few seconds by every load balancer: two info lines per probe (request in,
  // response out) would bury the log and cost more than the answer; failures still log at warn.
  app.get('/healthz', { logLevel: 'warn', config: { public: true }, schema: { tags, summary: '存活检查 / Liveness', response: { 200: Type.Object({ status: Type.Literal('ok') }) } } }, async () => ({
    status: 'ok' as const,
  }));
  const Readiness = Type.Object({ status: Type.String(), database: Type.Boolean(), reason: Type.Optional(Type.String()) });
  app.get(
    '/readyz',
    { config: { public: true }, schema: { tags, summary: '就绪检查（数据库可用）/ Readiness (the database answers)', response: { 200: Readiness, 503: Readiness } } },
    async (_req, reply) => {
      // A pool whose every connection is taken answers no ping: say so within a short bound
      // instead of hanging the load balancer's probe (the ping itself gives up on its own).
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<'busy'>((r) => (timer = setTimeout(() => r('busy'), readyTimeoutMs)));
      const probe = sql`SELECT 1`.execute(db).then(
        () => 'ok' as const,
        (err: { code?: string }) => (err.code === 'DATABASE_BUSY' ? ('busy' as const) : ('down' as const)),
      );
      const answer = await Promise.race([probe, late]);
      clearTimeout(timer);
      if (answer === 'ok') return reply.status(200).send({ status: 'ready', database: true });
      const reason = answer === 'busy' ? 'database connections exhausted (none free within the ready timeout)' : 'database unreachable';
      return reply.status(503).send({ status: 'not ready', database: false, reason });
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
