import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { AdapterPayload } from 'oidc-provider';
import type { Executor } from '../../../kernel/db/index.ts';
import { DomainError, Errors } from '../../../kernel/http/errors.ts';
import type { Kernel } from '../../../kernel/index.ts';
import { actorOf, assertAllowed, type Policy, type Principal } from '../../../kernel/policy/index.ts';
import type { ClientApp, ClientInput, ClientPatch } from './schema.ts';
import { identityDb } from '../tables.ts';

const CACHE_MS = 10_000;
export const WEB_CLIENT_ID = 'yiwang-web';

type ClientRow = {
  client_id: string;
  region_code: string;
  name: string;
  name_en: string | null;
  secret_enc: string | null;
  redirect_uris: string[];
  post_logout_redirect_uris: string[];
  grant_types: string[];
  scopes: string[];
  account_types: string[];
  first_party: boolean;
  active: boolean;
  version: number;
  created_at: Date | string;
};

const ClientErrors = {
  taken: () => new DomainError('CLIENT_ID_TAKEN', 409, '应用标识已被使用', 'This client id is already taken'),
  firstParty: () => new DomainError('CLIENT_FIRST_PARTY', 409, '平台自身的应用不能在此修改', 'The platform’s own application cannot be changed here'),
  stale: () => new DomainError('STALE_VERSION', 409, '该应用已被他人修改，请刷新后重试', 'Someone else changed this application; reload and try again'),
  shape: (zh: string, en: string) => new DomainError('CLIENT_INVALID', 422, zh, en),
};

/** Redirect URIs: https, or http only to this machine (for development relying parties). */
const uriProblem = (u: string): string | null => {
  try {
    const url = new URL(u);
    if (url.hash) return 'no fragment';
    if (url.protocol === 'https:') return null;
    if (url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)) return null;
    return 'https only (http for localhost)';
  } catch {
    return 'not a URL';
  }
};

/**
 * Client applications (department systems) that may sign people in through the platform, or call
 * it as themselves. Admins register them; the secret is shown once and kept SM4-encrypted.
 */
export class ClientRegistry {
  private readonly cache = new Map<string, { at: number; meta: AdapterPayload | undefined; row: ClientRow | undefined }>();
  constructor(
    private readonly k: Kernel,
    private readonly policy: Policy,
  ) {}

  private view(r: ClientRow): ClientApp {
    return {
      clientId: r.client_id,
      regionCode: r.region_code,
      name: r.name,
      nameEn: r.name_en,
      confidential: !!r.secret_enc,
      redirectUris: r.redirect_uris,
      postLogoutRedirectUris: r.post_logout_redirect_uris,
      grantTypes: r.grant_types,
      scopes: r.scopes,
      accountTypes: r.account_types,
      firstParty: r.first_party,
      active: r.active,
      version: r.version,
      createdAt: new Date(r.created_at).toISOString(),
    };
  }

  private async row(clientId: string): Promise<ClientRow | undefined> {
    const hit = this.cache.get(clientId);
    if (hit && Date.now() - hit.at < CACHE_MS) return hit.row;
    const row = (await identityDb(this.k.db).selectFrom('identity_oidc_client').selectAll().where('client_id', '=', clientId).executeTakeFirst()) as ClientRow | undefined;
    this.cache.set(clientId, { at: Date.now(), row, meta: undefined });
    return row;
  }

  /** Metadata in the form oidc-provider reads; undefined for unknown or inactive clients. */
  async metadata(clientId: string): Promise<AdapterPayload | undefined> {
    const hit = this.cache.get(clientId);
    if (hit?.meta && Date.now() - hit.at < CACHE_MS) return hit.meta;
    const r = await this.row(clientId);
    if (!r || !r.active) return undefined;
    const meta: AdapterPayload = {
      client_id: r.client_id,
      client_name: r.name,
      ...(r.secret_enc ? { client_secret: this.k.crypto.decryptField(r.secret_enc), token_endpoint_auth_method: 'client_secret_basic' } : { token_endpoint_auth_method: 'none' }),
      redirect_uris: r.redirect_uris,
      post_logout_redirect_uris: r.post_logout_redirect_uris,
      grant_types: r.grant_types,
      response_types: r.grant_types.includes('authorization_code') ? ['code'] : [],
      scope: r.scopes.join(' '),
    };
    this.cache.set(clientId, { at: Date.now(), row: r, meta });
    return meta;
  }

  /** The registered client as admins see it (no secret). */
  async get(clientId: string): Promise<ClientApp | undefined> {
    const r = await this.row(clientId);
    return r ? this.view(r) : undefined;
  }

  async list(who: Principal): Promise<ClientApp[]> {
    assertAllowed(this.policy, who, 'sso.manage');
    const rows = (await identityDb(this.k.db).selectFrom('identity_oidc_client').selectAll().orderBy('created_at').limit(500).execute()) as ClientRow[];
    return rows.map((r) => this.view(r));
  }

  private check(input: Pick<ClientInput, 'grantTypes' | 'redirectUris' | 'confidential'> & { postLogoutRedirectUris?: string[] }) {
    const bad = [...input.redirectUris, ...(input.postLogoutRedirectUris ?? [])].map((u) => [u, uriProblem(u)] as const).filter(([, p]) => p);
    if (bad.length) throw Errors.validation(bad.map(([u, p]) => ({ path: '/redirectUris', message: `${u}: ${p}` })));
    if (input.grantTypes.includes('authorization_code') && input.redirectUris.length === 0) {
      throw ClientErrors.shape('授权码模式至少需要一个回调地址', 'The authorization-code flow needs at least one redirect URI');
    }
    if (input.grantTypes.includes('client_credentials') && !input.confidential) {
      throw ClientErrors.shape('客户端凭证模式须为机密客户端', 'Client credentials need a confidential client (with a secret)');
    }
    if (input.grantTypes.includes('refresh_token') && !input.grantTypes.includes('authorization_code')) {
      throw ClientErrors.shape('刷新令牌须与授权码模式同用', 'Refresh tokens go with the authorization-code flow');
    }
  }

  async create(who: Principal, input: ClientInput, requestId?: string, opts: { firstParty?: boolean; secret?: string; trx?: Executor } = {}): Promise<{ client: ClientApp; secret: string | null }> {
    assertAllowed(this.policy, who, 'sso.manage');
    this.check(input);
    const secret = input.confidential ? (opts.secret ?? randomBytes(24).toString('base64url')) : null;
    const now = this.k.clock.now();
    const write = async (trx: Executor) => {
      const rows = await identityDb(trx)
        .insertInto('identity_oidc_client')
        .values({
          client_id: input.clientId,
          region_code: input.regionCode ?? this.k.config.regionCode,
          name: input.name,
          name_en: input.nameEn ?? null,
          secret_enc: secret ? this.k.crypto.encryptField(secret) : null,
          redirect_uris: input.redirectUris,
          post_logout_redirect_uris: input.postLogoutRedirectUris ?? [],
          grant_types: input.grantTypes,
          scopes: input.scopes,
          account_types: input.accountTypes,
          first_party: opts.firstParty ?? false,
          created_at: now,
          updated_at: now,
        })
        .onConflict((oc) => oc.column('client_id').doNothing())
        .returningAll()
        .execute();
      if (!rows.length) throw ClientErrors.taken();
      await this.k.recordChange(trx, {
        actor: actorOf(who),
        action: 'registered',
        objectType: 'identity.client',
        objectId: input.clientId,
        regionCode: rows[0].region_code,
        change: { ...input, secret: secret ? '(set)' : null },
        summary: { grantTypes: input.grantTypes },
        requestId,
      });
      return rows[0] as ClientRow;
    };
    const row = opts.trx ? await write(opts.trx) : await this.k.db.transaction().execute(write);
    this.cache.delete(input.clientId);
    return { client: this.view(row), secret };
  }

  async update(who: Principal, clientId: string, patch: ClientPatch, requestId?: string): Promise<ClientApp> {
    assertAllowed(this.policy, who, 'sso.manage');
    const cur = await identityDb(this.k.db).selectFrom('identity_oidc_client').selectAll().where('client_id', '=', clientId).executeTakeFirst();
    if (!cur) throw Errors.notFound('client');
    if (cur.first_party) throw ClientErrors.firstParty();
    const next = {
      grantTypes: patch.grantTypes ?? cur.grant_types,
      redirectUris: patch.redirectUris ?? cur.redirect_uris,
      postLogoutRedirectUris: patch.postLogoutRedirectUris ?? cur.post_logout_redirect_uris,
      confidential: !!cur.secret_enc,
    };
    this.check(next);
    const row = await this.k.db.transaction().execute(async (trx) => {
      const rows = await identityDb(trx)
        .updateTable('identity_oidc_client')
        .set({
          name: patch.name ?? cur.name,
          name_en: patch.nameEn ?? cur.name_en,
          redirect_uris: next.redirectUris,
          post_logout_redirect_uris: next.postLogoutRedirectUris,
          grant_types: next.grantTypes,
          scopes: patch.scopes ?? cur.scopes,
          account_types: patch.accountTypes ?? cur.account_types,
          active: patch.active ?? cur.active,
          version: cur.version + 1,
          updated_at: this.k.clock.now(),
        })
        .where('client_id', '=', clientId)
        .where('version', '=', patch.version)
        .returningAll()
        .execute();
      if (!rows.length) throw ClientErrors.stale();
      await this.k.recordChange(trx, { actor: actorOf(who), action: 'updated', objectType: 'identity.client', objectId: clientId, regionCode: cur.region_code, change: patch, requestId });
      // A deactivated client's tokens and grants stop working at once.
      if (patch.active === false)
        await identityDb(trx)
          .deleteFrom('identity_oidc_payload')
          .where(sql<boolean>`payload->>'clientId' = ${clientId}`)
          .execute();
      return rows[0] as ClientRow;
    });
    this.cache.delete(clientId);
    return this.view(row);
  }

  async rotateSecret(who: Principal, clientId: string, requestId?: string): Promise<string> {
    assertAllowed(this.policy, who, 'sso.manage');
    const secret = randomBytes(24).toString('base64url');
    await this.k.db.transaction().execute(async (trx) => {
      const rows = await identityDb(trx)
        .updateTable('identity_oidc_client')
        .set({ secret_enc: this.k.crypto.encryptField(secret), updated_at: this.k.clock.now() })
        .where('client_id', '=', clientId)
        .where('secret_enc', 'is not', null)
        .where('first_party', '=', false)
        .returning(['region_code'])
        .execute();
      if (!rows.length) throw Errors.notFound('confidential client');
      await this.k.recordChange(trx, { actor: actorOf(who), action: 'secret-rotated', objectType: 'identity.client', objectId: clientId, regionCode: rows[0].region_code, change: {}, requestId });
    });
    this.cache.delete(clientId);
    return secret;
  }

  /** The platform's own web pages as a first-party client; its redirect URIs follow the configuration. */
  async ensureWebClient(redirectUris: string[]): Promise<string> {
    const cur = await identityDb(this.k.db).selectFrom('identity_oidc_client').select(['secret_enc', 'redirect_uris']).where('client_id', '=', WEB_CLIENT_ID).executeTakeFirst();
    if (cur?.secret_enc) {
      if (cur.redirect_uris.join(' ') !== redirectUris.join(' ')) {
        await identityDb(this.k.db)
          .updateTable('identity_oidc_client')
          .set({ redirect_uris: redirectUris, post_logout_redirect_uris: redirectUris.map((u) => new URL('/', u).href) })
          .where('client_id', '=', WEB_CLIENT_ID)
          .execute();
        this.cache.delete(WEB_CLIENT_ID);
      }
      return this.k.crypto.decryptField(cur.secret_enc);
    }
    const system = { accountId: 'system', type: 'staff' as const, name: 'system', regionCode: '', departmentId: null, roles: ['platform_admin'], permissions: new Set(['*']), sessionId: null };
    try {
      const made = await this.create(
        system,
        {
          clientId: WEB_CLIENT_ID,
          name: '一网平台门户与工作台',
          nameEn: 'Yiwang portal and workbench',
          confidential: true,
          redirectUris,
          postLogoutRedirectUris: redirectUris.map((u) => new URL('/', u).href),
          grantTypes: ['authorization_code'],
          scopes: ['openid', 'profile', 'phone', 'org', 'enterprise'],
          accountTypes: ['person', 'staff'],
        },
        'startup',
        { firstParty: true },
      );
      return made.secret!;
    } catch (err) {
      // Another node made it first: read theirs.
      if (err instanceof DomainError && err.code === 'CLIENT_ID_TAKEN') return this.ensureWebClient(redirectUris);
      throw err;
    }
  }
}
