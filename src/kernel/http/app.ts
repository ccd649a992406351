import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance, type FastifyRequest, type RawReplyDefaultExpression, type RawRequestDefaultExpression, type RawServerDefault } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { newId as uuidv7 } from '../ids/index.ts';
import type { Logger } from '../log/index.ts';
import type { Policy, Principal } from '../policy/index.ts';
import { DomainError, Errors } from './errors.ts';
import { classify, sendProblem } from './problem.ts';
import { registerOps } from './ops.ts';
import { registerIdempotency } from './idempotency.ts';
import { registerSecurityHeaders } from './security-headers.ts';
import { registerSameOriginCheck, type SameOriginOptions } from './same-origin.ts';
import { frameworkErrors, registerInputGuard } from './input-guard.ts';
import { SECURITY_SCHEMES, declareContract } from './contract.ts';
import { sharedSchemas } from './schemas.ts';
import { lazySchemaCompilers, refuseUpperCaseHeaders, trackDeferredSchemas } from './lazy-schemas.ts';
import type { Clock } from '../clock/index.ts';
import type { Db } from '../db/index.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Anyone may call this route. */
    public?: boolean;
    /** A signed-in principal may call it; the service checks what exactly. */
    authenticated?: boolean;
    /** The permission a principal must hold (jurisdiction is checked in the service). */
    permission?: string;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}

export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, Logger, TypeBoxTypeProvider>;

export interface AppOptions {
  log: Logger;
  db: Db;
  clock: Clock;
  bodyLimit: number;
  rateLimitPerMinute: number;
  policy: Policy;
  authenticate(req: FastifyRequest): Promise<Principal | null>;
  webDir?: string;
  /** Records a refused request (401 with credentials, 403) in the audit ledger. */
  onDenied?(req: FastifyRequest, err: DomainError): Promise<void>;
  /** When set, /metrics needs `Authorization: Bearer <token>`; otherwise it answers only this machine. */
  metricsToken?: string;
  /** Reverse proxies whose X-Forwarded-* headers are believed (addresses, CIDRs); none when unset. */
  trustProxy?: string;
  /** Refuses cookie-authenticated writes from other origins (CSRF). */
  sameOrigin?: SameOriginOptions;
  /** /readyz reports "not ready" when no database connection can be had within this time. */
  readyTimeoutMs?: number;
  /** Bounds on slow or silent clients (see `serverTimeouts`). */
  timeouts?: ServerTimeouts;
  /** Outside origins pages may load images from (a configured map tile server). */
  imgOrigins?: string[];
}

export interface ServerTimeouts {
  requestMs: number;
  headersMs: number;
  idleMs: number;
  keepAliveMs: number;
}

/**
 * No client may keep a request open for ever: the whole request within `requestMs`, its headers
 * within `headersMs`, no socket silent for `idleMs`. Node checks the first two once a second.
 */
function serverTimeouts(t: ServerTimeouts | undefined) {
  if (!t) return {};
  return {
    requestTimeout: t.requestMs,
    connectionTimeout: t.idleMs,
    keepAliveTimeout: t.keepAliveMs,
    http: { requestTimeout: t.requestMs, headersTimeout: Math.min(t.headersMs, t.requestMs), connectionsCheckingInterval: 1000 },
  };
}

/**
 * SPA areas served from the built web app; anything under them falls back to index.html. Notices
 * and SMS link to /my/benefits/:id and /my/matches, and /messages, /me and /policies are opened
 * directly too (a reload there answered 404), as are the public /supervision pages. An area matches whole path segments only, so /meow
 * stays a 404.
 */
const WEB_AREAS = [
  '/workbench',
  '/admin',
  '/screen',
  '/portal',
  '/signin',
  '/register',
  '/account',
  '/services',
  '/applications',
  '/cases',
  '/licences',
  '/verify',
  '/bundles',
  '/bundle-applications',
  '/messages',
  '/me',
  '/my',
  '/policies',
  // 双随机一公开: the public draw check pages and published results are linked from outside.
  '/supervision',
  // 公共数据开放: the open-data portal's pages (datasets are linked from CKAN and DCAT clients).
  '/opendata',
  // 政务公开: the policy library's pages (documents are linked from the feed and from 政策找人 notices).
  '/openness',
];

const isWebAsset = (url: string) => url === '/' || url === '/index.html' || url.startsWith('/assets/') || /^\/[\w.-]+\.(svg|ico|png|txt|webmanifest)$/.test(url);

export async function createApp(opts: AppOptions): Promise<App> {
  const compilers = lazySchemaCompilers();
  const app = Fastify({
    loggerInstance: opts.log,
    bodyLimit: opts.bodyLimit,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : uuidv7();
    },
    requestIdHeader: false,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: true, allowUnionTypes: true } },
    // Fastify's own compilers, run on a route's first call rather than at start (lazy-schemas.ts).
    // Fastify then passes header schemas through unchanged: their keys must be lower case.
    schemaController: { compilersFactory: compilers.factory },
    // req.ip, req.protocol and req.host follow X-Forwarded-* only when the direct peer is one of these.
    trustProxy: opts.trustProxy ?? false,
    ...serverTimeouts(opts.timeouts),
    frameworkErrors,
  }).withTypeProvider<TypeBoxTypeProvider>() as unknown as App;

  trackDeferredSchemas(app, compilers);
  app.decorateRequest('principal', null);
  // Before any route: routes refer to these by `$ref`, and the document lists them once.
  for (const schema of sharedSchemas) app.addSchema(schema);
  // The API speaks JSON (and multipart for files); plain text bodies get a clear 415.
  app.removeContentTypeParser('text/plain');
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });

  // Deny by default: a route that says neither public, authenticated nor a permission is a bug.
  app.addHook('onRoute', (route) => {
    // The built web pages are public by nature (they hold no data; the API behind them checks access).
    if (opts.webDir && isWebAsset(route.url)) {
      route.config = { ...(route.config ?? {}), public: true } as typeof route.config;
      return;
    }
    const c = (route.config ?? {}) as { public?: boolean; authenticated?: boolean; permission?: string };
    const internal = route.url.startsWith('/api/docs') || route.method === 'HEAD';
    if (!internal && !c.public && !c.authenticated && !c.permission && !route.url.includes('*')) {
      throw new Error(`route ${route.method} ${route.url} declares no access rule (public / authenticated / permission)`);
    }
    refuseUpperCaseHeaders(route);
    if (!internal) declareContract(route);
  });

  registerSecurityHeaders(app as unknown as FastifyInstance, { imgOrigins: opts.imgOrigins });
  await app.register(cookie);
  if (opts.sameOrigin) registerSameOriginCheck(app as unknown as FastifyInstance, opts.sameOrigin);
  await app.register(rateLimit, {
    max: opts.rateLimitPerMinute,
    timeWindow: '1 minute',
    errorResponseBuilder: () => Errors.rateLimited(),
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Yiwang 一网 API', version: '0.1.0', description: '一网通办 · 一网统管 · 一网协同 — platform API' },
      components: { securitySchemes: SECURITY_SCHEMES },
    },
    // Shared schemas keep their own names under components.schemas (not def-0, def-1, …).
    refResolver: { buildLocalReference: (json, _base, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
    // Bodies a handler parses itself (uploads, form posts) are shown, though Fastify does not validate them.
    transform: ({ schema, url, route }) => {
      const body = (route.config as { documentedBody?: unknown } | undefined)?.documentedBody;
      return { schema: body && schema ? ({ ...schema, body } as typeof schema) : schema, url };
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  app.setErrorHandler(async (err, req, reply) => {
    const domain = classify(err as never);
    if (domain.status >= 500) req.log.error({ err }, 'request failed');
    // A refused caller who showed credentials (or was signed in) leaves a trace; anonymous page
    // loads asking "who am I?" do not.
    const presented = !!req.headers.authorization || !!req.principal || String(req.headers.cookie ?? '').includes('yw_session=');
    if (opts.onDenied && presented && (domain.status === 401 || domain.status === 403)) {
      try {
        await opts.onDenied(req, domain);
      } catch (e) {
        req.log.error({ err: e }, 'could not audit a refused request');
      }
    }
    return sendProblem(reply, domain);
  });
  app.setNotFoundHandler((req, reply) => {
    if (opts.webDir && req.method === 'GET' && (req.url === '/' || WEB_AREAS.some((a) => req.url === a || req.url.startsWith(`${a}/`) || req.url.startsWith(`${a}?`)))) {
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    }
    return sendProblem(reply, Errors.notFound('route'));
  });

  // First of all: no NUL, broken Unicode, runaway nesting or unusable number reaches a route.
  registerInputGuard(app as unknown as FastifyInstance);
  // Before validation: a caller who may not use a route learns nothing about its schema.
  app.addHook('preValidation', async (req) => {
    const c = req.routeOptions.config as { public?: boolean; authenticated?: boolean; permission?: string };
    req.principal = await opts.authenticate(req);
    // Unmatched URLs only ever get index.html (for the web app) or a 404 problem.
    if (c.public || req.is404) return;
    if (req.url.startsWith('/api/docs')) return;
    if (!req.principal) throw Errors.unauthenticated();
    if (c.permission && !opts.policy.can(req.principal, c.permission)) throw Errors.forbidden();
  });

  // After the access check, so a replay is only ever answered to the caller who made the request.
  registerIdempotency(app, opts.db, opts.clock);
  await registerOps(app, opts.db, opts.clock, opts.metricsToken, opts.readyTimeoutMs);

  if (opts.webDir && fs.existsSync(path.join(opts.webDir, 'index.html'))) {
    await app.register(fastifyStatic, { root: path.resolve(opts.webDir), wildcard: false, index: 'index.html' });
  }
  return app;
}
