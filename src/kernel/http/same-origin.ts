import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError } from './errors.ts';

export const crossSiteRequest = () => new DomainError('CROSS_SITE_REQUEST', 403, '请求来自其他网站，已拒绝', 'The request came from another site and was refused');

/** Methods that change nothing; a page from anywhere may cause them (links, images). */
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface SameOriginOptions {
  /** Origins the platform's pages are served from (`https://gov.example`), from PUBLIC_URL. */
  origins: string[];
  /** Whether the request is authenticated by a cookie the browser adds by itself (not a Bearer token). */
  cookieAuthenticated(req: FastifyRequest): boolean;
  /** Paths whose own protocol protects their form posts (the OIDC provider: state, PKCE, its own tokens). */
  exempt?: string[];
}

/** The origin a browser says the request came from: Origin, or lacking it, Referer's origin. */
function originOf(req: FastifyRequest): string | null | undefined {
  const origin = req.headers.origin;
  if (typeof origin === 'string') return origin;
  const referer = req.headers.referer;
  if (typeof referer !== 'string') return undefined;
  try {
    return new URL(referer).origin;
  } catch {
    return null;
  }
}

/**
 * Refuses a state-changing request that a browser sent with the session cookie on behalf of another
 * site (CSRF). SameSite=Lax cookies already stay off cross-site POSTs, but not off requests from a
 * sibling site under the same registrable domain, nor in every browser; the Origin check covers both.
 * A request with neither Origin nor Referer is let through: browsers send Origin on every cross-origin
 * POST/PUT/PATCH/DELETE, so such a request comes from a script or tool, not a lured browser.
 * Runs on request, before the body is read, so a refused upload costs nothing.
 */
export function registerSameOriginCheck(app: FastifyInstance, opts: SameOriginOptions): void {
  const allowed = new Set(opts.origins.map((o) => new URL(o).origin));
  const exempt = opts.exempt ?? [];
  app.addHook('onRequest', async (req) => {
    if (SAFE.has(req.method) || !opts.cookieAuthenticated(req)) return;
    if (exempt.some((p) => req.url.startsWith(p))) return;
    const from = originOf(req);
    if (from === undefined) return;
    if (from === null || !allowed.has(from)) throw crossSiteRequest();
  });
}
