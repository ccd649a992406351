import type { RouteOptions } from 'fastify';
import { ProblemSchema } from './schemas.ts';

/*
 * What every operation of the OpenAPI document declares without each route repeating it: a stable
 * operationId, who may call it (security), and that its failures are problem documents. Routes
 * still declare their own summary, inputs and success answers, and may name specific errors.
 */

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The request body as the document shows it, for bodies the handler parses itself (multipart
     * uploads, GeoReport's form posts): Fastify does not validate it, the handler does.
     */
    documentedBody?: object;
  }
}

/** How a signed-in caller presents itself: the web app's session cookie, or a token (plain or DPoP-bound). */
export const SECURITY_SCHEMES = {
  session: { type: 'apiKey', in: 'cookie', name: 'yw_session', description: '网页会话 / the web app session' },
  bearer: { type: 'http', scheme: 'bearer', description: '会话令牌或访问令牌 / a session or access token' },
  dpop: { type: 'http', scheme: 'DPoP', description: 'DPoP 绑定的访问令牌（RFC 9449）/ a DPoP-bound access token (RFC 9449)' },
} as const;

const SIGNED_IN = [{ session: [] }, { bearer: [] }, { dpop: [] }];

/**
 * `GET /api/org/departments/:id` → `getOrgDepartmentsById`. Derived from method and path, so it is
 * unique (the router allows one handler per method and path) and stable while the path is; a route
 * may name itself with `schema.operationId`.
 */
export function operationIdOf(method: string, url: string): string {
  const words = url
    .replace(/^\/api\//, '/')
    .split(/[/.{}_-]+/)
    .filter(Boolean)
    .map((w) => (w.startsWith(':') ? `by-${w.slice(1)}` : w))
    .flatMap((w) => w.split(/[^A-Za-z0-9]+/).filter(Boolean));
  const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
  return method.toLowerCase() + words.map(cap).join('');
}

type Schema = Record<string, unknown> & { response?: Record<string, unknown> };

/** Fills in what a route left to the kernel; called from the app's onRoute hook. */
export function declareContract(route: RouteOptions): void {
  const methods = Array.isArray(route.method) ? route.method : [route.method];
  if (methods.length !== 1 || methods[0] === 'HEAD') return;
  const schema = (route.schema ??= {}) as Schema;
  if (schema.hide) return;
  const c = (route.config ?? {}) as { public?: boolean };
  schema.operationId ??= operationIdOf(methods[0], route.url);
  schema.security ??= c.public ? [] : SIGNED_IN;
  const response = (schema.response ??= {});
  // A route that answers errors in another format (GeoReport) declares its own ranges.
  if (!('4xx' in response)) response['4xx'] = ProblemSchema;
  if (!('5xx' in response)) response['5xx'] = ProblemSchema;
  // Problems go out as application/problem+json (see sendProblem); the document says so.
  for (const [status, answer] of Object.entries(response)) {
    if (answer === ProblemSchema) response[status] = problemAnswer;
  }
}

const problemAnswer = { description: 'RFC 9457 problem details / 问题详情', content: { 'application/problem+json': { schema: ProblemSchema } } };
