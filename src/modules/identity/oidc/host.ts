import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import type Provider from 'oidc-provider';
import type { FastifyReply, FastifyRequest } from 'fastify';
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

type Loaded = { provider: Provider; handler: (req: IncomingMessage, res: ServerResponse) => Promise<void> | void; version: string };

/**
 * Holds this node's provider. The signing keys are part of its configuration, so when another
 * node rotates them the provider is rebuilt here within half a minute; this node rebuilds at once.
 */
export class OidcHost {
  private current: Loaded | null = null;
  private building: Promise<Loaded> | null = null;
  private checkedAt = 0;
  private readonly tokens = new Map<string, { p: Principal | null; jkt: string | null; clientId: string | null; until: number }>();
  constructor(private readonly d: ProviderDeps) {}

  get issuer(): string {
    return this.d.issuer;
  }

  async provider(): Promise<Provider> {
    return (await this.load()).provider;
  }

  private async load(): Promise<Loaded> {
    if (this.current && Date.now() - this.checkedAt < RECHECK_MS) return this.current;
    // The requests that arrive while this node builds its first provider wait for that one instead
    // of each building (and generating keys for) its own; later rechecks keep answering with the
    // current provider meanwhile.
    if (this.building) return this.current ?? this.building;
    this.checkedAt = Date.now();
    this.building = this.refresh();
    try {
      return await this.building;
    } finally {
      this.building = null;
    }
  }

  private async refresh(): Promise<Loaded> {
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

  /**
   * The plain client-credentials request (Basic client authentication, `grant_type` and at most a
   * `scope` of the client's own, no DPoP proof) answered with the provider's own models: the
   * client as the provider finds it, its secret compared as the provider compares it, the token
   * made and stored by the provider's ClientCredentials model (same format, lifetime and storage,
   * so introspection, revocation and the API see no difference). It skips the provider's Koa
   * middleware stack, which cost more than the rest of the call (and kept its request-context
   * storage, with promise hooks for every promise of the process, on for as long as department
   * systems kept asking). Anything else — another parameter or grant, a wrong secret, an unknown
   * client, a scope it does not hold — gets `null`, and the caller hands the request to the
   * provider, which answers (and audits) it as before.
   */
  async clientCredentials(headers: IncomingMessage['headers'], body: string): Promise<Record<string, unknown> | null> {
    if (headers.dpop !== undefined || !/^application\/x-www-form-urlencoded\s*(;|$)/i.test(headers['content-type'] ?? '')) return null;
    const auth = headers.authorization;
    if (!auth || !/^Basic [A-Za-z0-9+/]+=*$/.test(auth)) return null;
    let grantType: string | undefined;
    let scope: string | undefined;
    for (const [key, value] of new URLSearchParams(body)) {
      if (key === 'grant_type' && grantType === undefined) grantType = value;
      else if (key === 'scope' && scope === undefined) scope = value;
      else return null;
    }
    if (grantType !== 'client_credentials' || (scope !== undefined && !SCOPE_SYNTAX.test(scope))) return null;
    const basic = Buffer.from(auth.slice(6), 'base64').toString('utf8');
    const colon = basic.indexOf(':');
    if (colon < 1) return null;
    let clientId: string;
    let secret: string;
    try {
      clientId = decodeURIComponent(basic.slice(0, colon).replace(/\+/g, '%20'));
      secret = decodeURIComponent(basic.slice(colon + 1).replace(/\+/g, '%20'));
    } catch {
      return null;
    }
    if (!secret || !VSCHAR.test(clientId) || !VSCHAR.test(secret)) return null;
    const provider = await this.provider();
    const client = await provider.Client.find(clientId);
    if (!client || client.clientAuthMethod !== 'client_secret_basic' || !client.grantTypeAllowed('client_credentials')) return null;
    const c = client as typeof client & { clientSecretExpiresAt?: number; dpopBoundAccessTokens?: boolean; compareClientSecret(s: string): Promise<boolean> | boolean };
    if (c.clientSecretExpiresAt || c.dpopBoundAccessTokens || !(await c.compareClientSecret(secret))) return null;
    const allowed = new Set(String(client.scope ?? '').split(' '));
    const scopes = [...new Set(scope === undefined ? [] : scope.split(' '))];
    if (scopes.some((s) => !allowed.has(s))) return null;
    const token = new provider.ClientCredentials({ client, scope: scopes.join(' ') || undefined });
    const value = await token.save();
    return { access_token: value, expires_in: token.expiration, token_type: token.tokenType, ...(token.scope ? { scope: token.scope } : {}) };
  }

  /** Hands every request under /oidc to the provider, with the body unread and the prefix as mount path. */
  routes() {
    return async (app: App) => {
      // The provider parses its own form and JSON bodies; Fastify must leave the stream alone.
      app.removeAllContentTypeParsers();
      app.addContentTypeParser('*', (_req, _payload, done) => done(null, undefined));
      const toProvider = async (req: FastifyRequest, reply: FastifyReply, body?: Buffer) => {
        const { handler } = await this.load();
        reply.hijack();
        const raw = req.raw as IncomingMessage & { originalUrl?: string };
        // A token request whose body was read for the fast path goes on with that body replayed.
        const incoming = body ? replay(raw, body) : raw;
        incoming.originalUrl = raw.url;
        incoming.url = raw.url!.slice(OIDC_PREFIX.length) || '/';
        asIssuerRequest(incoming, this.d.issuer, req.ip);
        await withProviderContext(() => handler(incoming, reply.raw));
      };
      app.route({ method: ['GET', 'POST', 'OPTIONS'], url: `${OIDC_PREFIX}/*`, config: { public: true }, schema: { hide: true }, handler: (req, reply) => toProvider(req, reply) });
      app.post(`${OIDC_PREFIX}/token`, { config: { public: true }, schema: { hide: true } }, async (req, reply) => {
        const body = await readBody(req.raw);
        const answer = body.length <= BODY_LIMIT ? await this.clientCredentials(req.headers, body.toString('utf8')) : null;
        if (!answer) return toProvider(req, reply, body);
        return reply.header('cache-control', 'no-store').send(answer);
      });
    };
  }
}

/** RFC 6749 scope syntax, and the characters a client id or secret may hold (as the provider checks them). */
const SCOPE_SYNTAX = /^[\x21\x23-\x5B\x5D-\x7E]+(?: [\x21\x23-\x5B\x5D-\x7E]+)*$/;
const VSCHAR = /^[\x20-\x7E]*$/;
/** The provider's own bound on a request body. */
const BODY_LIMIT = 56 * 1024;

/**
 * The request body, read no further than past the provider's bound (it then refuses the request).
 * Read with plain listeners: a stream's async iterator sets up end-of-stream tracking and promises
 * per request, which on this endpoint cost more than the rest of reading a small form.
 */
function readBody(raw: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = (err?: Error) => {
      raw.off('data', onData).off('end', onEnd).off('error', onError).off('close', onClose);
      if (err) reject(err);
      else resolve(Buffer.concat(chunks, size));
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      chunks.push(chunk);
      // Not destroyed on an early stop: the connection must live to carry the refusal.
      if (size > BODY_LIMIT) {
        raw.pause();
        done();
      }
    };
    const onEnd = () => done();
    const onError = (err: Error) => done(err);
    // A client that goes away before the end of its body leaves nothing to answer.
    const onClose = () => done(raw.complete ? undefined : new Error('request closed before its body ended'));
    raw.on('data', onData).on('end', onEnd).on('error', onError).on('close', onClose);
  });
}

/** The same request with its body to read again, for the provider (which reads bodies itself). */
function replay(raw: IncomingMessage, body: Buffer): IncomingMessage & { originalUrl?: string } {
  const stream = Readable.from(body.length ? [body] : [], { objectMode: false }) as unknown as IncomingMessage;
  const headers: IncomingMessage['headers'] = { ...raw.headers, 'content-length': String(body.length) };
  delete headers['transfer-encoding'];
  for (const key of ['headers', 'method', 'url', 'socket', 'httpVersion', 'httpVersionMajor', 'httpVersionMinor', 'rawHeaders', 'trailers', 'complete', 'aborted'] as const) {
    Object.defineProperty(stream, key, { value: key === 'headers' ? headers : raw[key], writable: true, enumerable: true, configurable: true });
  }
  Object.defineProperty(stream, 'connection', { value: raw.socket, writable: true, configurable: true });
  return stream;
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
