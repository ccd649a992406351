import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import type { App } from '../../../kernel/http/app.ts';
import type { Principal } from '../../../kernel/policy/index.ts';
import { SYSTEM_SCOPE_CODES } from '../scopes.ts';
import { checkProof, DPOP_WINDOW_S, DpopErrors, type Presentation } from './dpop.ts';
import { buildProvider, type ProviderDeps } from './provider.ts';
import { withProviderContext } from './request-context.ts';
import { identityDb } from '../tables.ts';

const RECHECK_MS = 30_000;
/**
 * How long a node trusts its lookup of an access token. A revocation or deactivation is seen at
 * once on the node that made it, and within this bound on the others (docs/operations.md).
 */
export const TOKEN_CACHE_MS = 5000;
export const OIDC_PREFIX = '/oidc';

/**
 * Holds this node's provider. The signing keys are part of its configuration, so when another
 * node rotates them the provider is rebuilt here within half a minute; this node rebuilds at once.
 */
export class OidcHost {
  private current: { provider: Provider; handler: (req: IncomingMessage, res: ServerResponse) => Promise<void> | void; version: string } | null = null;
  private checkedAt = 0;
  private readonly tokens = new Map<string, { p: Principal | null; jkt: string | null; clientId: string | null; until: number }>();
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
      // A token revoked (or otherwise destroyed) through this node's provider ends here at once.
      provider.on('client_credentials.destroyed', (token: { jti: string }) => this.tokens.delete(token.jti));
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

  /** Forgets this node's lookups of a client's tokens (after the client is changed or deactivated). */
  forgetClient(clientId: string): void {
    for (const [token, hit] of this.tokens) if (hit.clientId === clientId) this.tokens.delete(token);
  }

  /**
   * A department system calling the API with a client-credentials access token: it acts with the
   * permissions its granted system scopes name, within its registered region. A token bound to a
   * key (DPoP) is only accepted with a fresh proof from that key for this very request.
   */
  async clientPrincipal(token: string, presented: Presentation): Promise<Principal | null> {
    if (token.length > 200) return null;
    const now = this.d.k.clock.now().getTime();
    let hit = this.tokens.get(token);
    if (!hit || hit.until <= now) {
      hit = { ...(await this.lookup(token)), until: now + TOKEN_CACHE_MS };
      if (this.tokens.size > 10_000) this.tokens.clear();
      this.tokens.set(token, hit);
    }
    if (hit.p && hit.jkt) {
      // The proof's iat is the client's wall-clock time, judged against ours as the provider judges
      // proofs at its own endpoints (the injected clock is for the platform's own deadlines).
      const jti = await checkProof(token, hit.jkt, presented, this.publicBase, Math.floor(Date.now() / 1000));
      if (!(await this.firstUse(hit.jkt, jti))) throw DpopErrors.invalid('this DPoP proof was already used');
    }
    return hit.p;
  }

  private async lookup(token: string): Promise<{ p: Principal | null; jkt: string | null; clientId: string | null }> {
    const provider = await this.provider();
    const at = await provider.ClientCredentials.find(token);
    if (!at || at.isExpired || !at.clientId) return { p: null, jkt: null, clientId: null };
    const app = await this.d.clients.get(at.clientId);
    if (!app?.active) return { p: null, jkt: null, clientId: at.clientId };
    const scopes = String(at.scope ?? '')
      .split(' ')
      .filter((s) => SYSTEM_SCOPE_CODES.includes(s));
    const p: Principal = {
      accountId: `client:${app.clientId}`,
      type: 'client',
      name: app.name,
      regionCode: app.regionCode,
      departmentId: null,
      roles: [],
      permissions: new Set(scopes),
      sessionId: null,
    };
    return { p, jkt: (at as { jkt?: string }).jkt ?? null, clientId: at.clientId };
  }

  /**
   * Records a DPoP proof's jti; false if any node has seen it within the freshness window (after
   * which its iat makes it stale anyway). One insert, so two nodes cannot both accept a replay.
   */
  private async firstUse(jkt: string, jti: string): Promise<boolean> {
    const id = createHash('sha256').update(`${jkt}:${jti}`).digest('base64url');
    const rows = await identityDb(this.d.k.db)
      .insertInto('identity_oidc_payload')
      .values({ kind: 'DPoPProof', id, payload: '{}', expires_at: new Date(Date.now() + 2 * DPOP_WINDOW_S * 1000) })
      .onConflict((oc) => oc.columns(['kind', 'id']).doNothing())
      .returning('id')
      .execute();
    return rows.length === 1;
  }

  /** The platform's public base URL, which DPoP proofs must name (never the request's Host). */
  private get publicBase(): string {
    return this.d.issuer.slice(0, -OIDC_PREFIX.length);
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
