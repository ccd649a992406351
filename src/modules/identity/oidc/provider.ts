import Provider, { type Account, type KoaContextWithOIDC } from 'oidc-provider';
import type { Kernel } from '../../../kernel/index.ts';
import { OIDC_SCOPES, SYSTEM_SCOPE_CODES } from '../scopes.ts';
import type { IdentityService } from '../service.ts';
import { databaseAdapter } from './adapter.ts';
import type { ClientRegistry } from './clients.ts';
import type { SigningKeys } from './keys.ts';
import { logoutPage, errorPage, logoutDonePage } from './pages.ts';

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

/** The claims an account releases, by scope. */
async function accountFor(d: ProviderDeps, sub: string, token?: { grantId?: string }): Promise<Account | undefined> {
  const acc = await d.k.db
    .selectFrom('identity_account')
    .select(['id', 'kind', 'display_name', 'staff_id', 'region_code', 'active', 'assurance_level', 'phone_masked'])
    .where('id', '=', sub)
    .executeTakeFirst();
  if (!acc || !acc.active) return undefined;
  return {
    accountId: sub,
    async claims(_use: string, scope: string) {
      let enterprise: string | null = null;
      // Only a request for the enterprise scope needs to know whom the person acts for.
      if (token?.grantId && scope.split(' ').includes('enterprise')) {
        const row = await d.k.db.selectFrom('identity_oidc_grant_acting').select('enterprise_id').where('grant_id', '=', token.grantId).executeTakeFirst();
        enterprise = row?.enterprise_id ?? null;
      }
      const p = await d.identity.principalOf(acc, null, enterprise);
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
}

/**
 * The OpenID Connect provider: discovery, JWKS, authorization code with PKCE (always required),
 * refresh tokens, client credentials, introspection, revocation and RP-initiated logout. Sign-in
 * and consent happen on the platform's own pages (`/signin/interaction/:uid`).
 */
export async function buildProvider(d: ProviderDeps): Promise<Provider> {
  const secure = d.issuer.startsWith('https://');
  const cookie = { httpOnly: true, sameSite: 'lax' as const, secure };
  const provider = new Provider(d.issuer, {
    adapter: databaseAdapter(d.k.db, d.clients),
    jwks: { keys: (await d.keys.privateJwks()) as never },
    // Derived from the platform's index key: the same on every node, never stored.
    cookies: { keys: [d.k.crypto.blindIndex('oidc-cookie-key')], long: cookie, short: cookie },
    findAccount: (_ctx, sub, token) => accountFor(d, sub, token as { grantId?: string } | undefined),
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
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      introspection: { enabled: true },
      revocation: { enabled: true },
      userinfo: { enabled: true },
      rpInitiatedLogout: { enabled: true, logoutSource: logoutPage, postLogoutSuccessSource: logoutDonePage },
    },
    pkce: { required: () => true },
    interactions: { url: (_ctx, interaction) => `${INTERACTION_PATH}/${interaction.uid}` },
    issueRefreshToken: async (_ctx, client, code) => client.grantTypeAllowed('refresh_token') && code.scopes.has('offline_access'),
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
  provider.on('server_error', (_ctx, err) => d.k.log.error({ err }, 'oidc provider error'));
  return provider;
}
