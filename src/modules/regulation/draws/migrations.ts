import type { Migration } from '../../../kernel/db/migrate.ts';

/**
 * 抽查计划 and the verifiable 双随机 draw: migrations 0930–0949.
 *
 * A plan row carries its parameters and, once committed (冻结并公布), the declared seed source and
 * the SM3 digests of what was frozen. The frozen inputs are rows of their own (candidates, the
 * inspector pool, the 回避 pairs), written once at commit and never updated, so the public check
 * can hash them again and show a mismatch if anyone edits one. One draw per plan: the primary key
 * is the plan, so a second draw cannot be stored even by a race.
 */
export const drawsMigrations: Migration[] = [
  {
    name: '0930_regulation_draws',
    sql: `
      CREATE TABLE regulation_plan (
        id uuid PRIMARY KEY,
        region_code text NOT NULL,
        number text NOT NULL UNIQUE,
        name text NOT NULL,
        year integer NOT NULL,
        batch integer NOT NULL,
        check_type text NOT NULL,
        item_ids text[] NOT NULL,
        scope jsonb NOT NULL,
        starts_on text NOT NULL,
        ends_on text NOT NULL,
        lead_department_id uuid NOT NULL,
        joint_department_ids uuid[] NOT NULL DEFAULT '{}',
        rates jsonb NOT NULL,
        inspectors_per_object integer NOT NULL,
        state text NOT NULL,
        seed_sources jsonb,
        seed_available_at timestamptz,
        candidates_count integer,
        candidates_digest text,
        inspectors_digest text,
        avoidance_digest text,
        commitment_digest text,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL,
        committed_at timestamptz,
        drawn_at timestamptz,
        updated_at timestamptz NOT NULL
      );
      CREATE INDEX regulation_plan_region ON regulation_plan (region_code, state, id);
      CREATE SEQUENCE regulation_plan_seq;
      CREATE TABLE regulation_plan_candidate (
        plan_id uuid NOT NULL REFERENCES regulation_plan (id),
        ord integer NOT NULL,
        credit_code text NOT NULL,
        name text NOT NULL,
        entity_type text,
        region_code text NOT NULL,
        credit_class text NOT NULL,
        PRIMARY KEY (plan_id, ord)
      );
      CREATE TABLE regulation_plan_inspector (
        plan_id uuid NOT NULL REFERENCES regulation_plan (id),
        ord integer NOT NULL,
        inspector_id text NOT NULL,
        name text NOT NULL,
        certificate_no text NOT NULL,
        department_id text NOT NULL,
        PRIMARY KEY (plan_id, ord)
      );
      CREATE TABLE regulation_plan_avoidance (
        plan_id uuid NOT NULL REFERENCES regulation_plan (id),
        credit_code text NOT NULL,
        inspector_id text NOT NULL,
        reason text NOT NULL,
        PRIMARY KEY (plan_id, credit_code, inspector_id, reason)
      );
      CREATE TABLE regulation_draw (
        plan_id uuid PRIMARY KEY REFERENCES regulation_plan (id),
        region_code text NOT NULL,
        seed_values jsonb NOT NULL,
        key text NOT NULL,
        result jsonb NOT NULL,
        result_digest text NOT NULL,
        task_ids text[] NOT NULL DEFAULT '{}',
        drawn_by text NOT NULL,
        drawn_at timestamptz NOT NULL
      );`,
  },
];
