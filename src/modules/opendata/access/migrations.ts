import type { Migration } from '../../../kernel/db/migrate.ts';

/**
 * 下载与接口. `opendata_access_day` is the one counter the figures read: one row per dataset and
 * China Standard Time day, upserted by every completed download and every served API call.
 * `opendata_download` and `opendata_api_call` are the traces (who, what, how many rows, how it
 * ended). An API key is stored only as the SHA-256 of the whole key; its short public prefix finds
 * the row. `opendata_key_minute` counts a key's calls per minute for every app node on the database.
 */
export const accessMigrations: Migration[] = [
  {
    name: '1010_opendata_access',
    sql: `
      CREATE TABLE opendata_access_day (
        dataset_id uuid NOT NULL,
        day date NOT NULL,
        region_code text NOT NULL,
        downloads integer NOT NULL DEFAULT 0,
        download_rows bigint NOT NULL DEFAULT 0,
        calls integer NOT NULL DEFAULT 0,
        call_rows bigint NOT NULL DEFAULT 0,
        PRIMARY KEY (dataset_id, day)
      );
      CREATE INDEX opendata_access_day_day ON opendata_access_day (day);

      CREATE TABLE opendata_download (
        id uuid PRIMARY KEY,
        dataset_id uuid NOT NULL,
        region_code text NOT NULL,
        account_id text,
        format text NOT NULL CHECK (format IN ('csv', 'json', 'xlsx')),
        row_count integer NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('completed', 'interrupted', 'failed')),
        started_at timestamptz NOT NULL,
        ended_at timestamptz NOT NULL
      );
      CREATE INDEX opendata_download_dataset ON opendata_download (dataset_id, started_at DESC);

      CREATE TABLE opendata_api_key (
        id uuid PRIMARY KEY,
        prefix text NOT NULL UNIQUE,
        key_hash text NOT NULL,
        account_id text NOT NULL,
        account_type text NOT NULL,
        enterprise_id text,
        holder_name text NOT NULL,
        name text NOT NULL,
        created_at timestamptz NOT NULL,
        revoked_at timestamptz,
        last_used_at timestamptz,
        calls bigint NOT NULL DEFAULT 0
      );
      CREATE INDEX opendata_api_key_owner ON opendata_api_key (account_id, created_at DESC);

      CREATE TABLE opendata_key_minute (
        key_id uuid NOT NULL,
        minute timestamptz NOT NULL,
        calls integer NOT NULL,
        PRIMARY KEY (key_id, minute)
      );

      CREATE TABLE opendata_api_call (
        id uuid PRIMARY KEY,
        key_id uuid NOT NULL,
        dataset_id uuid,
        region_code text NOT NULL,
        operation text NOT NULL,
        status integer NOT NULL,
        row_count integer NOT NULL DEFAULT 0,
        at timestamptz NOT NULL
      );
      CREATE INDEX opendata_api_call_key ON opendata_api_call (key_id, at DESC);
      CREATE INDEX opendata_api_call_dataset ON opendata_api_call (dataset_id, at DESC);`,
  },
];
