import type { Migration } from '../../../kernel/db/migrate.ts';
import { actionLogTableSql, workflowVersionsTableSql } from '../../../kernel/workflow/index.ts';

/**
 * 有条件开放: migrations 1020–1029.
 *
 * An application names a published 有条件开放 dataset, the items wanted, a row scope, a period, the
 * delivery (gateway credential or sandbox) and carries its 数据利用协议: the text as it was filled in
 * for the applicant, and once signed, the signer, the time and the SM3 digest of that text (never
 * changed after). It moves through the kernel's action engine (its steps in
 * `opendata_application_action`, its workflow versions in `opendata_application_workflow`). An
 * approved `api` application holds the gateway grant's id and client id; the client secret is kept
 * sealed until the applicant collects it once. Agreement templates are versioned per region.
 */
export const grantsMigrations: Migration[] = [
  {
    name: '1020_opendata_grants',
    sql: `
      CREATE TABLE opendata_agreement_template (
        region_code text NOT NULL,
        version integer NOT NULL,
        title text NOT NULL,
        body text NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (region_code, version)
      );
      CREATE SEQUENCE opendata_application_seq;
      CREATE TABLE opendata_application (
        id uuid PRIMARY KEY,
        number text NOT NULL UNIQUE,
        region_code text NOT NULL,
        workflow_version integer NOT NULL,
        version integer NOT NULL DEFAULT 1,
        state text NOT NULL,
        dataset_id text NOT NULL,
        dataset_name text NOT NULL,
        dataset_title text NOT NULL,
        resource_code text NOT NULL,
        provider_department_id text NOT NULL,
        applicant_account_id text NOT NULL,
        applicant_type text NOT NULL,
        applicant_name text NOT NULL,
        enterprise_id text,
        enterprise_name text,
        enterprise_credit_code text,
        purpose text NOT NULL,
        items text[] NOT NULL,
        row_region text,
        period_from text NOT NULL,
        period_to text NOT NULL,
        security_measures text NOT NULL,
        delivery text NOT NULL,
        contact jsonb NOT NULL,
        template_version integer NOT NULL,
        agreement_text text NOT NULL,
        agreement_hash text NOT NULL,
        signed_name text,
        signed_by text,
        signed_at timestamptz,
        due_at timestamptz,
        grant_id text,
        client_id text,
        secret_enc text,
        credentials_collected_at timestamptz,
        decided_at timestamptz,
        ended_at timestamptz,
        end_reason text,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE INDEX opendata_application_applicant ON opendata_application (applicant_account_id, id);
      CREATE INDEX opendata_application_enterprise ON opendata_application (enterprise_id, id);
      CREATE INDEX opendata_application_queue ON opendata_application (region_code, state, provider_department_id, id);
      CREATE INDEX opendata_application_dataset ON opendata_application (dataset_id, state);
      ${workflowVersionsTableSql('opendata_application_workflow')};
      ${actionLogTableSql('opendata_application_action', 'application_id', 'opendata_application')};`,
  },
];
