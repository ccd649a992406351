import type { Migration } from '../db/migrate.ts';

export const eventsMigration: Migration = {
  name: '0002_kernel_events_jobs',
  sql: `
    CREATE TABLE kernel_outbox (
      id uuid PRIMARY KEY,
      topic text NOT NULL,
      region_code text NOT NULL,
      payload jsonb NOT NULL,
      created_at timestamptz NOT NULL,
      next_at timestamptz NOT NULL,
      attempts integer NOT NULL DEFAULT 0,
      delivered_at timestamptz,
      last_error text
    );
    CREATE INDEX kernel_outbox_due ON kernel_outbox (next_at) WHERE delivered_at IS NULL;
    CREATE TABLE kernel_job (
      id uuid PRIMARY KEY,
      kind text NOT NULL,
      region_code text NOT NULL,
      payload jsonb NOT NULL,
      run_at timestamptz NOT NULL,
      state text NOT NULL CHECK (state IN ('pending', 'running', 'done', 'failed')),
      attempts integer NOT NULL DEFAULT 0,
      max_attempts integer NOT NULL DEFAULT 5,
      locked_by text,
      locked_until timestamptz,
      unique_key text,
      last_error text,
      created_at timestamptz NOT NULL,
      finished_at timestamptz
    );
    CREATE INDEX kernel_job_due ON kernel_job (run_at) WHERE state IN ('pending', 'running');
    CREATE UNIQUE INDEX kernel_job_unique_open ON kernel_job (unique_key) WHERE unique_key IS NOT NULL AND state IN ('pending', 'running');
  `,
};
