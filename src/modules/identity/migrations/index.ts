import type { Migration } from '../../../kernel/db/migrate.ts';

export const identityMigrations: Migration[] = [
  {
    name: '0200_identity_base',
    sql: `
      CREATE TABLE identity_account (
        id uuid PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('staff', 'person', 'enterprise')),
        username text NOT NULL UNIQUE,
        password_hash text NOT NULL,
        display_name text NOT NULL,
        staff_id uuid UNIQUE,
        region_code text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        failed_count integer NOT NULL DEFAULT 0,
        locked_until timestamptz,
        created_at timestamptz NOT NULL
      );
      CREATE TABLE identity_session (
        id uuid PRIMARY KEY,
        token_hash text NOT NULL UNIQUE,
        account_id uuid NOT NULL REFERENCES identity_account (id),
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        user_agent text
      );
      CREATE INDEX identity_session_account ON identity_session (account_id, created_at);
    `,
  },
];

/**
 * Base records of natural and legal persons (the population and legal-entity base data that
 * accounts will be verified against). ID numbers are SM4-encrypted, with a blind index for lookup.
 */
identityMigrations.push({
  name: '0201_identity_people',
  sql: `
    CREATE TABLE identity_person (
      id uuid PRIMARY KEY,
      region_code text NOT NULL,
      name text NOT NULL,
      id_number_enc text NOT NULL,
      id_number_idx text NOT NULL UNIQUE,
      id_number_masked text NOT NULL,
      phone_enc text,
      created_at timestamptz NOT NULL
    );
    CREATE TABLE identity_enterprise (
      id uuid PRIMARY KEY,
      region_code text NOT NULL,
      name text NOT NULL,
      credit_code text NOT NULL UNIQUE,
      legal_person_id uuid NOT NULL REFERENCES identity_person (id),
      created_at timestamptz NOT NULL
    );
  `,
});

/**
 * People and enterprises as account holders: phone and ID number encrypted with blind indexes,
 * assurance levels, TOTP and recovery codes, one-time codes, enterprise representatives and their
 * agents' authorisations, and what the OpenID Connect provider persists (payloads, clients, keys).
 */
identityMigrations.push({
  name: '0202_identity_accounts_sso',
  sql: `
    ALTER TABLE identity_account
      ADD COLUMN phone_enc text,
      ADD COLUMN phone_idx text UNIQUE,
      ADD COLUMN phone_masked text,
      ADD COLUMN real_name text,
      ADD COLUMN id_number_enc text,
      ADD COLUMN id_number_idx text UNIQUE,
      ADD COLUMN id_number_masked text,
      ADD COLUMN person_id uuid REFERENCES identity_person (id),
      ADD COLUMN assurance_level integer NOT NULL DEFAULT 1 CHECK (assurance_level BETWEEN 1 AND 3),
      ADD COLUMN totp_secret_enc text,
      ADD COLUMN totp_enabled_at timestamptz,
      ADD COLUMN totp_last_step bigint,
      ADD COLUMN lock_count integer NOT NULL DEFAULT 0;
    ALTER TABLE identity_session
      ADD COLUMN amr text[] NOT NULL DEFAULT '{pwd}',
      ADD COLUMN acting_enterprise_id uuid,
      ADD COLUMN oidc_sid text,
      ADD COLUMN client_id text;
    CREATE INDEX identity_session_sid ON identity_session (oidc_sid);
    CREATE TABLE identity_recovery_code (
      account_id uuid NOT NULL REFERENCES identity_account (id),
      code_hash text NOT NULL,
      used_at timestamptz,
      PRIMARY KEY (account_id, code_hash)
    );
    CREATE TABLE identity_otp (
      id uuid PRIMARY KEY,
      purpose text NOT NULL,
      target_idx text NOT NULL,
      code_hash text NOT NULL,
      created_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL,
      attempts integer NOT NULL DEFAULT 0,
      consumed_at timestamptz
    );
    CREATE INDEX identity_otp_target ON identity_otp (target_idx, purpose, created_at);
    CREATE TABLE identity_mfa_challenge (
      token_hash text PRIMARY KEY,
      account_id uuid NOT NULL REFERENCES identity_account (id),
      first_factor text NOT NULL,
      expires_at timestamptz NOT NULL,
      attempts integer NOT NULL DEFAULT 0,
      consumed_at timestamptz
    );
    CREATE TABLE identity_enterprise_rep (
      enterprise_id uuid PRIMARY KEY REFERENCES identity_enterprise (id),
      account_id uuid NOT NULL REFERENCES identity_account (id),
      verified_at timestamptz NOT NULL
    );
    CREATE TABLE identity_authorisation (
      id uuid PRIMARY KEY,
      region_code text NOT NULL,
      enterprise_id uuid NOT NULL REFERENCES identity_enterprise (id),
      agent_account_id uuid NOT NULL REFERENCES identity_account (id),
      scopes text[] NOT NULL,
      expires_at timestamptz NOT NULL,
      granted_by uuid NOT NULL REFERENCES identity_account (id),
      created_at timestamptz NOT NULL,
      revoked_at timestamptz
    );
    CREATE INDEX identity_authorisation_agent ON identity_authorisation (agent_account_id, enterprise_id);
    CREATE INDEX identity_authorisation_enterprise ON identity_authorisation (enterprise_id, created_at);
    CREATE TABLE identity_oidc_payload (
      kind text NOT NULL,
      id text NOT NULL,
      payload jsonb NOT NULL,
      grant_id text,
      uid text,
      user_code text,
      account_id text,
      expires_at timestamptz,
      consumed_at timestamptz,
      PRIMARY KEY (kind, id)
    );
    CREATE INDEX identity_oidc_payload_grant ON identity_oidc_payload (grant_id);
    CREATE INDEX identity_oidc_payload_uid ON identity_oidc_payload (uid);
    CREATE INDEX identity_oidc_payload_account ON identity_oidc_payload (account_id, kind);
    CREATE INDEX identity_oidc_payload_expiry ON identity_oidc_payload (expires_at);
    CREATE TABLE identity_oidc_client (
      client_id text PRIMARY KEY,
      region_code text NOT NULL,
      name text NOT NULL,
      name_en text,
      secret_enc text,
      redirect_uris text[] NOT NULL,
      post_logout_redirect_uris text[] NOT NULL DEFAULT '{}',
      grant_types text[] NOT NULL,
      scopes text[] NOT NULL,
      account_types text[] NOT NULL,
      first_party boolean NOT NULL DEFAULT false,
      active boolean NOT NULL DEFAULT true,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    );
    CREATE TABLE identity_oidc_grant_acting (
      grant_id text PRIMARY KEY,
      account_id uuid NOT NULL REFERENCES identity_account (id),
      enterprise_id uuid NOT NULL REFERENCES identity_enterprise (id)
    );
    CREATE TABLE identity_oidc_key (
      kid text PRIMARY KEY,
      private_jwk_enc text NOT NULL,
      public_jwk jsonb NOT NULL,
      created_at timestamptz NOT NULL,
      retired_at timestamptz
    )
  `,
});

/** Failed sign-ins by the name tried (known or not), so lock-out does not reveal which accounts exist. */
identityMigrations.push({
  name: '0203_identity_sign_in_names',
  sql: `
    CREATE TABLE identity_sign_in_name (
      name_idx text PRIMARY KEY,
      failed_count integer NOT NULL DEFAULT 0,
      lock_count integer NOT NULL DEFAULT 0,
      locked_until timestamptz,
      updated_at timestamptz NOT NULL
    );
    CREATE INDEX identity_sign_in_name_updated ON identity_sign_in_name (updated_at)
  `,
});

/**
 * The provider's lookups by grant, uid and account are all equalities, so their indexes need only
 * the rows that have one. A client-credentials token has none of the three: with full indexes each
 * token wrote three index entries for NULLs, on the busiest insert of single sign-on.
 */
identityMigrations.push({
  name: '0204_identity_oidc_partial_indexes',
  sql: `
    DROP INDEX identity_oidc_payload_grant;
    CREATE INDEX identity_oidc_payload_grant ON identity_oidc_payload (grant_id) WHERE grant_id IS NOT NULL;
    DROP INDEX identity_oidc_payload_uid;
    CREATE INDEX identity_oidc_payload_uid ON identity_oidc_payload (uid) WHERE uid IS NOT NULL;
    DROP INDEX identity_oidc_payload_account;
    CREATE INDEX identity_oidc_payload_account ON identity_oidc_payload (account_id, kind) WHERE account_id IS NOT NULL
  `,
});
