import type Provider from 'oidc-provider';
import type { KoaContextWithOIDC } from 'oidc-provider';

/**
 * The system scope that makes a registered client a resource server: it may introspect tokens
 * issued to other clients (to check the tokens its own callers present).
 */
export const INTROSPECT_SCOPE = 'token.introspect';

type Caller = { clientId: string; scope?: string };
type Token = { clientId?: string };

const holds = (client: Caller, scope: string) =>
  String(client.scope ?? '')
    .split(' ')
    .includes(scope);

/**
 * Who may introspect a token: the client it was issued to, and registered resource servers.
 * Anyone else is answered `{ active: false }`, as for an unknown token, so a confidential client
 * cannot probe other systems' tokens.
 */
export const introspectionAllowed = async (_ctx: KoaContextWithOIDC, client: Caller, token: Token) => token.clientId === client.clientId || holds(client, INTROSPECT_SCOPE);

/** Only the client a token was issued to may revoke it (another client's request changes nothing). */
export const revocationAllowed = async (_ctx: KoaContextWithOIDC, client: Caller, token: Token) => token.clientId === client.clientId;

/**
 * The OAuth error a refusal is answered with. When an authenticated client asks the token endpoint
 * for a grant type it is not registered for, oidc-provider says `invalid_request`; RFC 6749 §5.2
 * says `unauthorized_client`, which tells the system's developers what to fix.
 */
export function oauthErrorOf(ctx: KoaContextWithOIDC, error: string): string {
  if (error !== 'invalid_request' || ctx.oidc?.route !== 'token') return error;
  const grantType = (ctx.oidc.params as { grant_type?: unknown } | undefined)?.grant_type;
  const client = ctx.oidc.client;
  return client && typeof grantType === 'string' && !client.grantTypeAllowed(grantType) ? 'unauthorized_client' : error;
}

/** Applies the rules above that the provider's configuration cannot express. */
export function applyClientPolicy(provider: Provider): void {
  provider.use(async (ctx, next) => {
    await next();
    const body = ctx.body as { error?: unknown } | undefined;
    if (ctx.status !== 400 || typeof body?.error !== 'string') return;
    const error = oauthErrorOf(ctx as KoaContextWithOIDC, body.error);
    if (error !== body.error) ctx.body = { ...body, error };
  });
  // Discovery lists `sid` among the claims; oidc-provider puts it in ID tokens only for clients
  // registered for back-channel logout, which the platform does not offer. Relying parties use it
  // to match an ID token to the SSO session (for RP-initiated logout), so every client gets it.
  provider.Client.prototype.includeSid = () => true;
}
