import type { Migration } from '../../../kernel/db/migrate.ts';
import { actionLogTableSql } from '../../../kernel/workflow/index.ts';

/**
 * 主动服务 (免申即享, 政策找人). A policy is versioned configuration: each edit is a version row
 * (draft, then published), and every run, benefit and match keeps the version it was made under.
 * A benefit is live until stopped; at most one live benefit per policy and subject, so nothing is
 * granted twice. Its actions are an append-only log. Payments are batches per policy and period.
 */
export const proactiveMigrations: Migration[] = [
  {
    name: '0710_proactive_base',
    sql: `
      CREATE TABLE proactive_policy (
        id uuid PRIMARY KEY,
        code text NOT NULL UNIQUE,
        region_code text NOT NULL,
        department_id uuid NOT NULL,
        name text NOT NULL,
        name_en text NOT NULL,
        mode text NOT NULL CHECK (mode IN ('automatic', 'application')),
        subject text NOT NULL CHECK (subject IN ('person', 'entity')),
        draft_version_id uuid,
        published_version_id uuid,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE INDEX proactive_policy_department ON proactive_policy (region_code, department_id);
      CREATE TABLE proactive_policy_version (
        id uuid PRIMARY KEY,
        policy_id uuid NOT NULL REFERENCES proactive_policy (id),
        version integer NOT NULL,
        definition jsonb NOT NULL,
        state text NOT NULL CHECK (state IN ('draft', 'published', 'superseded')),
        created_by text NOT NULL,
        created_at timestamptz NOT NULL,
        published_by text,
        published_at timestamptz,
        UNIQUE (policy_id, version)
      );
      CREATE TABLE proactive_run (
        id uuid PRIMARY KEY,
        policy_id uuid NOT NULL REFERENCES proactive_policy (id),
        version_id uuid NOT NULL REFERENCES proactive_policy_version (id),
        region_code text NOT NULL,
        trigger text NOT NULL,
        as_of date NOT NULL,
        started_at timestamptz NOT NULL,
        finished_at timestamptz NOT NULL,
        duration_ms integer NOT NULL,
        population integer NOT NULL,
        matched integer NOT NULL,
        newly_eligible integer NOT NULL,
        stopped integer NOT NULL,
        notified integer NOT NULL,
        started_by text NOT NULL
      );
      CREATE INDEX proactive_run_policy ON proactive_run (policy_id, started_at DESC);
      CREATE TABLE proactive_benefit (
        id uuid PRIMARY KEY,
        policy_id uuid NOT NULL REFERENCES proactive_policy (id),
        version_id uuid NOT NULL REFERENCES proactive_policy_version (id),
        region_code text NOT NULL,
        subject text NOT NULL,
        subject_key text NOT NULL,
        subject_region text NOT NULL,
        name_masked text NOT NULL,
        id_masked text NOT NULL,
        state text NOT NULL CHECK (state IN ('offered', 'confirmed', 'declined', 'paid', 'stopped')),
        amount_fen bigint,
        run_id uuid REFERENCES proactive_run (id),
        stop_run_id uuid REFERENCES proactive_run (id),
        account_enc text,
        account_masked text,
        decline_reason text,
        stop_reason jsonb,
        notified boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE UNIQUE INDEX proactive_benefit_live ON proactive_benefit (policy_id, subject_key) WHERE state <> 'stopped';
      CREATE INDEX proactive_benefit_subject ON proactive_benefit (subject_key);
      CREATE INDEX proactive_benefit_policy ON proactive_benefit (policy_id, state);
      ${actionLogTableSql('proactive_benefit_action', 'benefit_id', 'proactive_benefit')};
      CREATE TABLE proactive_match (
        id uuid PRIMARY KEY,
        policy_id uuid NOT NULL REFERENCES proactive_policy (id),
        version_id uuid NOT NULL REFERENCES proactive_policy_version (id),
        region_code text NOT NULL,
        subject text NOT NULL,
        subject_key text NOT NULL,
        name_masked text NOT NULL,
        id_masked text NOT NULL,
        state text NOT NULL CHECK (state IN ('matched', 'applied', 'granted', 'withdrawn')),
        notified boolean NOT NULL DEFAULT false,
        application_id uuid,
        run_id uuid REFERENCES proactive_run (id),
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE UNIQUE INDEX proactive_match_live ON proactive_match (policy_id, subject_key) WHERE state <> 'withdrawn';
      CREATE INDEX proactive_match_subject ON proactive_match (subject_key);
      CREATE TABLE proactive_payment (
        id uuid PRIMARY KEY,
        policy_id uuid NOT NULL REFERENCES proactive_policy (id),
        region_code text NOT NULL,
        period text NOT NULL,
        benefits integer NOT NULL,
        total_fen bigint NOT NULL,
        recorded_by text NOT NULL,
        recorded_at timestamptz NOT NULL,
        UNIQUE (policy_id, period)
      );
      CREATE TABLE proactive_payment_line (
        payment_id uuid NOT NULL REFERENCES proactive_payment (id),
        benefit_id uuid NOT NULL REFERENCES proactive_benefit (id),
        amount_fen bigint NOT NULL,
        PRIMARY KEY (payment_id, benefit_id)
      );
      CREATE INDEX proactive_payment_line_benefit ON proactive_payment_line (benefit_id);
    `,
  },
];
