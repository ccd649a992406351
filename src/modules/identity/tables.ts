import type { Generated } from 'kysely';
import { tablesOf, type Json, type Timestamp } from '../../kernel/db/tables.ts';
import type { Executor } from '../../kernel/db/index.ts';
import type { AdapterPayload } from 'oidc-provider';

/*
 * The row types of the identity module's tables, as its migrations create them.
 * src/modules/tables.test.ts migrates a fresh database and fails if a table or column here and
 * there disagree, so a migration that adds a column must add it here too.
 */

export interface IdentityAccountTable {
  id: string;
  kind: 'staff' | 'person' | 'enterprise';
  username: string;
  password_hash: string;
  display_name: string;
  staff_id: string | null;
  region_code: string;
  active: Generated<boolean>;
  failed_count: Generated<number>;
  locked_until: Timestamp | null;
  created_at: Timestamp;
  phone_enc: string | null;
  phone_idx: string | null;
  phone_masked: string | null;
  real_name: string | null;
  id_number_enc: string | null;
  id_number_idx: string | null;
  id_number_masked: string | null;
  person_id: string | null;
  assurance_level: Generated<number>;
  totp_secret_enc: string | null;
  totp_enabled_at: Timestamp | null;
  totp_last_step: number | null;
  lock_count: Generated<number>;
}

export interface IdentityAuthorisationTable {
  id: string;
  region_code: string;
  enterprise_id: string;
  agent_account_id: string;
  scopes: string[];
  expires_at: Timestamp;
  granted_by: string;
  created_at: Timestamp;
  revoked_at: Timestamp | null;
}

export interface IdentityEnterpriseTable {
  id: string;
  region_code: string;
  name: string;
  credit_code: string;
  legal_person_id: string;
  created_at: Timestamp;
}

export interface IdentityEnterpriseRepTable {
  enterprise_id: string;
  account_id: string;
  verified_at: Timestamp;
}

export interface IdentityMfaChallengeTable {
  token_hash: string;
  account_id: string;
  first_factor: string;
  expires_at: Timestamp;
  attempts: Generated<number>;
  consumed_at: Timestamp | null;
}

export interface IdentityOidcClientTable {
  client_id: string;
  region_code: string;
  name: string;
  name_en: string | null;
  secret_enc: string | null;
  redirect_uris: string[];
  post_logout_redirect_uris: Generated<string[]>;
  grant_types: string[];
  scopes: string[];
  account_types: string[];
  first_party: Generated<boolean>;
  active: Generated<boolean>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface IdentityOidcGrantActingTable {
  grant_id: string;
  account_id: string;
  enterprise_id: string;
}

export interface IdentityOidcKeyTable {
  kid: string;
  private_jwk_enc: string;
  public_jwk: Json<unknown>;
  created_at: Timestamp;
  retired_at: Timestamp | null;
}

export interface IdentityOidcPayloadTable {
  kind: string;
  id: string;
  payload: Json<AdapterPayload>;
  grant_id: string | null;
  uid: string | null;
  user_code: string | null;
  account_id: string | null;
  expires_at: Timestamp | null;
  consumed_at: Timestamp | null;
}

export interface IdentityOtpTable {
  id: string;
  purpose: string;
  target_idx: string;
  code_hash: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  attempts: Generated<number>;
  consumed_at: Timestamp | null;
}

export interface IdentityPersonTable {
  id: string;
  region_code: string;
  name: string;
  id_number_enc: string;
  id_number_idx: string;
  id_number_masked: string;
  phone_enc: string | null;
  created_at: Timestamp;
}

export interface IdentityRecoveryCodeTable {
  account_id: string;
  code_hash: string;
  used_at: Timestamp | null;
}

export interface IdentitySessionTable {
  id: string;
  token_hash: string;
  account_id: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
  user_agent: string | null;
  amr: Generated<string[]>;
  acting_enterprise_id: string | null;
  oidc_sid: string | null;
  client_id: string | null;
}

export interface IdentitySignInNameTable {
  name_idx: string;
  failed_count: Generated<number>;
  lock_count: Generated<number>;
  locked_until: Timestamp | null;
  updated_at: Timestamp;
}

/** Every table the identity module owns, by name. */
export interface IdentityTables {
  identity_account: IdentityAccountTable;
  identity_authorisation: IdentityAuthorisationTable;
  identity_enterprise: IdentityEnterpriseTable;
  identity_enterprise_rep: IdentityEnterpriseRepTable;
  identity_mfa_challenge: IdentityMfaChallengeTable;
  identity_oidc_client: IdentityOidcClientTable;
  identity_oidc_grant_acting: IdentityOidcGrantActingTable;
  identity_oidc_key: IdentityOidcKeyTable;
  identity_oidc_payload: IdentityOidcPayloadTable;
  identity_otp: IdentityOtpTable;
  identity_person: IdentityPersonTable;
  identity_recovery_code: IdentityRecoveryCodeTable;
  identity_session: IdentitySessionTable;
  identity_sign_in_name: IdentitySignInNameTable;
}

/** The shared handle, typed with the identity tables (queries are checked against their columns). */
export const identityDb = (ex: Executor) => tablesOf<IdentityTables>(ex);
