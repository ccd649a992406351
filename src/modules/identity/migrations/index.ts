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
