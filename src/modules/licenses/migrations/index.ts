import type { Migration } from '../../../kernel/db/migrate.ts';

/**
 * E-licences and e-seals. A licence type is versioned configuration (fields as JSON Schema, validity,
 * template, the service items that issue it). Each licence version is its own row with its own
 * GB/T 36904 identifier; a change supersedes the old row. Seals keep their SM2 private key encrypted
 * (SM4) and name who may use them. Grants are the holder's authorisations to a department, and every
 * use of a licence — by its holder, a department or an application (免证办) — is a use row the holder
 * can read.
 */
export const licensesMigrations: Migration[] = [
  {
    name: '0500_licenses_base',
    sql: `
      CREATE TABLE licenses_type (
        key text PRIMARY KEY,
        code text NOT NULL UNIQUE,
        version integer NOT NULL,
        definition jsonb NOT NULL,
        active boolean NOT NULL DEFAULT true,
        updated_at timestamptz NOT NULL
      );
      CREATE TABLE licenses_type_version (
        key text NOT NULL REFERENCES licenses_type (key),
        version integer NOT NULL,
        definition jsonb NOT NULL,
        changed_by text NOT NULL,
        changed_at timestamptz NOT NULL,
        PRIMARY KEY (key, version)
      );
      CREATE TABLE licenses_seal (
        id uuid PRIMARY KEY,
        code text NOT NULL UNIQUE,
        region_code text NOT NULL,
        department_id uuid NOT NULL,
        name text NOT NULL,
        unit_name text NOT NULL,
        unit_code text NOT NULL,
        purpose text NOT NULL,
        public_key text NOT NULL,
        private_key_enc text NOT NULL,
        valid_from date NOT NULL,
        valid_to date NOT NULL,
        users uuid[] NOT NULL DEFAULT '{}',
        automatic boolean NOT NULL DEFAULT false,
        active boolean NOT NULL DEFAULT true,
        uses integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE INDEX licenses_seal_department ON licenses_seal (department_id) WHERE active;
      CREATE SEQUENCE licenses_serial_seq START 1000001;
      CREATE TABLE licenses_licence (
        id uuid PRIMARY KEY,
        identifier text NOT NULL UNIQUE,
        lineage text NOT NULL,
        version integer NOT NULL,
        licence_no text NOT NULL,
        type_key text NOT NULL REFERENCES licenses_type (key),
        type_version integer NOT NULL,
        name text NOT NULL,
        region_code text NOT NULL,
        issuer_department_id uuid NOT NULL,
        issuer_name text NOT NULL,
        issuer_code text NOT NULL,
        issued_on date NOT NULL,
        valid_from date NOT NULL,
        valid_until date,
        holder_type text NOT NULL CHECK (holder_type IN ('person', 'entity')),
        holder_name text NOT NULL,
        holder_code_enc text NOT NULL,
        holder_code_masked text NOT NULL,
        holder_index text NOT NULL,
        item_code text,
        application_id uuid,
        data_enc text NOT NULL,
        status text NOT NULL CHECK (status IN ('valid', 'annulled', 'cancelled', 'expired', 'revoked', 'superseded')),
        status_reason text,
        status_at timestamptz,
        seal_id uuid NOT NULL REFERENCES licenses_seal (id),
        document_file_id uuid,
        document_hash text NOT NULL,
        signed_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL,
        UNIQUE (lineage, version)
      );
      CREATE INDEX licenses_licence_holder ON licenses_licence (holder_index, type_key) WHERE status = 'valid';
      CREATE INDEX licenses_licence_expiry ON licenses_licence (valid_until) WHERE status = 'valid';
      CREATE INDEX licenses_licence_application ON licenses_licence (application_id) WHERE application_id IS NOT NULL;
      CREATE TABLE licenses_grant (
        id uuid PRIMARY KEY,
        lineage text NOT NULL,
        holder_index text NOT NULL,
        department_id uuid NOT NULL,
        scopes text[] NOT NULL,
        purpose text NOT NULL,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL
      );
      CREATE INDEX licenses_grant_holder ON licenses_grant (holder_index, created_at DESC);
      CREATE INDEX licenses_grant_department ON licenses_grant (department_id, lineage);
      CREATE TABLE licenses_use (
        id uuid PRIMARY KEY,
        licence_id uuid NOT NULL REFERENCES licenses_licence (id),
        holder_index text NOT NULL,
        region_code text NOT NULL,
        kind text NOT NULL,
        grant_id uuid,
        actor_id text NOT NULL,
        actor_name text NOT NULL,
        department_id uuid,
        purpose text NOT NULL,
        application_id uuid,
        at timestamptz NOT NULL
      );
      CREATE INDEX licenses_use_holder ON licenses_use (holder_index, at DESC);
      CREATE INDEX licenses_use_kind ON licenses_use (region_code, kind);
      CREATE TABLE licenses_vc_key (
        id text PRIMARY KEY,
        public_jwk jsonb NOT NULL,
        private_enc text NOT NULL,
        created_at timestamptz NOT NULL
      );
    `,
  },
  {
    // 个体工商户 and companies registered through an application hold their 营业执照 themselves; the
    // person who applied (经营者, founder) finds it in their own 证照夹 through operator_index.
    // Decisions (决定书/通知书) are sealed documents of record: the register lets /verify say genuine
    // for the very bytes issued, one row per language copy of the same identifier.
    name: '0510_licenses_operator_and_documents',
    sql: `
      ALTER TABLE licenses_licence ADD COLUMN operator_index text;
      CREATE INDEX licenses_licence_operator ON licenses_licence (operator_index) WHERE operator_index IS NOT NULL;
      CREATE SEQUENCE licenses_document_seq START 1;
      CREATE TABLE licenses_document (
        id uuid PRIMARY KEY,
        identifier text NOT NULL,
        lang text NOT NULL CHECK (lang IN ('zh', 'en')),
        kind text NOT NULL,
        title text NOT NULL,
        document_no text NOT NULL,
        region_code text NOT NULL,
        department_id uuid NOT NULL,
        issuer_name text NOT NULL,
        holder_name text NOT NULL,
        holder_code_masked text NOT NULL,
        application_id uuid,
        issued_on date NOT NULL,
        seal_id uuid NOT NULL REFERENCES licenses_seal (id),
        document_hash text NOT NULL,
        file_id uuid NOT NULL,
        facts_enc text NOT NULL,
        created_at timestamptz NOT NULL,
        UNIQUE (identifier, lang)
      );
      CREATE INDEX licenses_document_application ON licenses_document (application_id);
    `,
  },
];
