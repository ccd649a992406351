import { actionLogTableSql, workflowVersionsTableSql } from '../../../kernel/workflow/index.ts';
import type { Migration } from '../../../kernel/db/migrate.ts';

/**
 * 数据共享: the catalogue (resources and their data items, each item with one source), the lists
 * (responsibility, demand, negative), the base databases, sharing requests and the grants they
 * become, the gateway's usage records, quality rules and findings, and data objections.
 * Base tables carry `region_code` so they can later be distributed by it.
 */
export const dataMigrations: Migration[] = [
  {
    name: '0600_data_catalogue',
    sql: `
      CREATE TABLE data_resource (
        id uuid PRIMARY KEY,
        code text NOT NULL UNIQUE,
        name text NOT NULL,
        description text NOT NULL DEFAULT '',
        provider_department_id uuid NOT NULL,
        region_code text NOT NULL,
        category text NOT NULL CHECK (category IN ('base', 'theme', 'department')),
        backing text NOT NULL CHECK (backing IN ('table', 'http')),
        backing_ref text NOT NULL,
        key_item text,
        sharing_type text NOT NULL CHECK (sharing_type IN ('unconditional', 'conditional', 'none')),
        sharing_basis text,
        open_type text NOT NULL CHECK (open_type IN ('open', 'conditional', 'none')),
        open_basis text,
        update_frequency text NOT NULL,
        last_updated_at timestamptz,
        search tsvector NOT NULL,
        version integer NOT NULL DEFAULT 1,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE INDEX data_resource_search ON data_resource USING gin (search);
      CREATE INDEX data_resource_provider ON data_resource (provider_department_id);
      CREATE TABLE data_item (
        resource_id uuid NOT NULL REFERENCES data_resource (id),
        code text NOT NULL,
        name text NOT NULL,
        data_type text NOT NULL,
        standard text,
        grade text NOT NULL CHECK (grade IN ('L1', 'L2', 'L3', 'L4')),
        importance text NOT NULL CHECK (importance IN ('general', 'important', 'core')),
        element text,
        storage jsonb NOT NULL,
        rules jsonb NOT NULL DEFAULT '[]',
        position integer NOT NULL,
        PRIMARY KEY (resource_id, code)
      );
      -- 一数一源: a data element has one source resource.
      CREATE UNIQUE INDEX data_item_one_source ON data_item (element) WHERE element IS NOT NULL;
      CREATE TABLE data_list_entry (
        id uuid PRIMARY KEY,
        list text NOT NULL CHECK (list IN ('duty', 'demand', 'negative')),
        department_id uuid NOT NULL,
        resource_id uuid REFERENCES data_resource (id),
        title text NOT NULL,
        detail text NOT NULL DEFAULT '',
        basis text,
        status text NOT NULL DEFAULT 'open',
        created_at timestamptz NOT NULL
      );
      CREATE INDEX data_list_entry_list ON data_list_entry (list, created_at DESC);
    `,
  },
  {
    name: '0601_data_base',
    sql: `
      CREATE TABLE data_population (
        id uuid PRIMARY KEY,
        region_code text NOT NULL,
        name text,
        sex text,
        birth_date date,
        nation text,
        id_number_enc text,
        id_number_idx text,
        id_number_masked text,
        phone_enc text,
        phone_masked text,
        address text,
        updated_at timestamptz NOT NULL
      );
      CREATE INDEX data_population_idx ON data_population (id_number_idx);
      CREATE INDEX data_population_region ON data_population (region_code, id);
      CREATE TABLE data_entity (
        id uuid PRIMARY KEY,
        region_code text NOT NULL,
        credit_code text,
        name text,
        entity_type text,
        legal_rep_name text,
        legal_rep_enc text,
        legal_rep_idx text,
        legal_rep_masked text,
        registered_capital numeric,
        established_on date,
        address text,
        status text,
        updated_at timestamptz NOT NULL
      );
      CREATE INDEX data_entity_code ON data_entity (credit_code);
      CREATE INDEX data_entity_region ON data_entity (region_code, id);
      CREATE TABLE data_credit (
        id uuid PRIMARY KEY,
        region_code text NOT NULL,
        credit_code text NOT NULL,
        rating text,
        penalties integer NOT NULL DEFAULT 0,
        red_list boolean NOT NULL DEFAULT false,
        black_list boolean NOT NULL DEFAULT false,
        updated_at timestamptz NOT NULL
      );
      CREATE INDEX data_credit_code ON data_credit (credit_code);
      CREATE TABLE data_licence_index (
        id uuid PRIMARY KEY,
        region_code text NOT NULL,
        identifier text NOT NULL UNIQUE,
        licence_type text NOT NULL,
        licence_name text NOT NULL,
        issuer_name text NOT NULL,
        status text NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE TABLE data_place (
        id uuid PRIMARY KEY,
        region_code text NOT NULL,
        name text,
        kind text,
        lon double precision,
        lat double precision,
        address text,
        updated_at timestamptz NOT NULL
      );
    `,
  },
  {
    name: '0602_data_sharing',
    sql: `
      CREATE SEQUENCE data_request_seq;
      CREATE TABLE data_request (
        id uuid PRIMARY KEY,
        number text NOT NULL UNIQUE,
        resource_id uuid NOT NULL REFERENCES data_resource (id),
        region_code text NOT NULL,
        requester_department_id uuid NOT NULL,
        requester_id text NOT NULL,
        system_name text NOT NULL,
        purpose text NOT NULL,
        legal_basis text NOT NULL,
        items text[] NOT NULL,
        clear_items text[] NOT NULL DEFAULT '{}',
        row_region text,
        period_from date NOT NULL,
        period_to date NOT NULL,
        state text NOT NULL,
        decision jsonb,
        due_at timestamptz NOT NULL,
        grant_id uuid,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE INDEX data_request_state ON data_request (state, due_at);
      CREATE TABLE data_grant (
        id uuid PRIMARY KEY,
        request_id uuid NOT NULL REFERENCES data_request (id),
        resource_id uuid NOT NULL REFERENCES data_resource (id),
        region_code text NOT NULL,
        client_id text NOT NULL UNIQUE,
        consumer_department_id uuid NOT NULL,
        purpose text NOT NULL,
        items text[] NOT NULL,
        clear_items text[] NOT NULL,
        row_region text,
        rate_per_minute integer NOT NULL,
        valid_from timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        secret_enc text,
        created_at timestamptz NOT NULL
      );
      CREATE TABLE data_usage (
        id uuid PRIMARY KEY,
        grant_id uuid NOT NULL,
        resource_id uuid NOT NULL,
        region_code text NOT NULL,
        client_id text NOT NULL,
        operation text NOT NULL,
        purpose text NOT NULL,
        items text[] NOT NULL,
        row_count integer NOT NULL,
        outcome text NOT NULL,
        at timestamptz NOT NULL
      );
      CREATE INDEX data_usage_resource ON data_usage (resource_id, at DESC);
      CREATE INDEX data_usage_grant ON data_usage (grant_id, at DESC);
    `,
  },
  {
    name: '0603_data_quality',
    sql: `
      CREATE TABLE data_quality_run (
        id uuid PRIMARY KEY,
        resource_id uuid NOT NULL REFERENCES data_resource (id),
        region_code text NOT NULL,
        started_at timestamptz NOT NULL,
        finished_at timestamptz NOT NULL,
        row_total integer NOT NULL,
        rows_with_issues integer NOT NULL,
        score numeric NOT NULL,
        summary jsonb NOT NULL
      );
      CREATE INDEX data_quality_run_resource ON data_quality_run (resource_id, finished_at DESC);
      CREATE TABLE data_quality_issue (
        id uuid PRIMARY KEY,
        run_id uuid NOT NULL REFERENCES data_quality_run (id),
        resource_id uuid NOT NULL,
        item_code text,
        rule text NOT NULL,
        row_id uuid,
        detail text NOT NULL
      );
      CREATE INDEX data_quality_issue_run ON data_quality_issue (run_id, rule);
      CREATE TABLE data_objection (
        id uuid PRIMARY KEY,
        resource_id uuid NOT NULL REFERENCES data_resource (id),
        region_code text NOT NULL,
        row_id uuid NOT NULL,
        item_code text NOT NULL,
        department_id uuid NOT NULL,
        raised_by text NOT NULL,
        description text NOT NULL,
        state text NOT NULL CHECK (state IN ('open', 'corrected', 'explained')),
        answer text,
        answered_by text,
        answered_at timestamptz,
        due_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL
      );
      CREATE INDEX data_objection_state ON data_objection (state, due_at);
    `,
  },
  {
    name: '0604_data_grant_rate',
    // Calls per grant per minute across all app nodes, so a grant's rate holds however many nodes serve it.
    sql: `
      CREATE TABLE data_grant_minute (
        grant_id uuid NOT NULL,
        minute timestamptz NOT NULL,
        node uuid NOT NULL,
        calls integer NOT NULL,
        PRIMARY KEY (grant_id, minute, node)
      );
    `,
  },
  {
    name: '0605_data_quality_runs',
    // A check asked for now is a run record first (queued, then running with progress) and a job;
    // the daily check goes the same way. At most one open run per resource, across all app nodes.
    sql: `
      ALTER TABLE data_quality_run ADD COLUMN state text NOT NULL DEFAULT 'done' CHECK (state IN ('queued', 'running', 'done', 'failed'));
      ALTER TABLE data_quality_run ADD COLUMN queued_at timestamptz;
      ALTER TABLE data_quality_run ADD COLUMN requested_by text;
      ALTER TABLE data_quality_run ADD COLUMN steps_total integer;
      ALTER TABLE data_quality_run ADD COLUMN steps_done integer NOT NULL DEFAULT 0;
      ALTER TABLE data_quality_run ADD COLUMN failure text;
      ALTER TABLE data_quality_run ALTER COLUMN started_at DROP NOT NULL;
      ALTER TABLE data_quality_run ALTER COLUMN finished_at DROP NOT NULL;
      ALTER TABLE data_quality_run ALTER COLUMN row_total DROP NOT NULL;
      ALTER TABLE data_quality_run ALTER COLUMN rows_with_issues DROP NOT NULL;
      ALTER TABLE data_quality_run ALTER COLUMN score DROP NOT NULL;
      ALTER TABLE data_quality_run ALTER COLUMN summary DROP NOT NULL;
      CREATE UNIQUE INDEX data_quality_run_open ON data_quality_run (resource_id) WHERE state IN ('queued', 'running');
    `,
  },
  {
    name: '0606_data_request_actions',
    // Sharing requests move through the kernel's action engine: a stored workflow version per
    // request and an action log of the one shape. The decisions kept so far as a JSON blob on the
    // row become log rows (the blob stays, no longer written).
    sql: `
      ALTER TABLE data_request ADD COLUMN workflow_version integer NOT NULL DEFAULT 1;
      ${workflowVersionsTableSql('data_request_workflow')};
      ${actionLogTableSql('data_request_action', 'request_id', 'data_request')};
      INSERT INTO data_request_action (id, request_id, region_code, action, from_state, to_state, actor_id, actor_type, actor_name, department_id, opinion, due_at, payload, at)
        SELECT gen_random_uuid(), id, region_code, 'submit', NULL, 'submitted', requester_id, 'staff', requester_id, requester_department_id, purpose, NULL, jsonb_build_object('items', items), created_at FROM data_request;
      INSERT INTO data_request_action (id, request_id, region_code, action, from_state, to_state, actor_id, actor_type, actor_name, opinion, payload, at)
        SELECT gen_random_uuid(), id, region_code,
          CASE WHEN decision->'provider'->>'decision' = 'refuse' THEN 'refuse' WHEN decision ? 'bureau' OR state = 'bureau_review' THEN 'forward' ELSE 'approve' END,
          'submitted',
          CASE WHEN decision->'provider'->>'decision' = 'refuse' THEN 'refused' WHEN decision ? 'bureau' OR state = 'bureau_review' THEN 'bureau_review' ELSE 'approved' END,
          decision->'provider'->>'by', 'staff', coalesce(decision->'provider'->>'name', ''), decision->'provider'->>'reason', '{}'::jsonb, (decision->'provider'->>'at')::timestamptz
        FROM data_request WHERE decision ? 'provider';
      INSERT INTO data_request_action (id, request_id, region_code, action, from_state, to_state, actor_id, actor_type, actor_name, opinion, payload, at)
        SELECT gen_random_uuid(), id, region_code,
          CASE WHEN decision->'bureau'->>'decision' = 'refuse' THEN 'bureau_refuse' ELSE 'bureau_approve' END, 'bureau_review',
          CASE WHEN decision->'bureau'->>'decision' = 'refuse' THEN 'refused' ELSE 'approved' END,
          decision->'bureau'->>'by', 'staff', coalesce(decision->'bureau'->>'name', ''), decision->'bureau'->>'reason', '{}'::jsonb, (decision->'bureau'->>'at')::timestamptz
        FROM data_request WHERE decision ? 'bureau';
    `,
  },
  {
    name: '0607_data_registers',
    // Registers of other departments that the rules engine's facts read beside the population and
    // entity bases (死亡登记, 残疾人, 社会救助, 单位参保). People are keyed by the ID number's blind
    // index, the same one the population base and identity keep, so no join ever decrypts.
    sql: `
      CREATE TABLE data_death (
        id_number_idx text PRIMARY KEY,
        id_number_enc text NOT NULL,
        id_number_masked text NOT NULL,
        region_code text NOT NULL,
        died_on date NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE TABLE data_disability (
        id_number_idx text PRIMARY KEY,
        id_number_enc text NOT NULL,
        id_number_masked text NOT NULL,
        region_code text NOT NULL,
        grade integer NOT NULL CHECK (grade BETWEEN 1 AND 4),
        category text NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE TABLE data_assistance (
        id_number_idx text PRIMARY KEY,
        id_number_enc text NOT NULL,
        id_number_masked text NOT NULL,
        region_code text NOT NULL,
        kind text NOT NULL,
        household_size integer NOT NULL CHECK (household_size BETWEEN 1 AND 30),
        status text NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE TABLE data_employer_insurance (
        credit_code text PRIMARY KEY,
        region_code text NOT NULL,
        size text NOT NULL,
        insured_avg integer NOT NULL CHECK (insured_avg >= 0),
        months_paid integer NOT NULL CHECK (months_paid >= 0),
        last_year_contribution_fen bigint NOT NULL CHECK (last_year_contribution_fen >= 0),
        new_claimants integer NOT NULL CHECK (new_claimants >= 0),
        updated_at timestamptz NOT NULL
      );
      CREATE INDEX data_population_birth ON data_population (birth_date);
    `,
  },
  {
    name: '0608_data_quality_row_key',
    // A finding names its row by the table's own key, which is not a uuid for the registers keyed by
    // ID-number index or credit code (data_death, data_employer_insurance …).
    sql: `ALTER TABLE data_quality_issue ALTER COLUMN row_id TYPE text;`,
  },
  {
    name: '0620_data_open_records',
    // 公共数据开放: departments' open datasets live as records (one JSON object per row, keyed by the
    // items' storage fields) without a table each; items get a description for the open catalogue;
    // a grant may be issued for an approved 有条件开放 application (no sharing request, no consuming
    // department: a named holder).
    sql: `
      ALTER TABLE data_resource DROP CONSTRAINT data_resource_backing_check;
      ALTER TABLE data_resource ADD CONSTRAINT data_resource_backing_check CHECK (backing IN ('table', 'http', 'records'));
      ALTER TABLE data_item ADD COLUMN description text NOT NULL DEFAULT '';
      CREATE TABLE data_record (
        resource_id uuid NOT NULL REFERENCES data_resource (id),
        id text NOT NULL,
        region_code text NOT NULL,
        "values" jsonb NOT NULL,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (resource_id, id)
      );
      ALTER TABLE data_grant ALTER COLUMN request_id DROP NOT NULL;
      ALTER TABLE data_grant ALTER COLUMN consumer_department_id DROP NOT NULL;
      ALTER TABLE data_grant ADD COLUMN holder_name text;
      ALTER TABLE data_grant ADD COLUMN open_application_id text;
      CREATE INDEX data_grant_open_application ON data_grant (open_application_id) WHERE open_application_id IS NOT NULL;
    `,
  },
];
