import type { Migration } from '../../../kernel/db/migrate.ts';

/**
 * 信用风险分类 A–D: migrations 0920–0929.
 *
 * `regulation_credit_class` is the current class of each entity (one row, so "what class is it"
 * and the distribution are one indexed read); `regulation_credit_history` gets a row whenever the
 * class or the score changes and is never rewritten. `regulation_credit_run` is a whole-region
 * classification with its progress; a month is classified once per region (the partial unique
 * index), and a region has at most one open run.
 */
export const creditMigrations: Migration[] = [
  {
    name: '0920_regulation_credit',
    sql: `
      CREATE TABLE regulation_credit_class (
        credit_code text PRIMARY KEY,
        region_code text NOT NULL,
        entity_type text,
        class text NOT NULL CHECK (class IN ('A', 'B', 'C', 'D')),
        score integer NOT NULL,
        reasons jsonb NOT NULL,
        computed_at timestamptz NOT NULL,
        cause text NOT NULL
      );
      CREATE INDEX regulation_credit_class_region ON regulation_credit_class (region_code, class);
      CREATE TABLE regulation_credit_history (
        id uuid PRIMARY KEY,
        credit_code text NOT NULL,
        region_code text NOT NULL,
        class text NOT NULL,
        score integer NOT NULL,
        previous_class text,
        previous_score integer,
        reasons jsonb NOT NULL,
        computed_at timestamptz NOT NULL,
        cause text NOT NULL
      );
      CREATE INDEX regulation_credit_history_code ON regulation_credit_history (credit_code, computed_at DESC);
      CREATE TABLE regulation_credit_run (
        id uuid PRIMARY KEY,
        region_code text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('manual', 'monthly')),
        month text,
        state text NOT NULL CHECK (state IN ('queued', 'running', 'done', 'failed')),
        total integer,
        done integer NOT NULL DEFAULT 0,
        changed integer NOT NULL DEFAULT 0,
        counts jsonb,
        failure text,
        requested_by text NOT NULL,
        queued_at timestamptz NOT NULL,
        started_at timestamptz,
        finished_at timestamptz
      );
      CREATE UNIQUE INDEX regulation_credit_run_month ON regulation_credit_run (region_code, month) WHERE month IS NOT NULL AND state <> 'failed';
      CREATE UNIQUE INDEX regulation_credit_run_open ON regulation_credit_run (region_code) WHERE state IN ('queued', 'running');`,
  },
];
