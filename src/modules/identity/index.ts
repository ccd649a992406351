import type { FastifyRequest } from 'fastify';
import type { Migration } from '../../kernel/db/index.ts';
import type { App } from '../../kernel/http/app.ts';
import type { Kernel } from '../../kernel/index.ts';
import type { Policy } from '../../kernel/policy/index.ts';
import type { OrgService } from '../org/index.ts';
import { accountRoutes } from './account-routes.ts';
import { EnterpriseService } from './enterprises.ts';
import { identityMigrations } from './migrations/index.ts';
import { ssoAdminRoutes } from './oidc/admin-routes.ts';
import { ClientRegistry } from './oidc/clients.ts';
import { OidcHost, OIDC_PREFIX } from './oidc/host.ts';
import { interactionRoutes } from './oidc/interactions.ts';
import { SigningKeys } from './oidc/keys.ts';
import { webLoginRoutes } from './oidc/web-login.ts';
import { PeopleService } from './people.ts';
import { identityRoutes, SESSION_COOKIE, tokenOf } from './routes.ts';
import { IdentityService } from './service.ts';
import { identityEvents } from './events.ts';
import type { PopulationRegister } from './population.ts';
import { identityDb } from './tables.ts';

export { identityMigrations } from './migrations/index.ts';
export { rolePolicy } from './policy.ts';
export { requireAssurance, basePersonRow } from './people.ts';
export { SYSTEM_PRINCIPAL, type IdentityService } from './service.ts';
export { tokenOf, SESSION_COOKIE } from './routes.ts';
export { WEB_CLIENT_ID } from './oidc/clients.ts';
export { presentation as dpopPresentation } from './oidc/dpop.ts';
export { PERSON_PERMISSIONS, AGENT_SCOPES } from './scopes.ts';
export { staffAccountIds } from './staff-accounts.ts';
export { applicantFacts, personAccountByIdNumber, recipientsOf, subjectKeysOf, FACT_KEYS, type ApplicantFacts } from './facts.ts';
export * from './events.ts';
export type { PopulationRegister, PopulationPerson } from './population.ts';

/** 统一身份认证: what the platform, other modules, seeds and tests may use of the identity module. */
export interface IdentityModule {
  /** Accounts, sessions and principals (every module asks it who someone is). */
  service: IdentityService;
  people: Pick<PeopleService, 'createVerified'>;
  enterprises: Pick<EnterpriseService, 'mine' | 'claim'>;
  /** OIDC clients (the data module registers a department system's client when it grants access). */
  clients: ClientRegistry;
  /** The provider's signing keys (a second provider node, as in the SSO tests, shares them). */
  keys: SigningKeys;
  oidc: Pick<OidcHost, 'clientPrincipal'>;
  /** Where the platform's pages are served from: the only origins their cookie-authenticated writes may come from. */
  origins: string[];
  /** Whether a request is authenticated by the session cookie (which a browser adds by itself), not a Bearer token. */
  cookieAuthenticated(req: FastifyRequest): boolean;
  tokenOf(req: FastifyRequest): string | undefined;
  /** Plugs in where real-name checks read population facts (the data backbone's 人口基础库, wired by a flow). */
  usePopulation(register: PopulationRegister): void;
  migrations: Migration[];
  routes: ((app: App) => Promise<void>)[];
}

/** Where the platform is reached from outside: the configured public URL, or this machine's port. */
export function publicBase(k: Kernel): string {
  return (k.config.publicUrl ?? `http://localhost:${k.config.port}`).replace(/\/+$/, '');
}

export function createIdentityModule(k: Kernel, org: OrgService, policy: Policy): IdentityModule {
  k.events.declareAll(identityEvents);
  const service = new IdentityService(k, org);
  const people = new PeopleService(k, policy, service.sms, service.totp);
  const enterprises = new EnterpriseService(k, service);
  const clients = new ClientRegistry(k, policy);
  const keys = new SigningKeys(k, policy);
  const base = publicBase(k);
  const host = new OidcHost({ k, identity: service, clients, keys, issuer: `${base}${OIDC_PREFIX}` });
  const secure = base.startsWith('https://');
  const authLimit = k.config.authRateLimitPerMinute;
  // Without a public URL, the pages answer on localhost and 127.0.0.1 alike.
  const webRedirects = [`${base}/auth/callback`, ...(k.config.publicUrl ? [] : [`http://127.0.0.1:${k.config.port}/auth/callback`])];
  const webSecret = () => clients.ensureWebClient(webRedirects);
  k.jobs.registerTimer('identity.oidc.prune', 3600_000, async (_job, trx) => {
    await identityDb(trx).deleteFrom('identity_oidc_payload').where('expires_at', '<', new Date()).execute();
    await identityDb(trx)
      .deleteFrom('identity_otp')
      .where('expires_at', '<', new Date(k.clock.now().getTime() - 86_400_000))
      .execute();
    await service.factors.names.prune(trx);
  });
  return {
    service,
    people,
    enterprises,
    clients,
    keys,
    oidc: host,
    origins: webRedirects.map((u) => new URL(u).origin),
    cookieAuthenticated: (req: FastifyRequest) => !req.headers.authorization?.startsWith('Bearer ') && !!req.cookies?.[SESSION_COOKIE],
    migrations: identityMigrations,
    tokenOf,
    usePopulation: (register) => void (people.population = register),
    routes: [
      identityRoutes(service, secure, authLimit),
      accountRoutes(service, people, enterprises, secure, authLimit),
      ssoAdminRoutes(clients, keys, host),
      interactionRoutes(host, service, clients, enterprises, authLimit),
      webLoginRoutes(k, host, service, webRedirects, webSecret),
      host.routes(),
    ],
  };
}
