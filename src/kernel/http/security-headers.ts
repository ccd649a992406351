import helmet from 'helmet';
import type { FastifyInstance } from 'fastify';

/** A year, subdomains included (helmet's default value). */
const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * Helmet's security headers on every response. The helmet middleware is built once here:
 * @fastify/helmet rebuilds it (CSP parsing included) on every request, which cost about a sixth of
 * the server's time per API call under load.
 * HSTS goes only on responses to https requests (directly, or through a trusted proxy that says so):
 * sent over plain http it is ignored by browsers at best, and pins a host that serves no https at worst.
 */
export function registerSecurityHeaders(app: FastifyInstance, opts: { imgOrigins?: string[] } = {}): void {
  const apply = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // A configured map tile server's origins (config `map`); none by default, the maps then draw offline.
        imgSrc: ["'self'", 'data:', 'blob:', ...(opts.imgOrigins ?? [])],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    strictTransportSecurity: false,
  });
  app.addHook('onRequest', (req, reply, done) => {
    // On the raw response, as helmet's, so hijacked replies (the OIDC provider's) carry it too.
    if (req.protocol === 'https') reply.raw.setHeader('strict-transport-security', HSTS);
    apply(req.raw, reply.raw, (err?: unknown) => done(err as Error | undefined));
  });
}
