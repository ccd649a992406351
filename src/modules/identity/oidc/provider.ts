import Provider, { type Account, type KoaContextWithOIDC } from 'oidc-provider';
import type { Kernel } from '../../../kernel/index.ts';
import { OIDC_SCOPES, SYSTEM_SCOPE_CODES } from '../scopes.ts';
import type { Principal } from '../../../kernel/policy/index.ts';
import type { AccountRow, IdentityService } from '../service.ts';
import { databaseAdapter } from './adapter.ts';
import { applyClientPolicy, introspectionAllowed, oauthErrorOf, revocationAllowed } from './client-policy.ts';
import type { ClientRegistry } from './clients.ts';
import type { SigningKeys } from './keys.ts';
import { logoutPage, errorPage, logoutDonePage } from './pages.ts';
import { identityDb } from '../tables.ts';

export interface ProviderDeps {
  k: Kernel;
  identity: IdentityService;
  clients: ClientRegistry;
  keys: SigningKeys;
  issuer: string;
}

/** Authentication context classes: the account's assurance level at sign-in. */
export const acrOf = (level: number) => `urn:yiwang:loa:${level}`;
export const INTERACTION_PATH = '/signin/interaction';

const ACCOUNT_CACHE_MS = 5000;
type Cached = { until: number; acc: AccountRow & { active: boolean; phone_masked: string | null }; who: Principal | null };

/**
 * The claims an account releases, by scope. Accounts and their principals are cached for a few
 * seconds per node (as sessions are), since userinfo asks for them on every call.
 */
function accountLookup(d: ProviderDeps) {
  const cache = new Map<string, Cached>();
  const load = async (sub: string): Promise<Cached | null> => {
    const hit = cache.get(sub);
    if (hit && hit.until > Date.now()) return hit;
    const acc = await identityDb(d.k.db)
      .selectFrom('identity_account')
      .select(['id', 'kind', 'display_name', 'staff_id', 'region_code', 'active', 'assurance_level', 'phone_masked'])
      .where('id', '=', sub)
      .executeTakeFirst();
    if (!acc) return null;
    const entry = { until: Date.now() + ACCOUNT_CACHE_MS, acc, who: acc.active ? await d.identity.principalOf(acc, null, null) : null };
    if (cache.size > 10_000) cache.clear();
    cache.set(sub, entry);
    return entry;
  };
  return async (sub: string, token?: { grantId?: string }): Promise<Account | undefined> => {
    const entry = await load(sub);
    if (!entry || !entry.acc.active) return undefined;
    const { acc } = entry;
    return {
      accountId: sub,
      async claims(_use: string, scope: string) {
        let p = entry.who;
        // Only a request for the enterprise scope needs to know whom the person acts for.
        if (token?.grantId && scope.split(' ').includes('enterprise')) {
          const row = await identityDb(d.k.db).selectFrom('identity_oidc_grant_acting').select('enterprise_id').where('grant_id', '=', token.grantId).executeTakeFirst();
          if (row) p = await d.identity.principalOf(acc, null, row.enterprise_id);
        }
        return {
          sub,
          name: p?.name ?? acc.display_name,
          account_type: acc.kind,
          assurance_level: acc.assurance_level,
          phone_number: acc.phone_masked ?? undefined,
          ...(acc.kind === 'staff' && p ? { region_code: p.regionCode, department_id: p.departmentId, roles: p.roles } : {}),
          acting_for: p?.actingFor
            ? { enterprise_id: p.actingFor.enterpriseId, name: p.actingFor.name, credit_code: p.actingFor.creditCode, role: p.actingFor.role, scopes: p.actingFor.scopes }
            : null,
        };
      },
    };
  };
}

/**
 * The OpenID Connect provider: discovery, JWKS, authorization code with PKCE (always required),
 * refresh tokens, client credentials, introspection, revocation and RP-initiated logout. Sign-in
 * and consent happen on the platform's own pages (`/signin/interaction/:uid`).
 */
export async function buildProvider(d: ProviderDeps): Promise<Provider> {
  const secure = d.issuer.startsWith('https://');
  const cookie = { httpOnly: true, sameSite: 'lax' as const, secure };
  const findAccount = accountLookup(d);
  const provider = new Provider(d.issuer, {
    adapter: databaseAdapter(d.k.db, d.clients),
    jwks: { keys: await d.keys.privateJwks() },
    // Derived from the platform's index key: the same on every node, never stored.
    cookies: { keys: [d.k.crypto.blindIndex('oidc-cookie-key')], long: cookie, short: cookie },
    findAccount: (_ctx, sub, token) => findAccount(sub, token as { grantId?: string } | undefined),
    acrValues: [1, 2, 3].map(acrOf),
    claims: {
      // Which factors and level signed in: relying parties (and our own pages) need them on every ID token.
      openid: ['sub', 'acr', 'amr', 'auth_time'],
      profile: ['name', 'account_type', 'assurance_level'],
      phone: ['phone_number'],
      org: ['region_code', 'department_id', 'roles'],
      enterprise: ['acting_for'],
    },
    scopes: [...OIDC_SCOPES.map((s) => s.code), ...SYSTEM_SCOPE_CODES],
    // Only what the client registry lets a client use, so discovery advertises nothing more: the
    // code flow (no implicit or hybrid response types) and client_secret_basic or none (PKCE).
    responseTypes: ['code'],
    clientAuthMethods: ['client_secret_basic', 'none'],
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      introspection: { enabled: true, allowedPolicy: introspectionAllowed },
      revocation: { enabled: true, allowedPolicy: revocationAllowed },
      // Tokens asked for with a DPoP proof are bound to its key; the platform's API then requires
      // the proof too (OidcHost.clientPrincipal), as the provider's own userinfo endpoint does.
      dPoP: { enabled: true },
      userinfo: { enabled: true },
      rpInitiatedLogout: { enabled: true, logoutSource: logoutPage, postLogoutSuccessSource: logoutDonePage },
    },
    pkce: { required: () => true },
    interactions: { url: (_ctx, interaction) => `${INTERACTION_PATH}/${interaction.uid}` },
    issueRefreshToken: async (_ctx, client, code) => client.grantTypeAllowed('refresh_token') && code.scopes.has('offline_access'),
    // Every refresh replaces the refresh token; a used one presented again is taken as stolen and
    // ends its grant (oidc-provider revokes the grant on reuse).
    rotateRefreshToken: true,
    // The platform's own pages need no consent screen: their grant is made on first use.
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const clientId = ctx.oidc.client!.clientId;
      const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session!.grantIdFor(clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      if (!(await d.clients.get(clientId))?.firstParty) return undefined;
      const grant = new ctx.oidc.provider.Grant({ clientId, accountId: ctx.oidc.session!.accountId });
      grant.addOIDCScope([...ctx.oidc.requestParamScopes].join(' '));
      await grant.save();
      return grant;
    },
    renderError: errorPage,
    ttl: {
      AccessToken: 3600,
      ClientCredentials: 3600,
      AuthorizationCode: 60,
      IdToken: 3600,
      Interaction: 600,
      Session: d.k.config.sessionHours * 3600,
      Grant: 14 * 86_400,
      RefreshToken: 14 * 86_400,
    },
  });
  applyClientPolicy(provider);
  provider.on('server_error', (_ctx, err) => d.k.log.error({ err }, 'oidc provider error'));
  // Every refusal at an endpoint (bad client, PKCE mismatch, replayed code, unknown redirect URI,
  // forged token) leaves a trace in the audit ledger, as refusals on the platform's own routes do.
  for (const event of ['authorization.error', 'grant.error', 'userinfo.error', 'introspection.error', 'revocation.error', 'end_session.error'] as const) {
    provider.on(event as 'grant.error', (ctx: KoaContextWithOIDC, err: { error?: string }) => {
      const clientId = ctx.oidc?.client?.clientId;
      const error = oauthErrorOf(ctx, err.error ?? 'error');
      void d.k.db
        .transaction()
        .execute((trx) =>
          d.k.recordChange(trx, {
            actor: clientId ? { id: `client:${clientId}`, type: 'client' } : { id: 'anonymous', type: 'system' },
            action: 'sso-refused',
            objectType: 'identity.oidc',
            objectId: event.replace('.error', ''),
            regionCode: d.k.config.regionCode,
            change: { error, clientId: clientId ?? null },
            summary: { error, clientId: clientId ?? null },
            event: false,
          }),
        )
        .catch((e) => d.k.log.error({ err: e }, 'could not audit an SSO refusal'));
    });
  }
  return provider;
}
