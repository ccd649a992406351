import { Type, type Static } from '@sinclair/typebox';
import { OIDC_SCOPES, SYSTEM_SCOPE_CODES } from '../scopes.ts';

const Uri = Type.String({ minLength: 8, maxLength: 500, pattern: '^https?://' });
const Scope = Type.Union([...OIDC_SCOPES.map((s) => s.code), ...SYSTEM_SCOPE_CODES].map((c) => Type.Literal(c)));
const GrantType = Type.Union(['authorization_code', 'refresh_token', 'client_credentials'].map((g) => Type.Literal(g)));
const AccountType = Type.Union([Type.Literal('person'), Type.Literal('staff')]);

export const ClientApp = Type.Object({
  clientId: Type.String(),
  regionCode: Type.String(),
  name: Type.String(),
  nameEn: Type.Union([Type.String(), Type.Null()]),
  confidential: Type.Boolean(),
  redirectUris: Type.Array(Type.String()),
  postLogoutRedirectUris: Type.Array(Type.String()),
  grantTypes: Type.Array(Type.String()),
  scopes: Type.Array(Type.String()),
  accountTypes: Type.Array(Type.String()),
  firstParty: Type.Boolean(),
  active: Type.Boolean(),
  version: Type.Integer(),
  createdAt: Type.String(),
});
export type ClientApp = Static<typeof ClientApp>;

export const ClientInput = Type.Object(
  {
    clientId: Type.String({ pattern: '^[a-z][a-z0-9-]{2,40}$', description: 'lower-case letters, digits and dashes' }),
    regionCode: Type.Optional(Type.String({ pattern: '^[0-9]{2,12}$' })),
    name: Type.String({ minLength: 2, maxLength: 60, pattern: '\\S' }),
    nameEn: Type.Optional(Type.String({ maxLength: 120 })),
    confidential: Type.Boolean({ description: 'has a secret (server-side application); false = public client with PKCE' }),
    redirectUris: Type.Array(Uri, { maxItems: 10, uniqueItems: true }),
    postLogoutRedirectUris: Type.Optional(Type.Array(Uri, { maxItems: 10, uniqueItems: true })),
    grantTypes: Type.Array(GrantType, { minItems: 1, maxItems: 3, uniqueItems: true }),
    scopes: Type.Array(Scope, { minItems: 1, maxItems: 20, uniqueItems: true }),
    accountTypes: Type.Array(AccountType, { maxItems: 2, uniqueItems: true, description: 'who may sign in to it' }),
  },
  { additionalProperties: false },
);
export type ClientInput = Static<typeof ClientInput>;

export const ClientPatch = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    name: Type.Optional(Type.String({ minLength: 2, maxLength: 60, pattern: '\\S' })),
    nameEn: Type.Optional(Type.String({ maxLength: 120 })),
    redirectUris: Type.Optional(Type.Array(Uri, { maxItems: 10, uniqueItems: true })),
    postLogoutRedirectUris: Type.Optional(Type.Array(Uri, { maxItems: 10, uniqueItems: true })),
    grantTypes: Type.Optional(Type.Array(GrantType, { minItems: 1, maxItems: 3, uniqueItems: true })),
    scopes: Type.Optional(Type.Array(Scope, { minItems: 1, maxItems: 20, uniqueItems: true })),
    accountTypes: Type.Optional(Type.Array(AccountType, { maxItems: 2, uniqueItems: true })),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type ClientPatch = Static<typeof ClientPatch>;
