import type { Migration } from '../../../kernel/db/migrate.ts';

/**
 * 沙箱 (可用不可见): one row per aggregate query a user put to a dataset, answered or refused, for
 * the provider's log and the user's history. `result` holds only what was released (suppressed
 * cells are never stored); `department_id` is the dataset's provider when the query ran, so the
 * provider's 数据专员 reads the log of their own datasets with one indexed query. A row is written
 * as `running` before the query runs (so two queries at once both count against the daily budget)
 * and finished afterwards.
 */
export const sandboxMigrations: Migration[] = [
  {
    name: '1030_opendata_sandbox_queries',
    sql: `
      CREATE TABLE opendata_sandbox_query (
        id uuid PRIMARY KEY,
        region_code text NOT NULL,
        dataset_id text NOT NULL,
        dataset_name text NOT NULL,
        department_id text NOT NULL,
        account_id text NOT NULL,
        account_name text NOT NULL,
        application_id text,
        query jsonb NOT NULL,
        status text NOT NULL CHECK (status IN ('running', 'answered', 'refused')),
        refusal_code text,
        k integer NOT NULL,
        groups_returned integer NOT NULL DEFAULT 0,
        groups_suppressed integer NOT NULL DEFAULT 0,
        result jsonb,
        created_at timestamptz NOT NULL,
        finished_at timestamptz
      );
      CREATE INDEX opendata_sandbox_query_account ON opendata_sandbox_query (account_id, created_at);
      CREATE INDEX opendata_sandbox_query_department ON opendata_sandbox_query (region_code, department_id, created_at);
      CREATE INDEX opendata_sandbox_query_dataset ON opendata_sandbox_query (dataset_id, created_at);`,
  },
];
