import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import type { App } from '../../../kernel/http/app.ts';
import type { Principal } from '../../../kernel/policy/index.ts';
import { SYSTEM_SCOPE_CODES } from '../scopes.ts';
import { buildProvider, type ProviderDeps } from './provider.ts';
import { withProviderContext } from './request-context.ts';

const RECHECK_MS = 30_000;
const TOKEN_CACHE_MS = 5000;
export const OIDC_PREFIX = '/oidc';

/**
 * Holds this node's provider. The signing keys are part of its configuration, so when another
 * node rotates them the provider is rebuilt here within half a minute; this node rebuilds at once.
 */
export class OidcHost {
  private current: { provider: Provider; handler: (req: IncomingMessage, res: ServerResponse) => Promise<void> | void; version: string } | null = null;
  private checkedAt = 0;
  private readonly tokens = new Map<string, { p: Principal | null; until: number }>();
  constructor(private readonly d: ProviderDeps) {}

  get issuer(): string {
    return this.d.issuer;
  }

  async provider(): Promise<Provider> {
    return (await this.load()).provider;
  }

  private async load() {
    if (this.current && Date.now() - this.checkedAt < RECHECK_MS) return this.current;
    this.checkedAt = Date.now();
    const version = await this.d.keys.version();
    if (!this.current || this.current.version !== version) {
      if (!version) await this.d.keys.ensure();
      const provider = await buildProvider(this.d);
      // Koa reads the protocol and host from X-Forwarded-*: routes() sets them from the issuer alone.
      provider.proxy = true;
      this.current = { provider, handler: provider.callback(), version: await this.d.keys.version() };
    }
    return this.current;
  }

  /** Forces a reload on the next request (after a rotation on this node). */
  invalidate(): void {
    this.checkedAt = 0;
  }

  /**
   * A department system calling the API with a client-credentials access token: it acts with the
   * permissions its granted system scopes name, within its registered region.
   */
  async clientPrincipal(token: string): Promise<Principal | null> {
    if (token.length > 200) return null;
    const hit = this.tokens.get(token);
    if (hit && hit.until > Date.now()) return hit.p;
    const provider = await this.provider();
    const at = await provider.ClientCredentials.find(token);
    let p: Principal | null = null;
    if (at && !at.isExpired) {
      const app = at.clientId ? await this.d.clients.get(at.clientId) : undefined;
      if (app?.active) {
        const scopes = String(at.scope ?? '').split(' ').filter((s) => SYSTEM_SCOPE_CODES.includes(s));
        p = { accountId: `client:${app.clientId}`, type: 'client', name: app.name, regionCode: app.regionCode, departmentId: null, roles: [], permissions: new Set(scopes), sessionId: null };
      }
    }
    if (this.tokens.size > 10_000) this.tokens.clear();
    this.tokens.set(token, { p, until: Date.now() + TOKEN_CACHE_MS });
    return p;
  }

  /** Hands every request under /oidc to the provider, with the body unread and the prefix as mount path. */
  routes() {
    return async (app: App) => {
      // The provider parses its own form and JSON bodies; Fastify must leave the stream alone.
      app.removeAllContentTypeParsers();
      app.addContentTypeParser('*', (_req, _payload, done) => done(null, undefined));
      app.route({
        method: ['GET', 'POST', 'OPTIONS'],
        url: `${OIDC_PREFIX}/*`,
        config: { public: true },
        schema: { hide: true },
        handler: async (req, reply) => {
          const { handler } = await this.load();
          reply.hijack();
          const raw = req.raw as IncomingMessage & { originalUrl?: string };
          raw.originalUrl = raw.url;
          raw.url = raw.url!.slice(OIDC_PREFIX.length) || '/';
          asIssuerRequest(raw, this.d.issuer, req.ip);
          await withProviderContext(() => handler(raw, reply.raw));
        },
      });
    };
  }
}

/**
 * The provider builds every URL it publishes (discovery, redirects to the sign-in page) and decides
 * whether its cookies may be Secure from the request's protocol and host. Those are taken from the
 * configured issuer (PUBLIC_URL) only, never from what the client or a proxy sent: `Host: evil.example`
 * must not appear in discovery, and behind a TLS-terminating proxy the request is https although it
 * arrives as plain http. The client address is the one Fastify resolved through trusted proxies.
 */
function asIssuerRequest(raw: IncomingMessage, issuer: string, clientIp: string): void {
  const { protocol, host } = new URL(issuer);
  raw.headers.host = host;
  raw.headers['x-forwarded-host'] = host;
  raw.headers['x-forwarded-proto'] = protocol.slice(0, -1);
  raw.headers['x-forwarded-for'] = clientIp;
  delete raw.headers.forwarded;
}
