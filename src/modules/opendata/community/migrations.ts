import type { Migration } from '../../../kernel/db/migrate.ts';

/**
 * 互动: ratings and comments on datasets, 数据需求 with their +1s, 应用展示 and the 授权运营 products.
 * Datasets are referred to by id only (the catalogue area owns them); whether one is published is
 * asked of the catalogue port when something names it.
 */
export const communityMigrations: Migration[] = [
  {
    name: '1040_opendata_community_feedback',
    sql: `
      CREATE TABLE opendata_rating (
        dataset_id uuid NOT NULL,
        account_id text NOT NULL,
        region_code text NOT NULL,
        stars integer NOT NULL CHECK (stars BETWEEN 1 AND 5),
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (dataset_id, account_id)
      );
      CREATE TABLE opendata_comment (
        id uuid PRIMARY KEY,
        dataset_id uuid NOT NULL,
        region_code text NOT NULL,
        author_id text NOT NULL,
        author_name text NOT NULL,
        body text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 1000),
        state text NOT NULL CHECK (state IN ('pending', 'published', 'hidden')),
        hidden_reason text,
        reply text,
        replied_at timestamptz,
        moderated_by text,
        moderated_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE INDEX opendata_comment_dataset ON opendata_comment (dataset_id, state, created_at DESC, id);
      CREATE INDEX opendata_comment_queue ON opendata_comment (region_code, state, created_at, id);`,
  },
  {
    name: '1041_opendata_community_demands',
    sql: `
      CREATE TABLE opendata_demand (
        id uuid PRIMARY KEY,
        region_code text NOT NULL,
        title text NOT NULL,
        description text NOT NULL,
        data_wanted text NOT NULL,
        purpose text NOT NULL,
        department_id uuid,
        author_id text NOT NULL,
        author_name text NOT NULL,
        state text NOT NULL CHECK (state IN ('submitted', 'accepted', 'opened', 'declined')),
        planned_date date,
        dataset_id uuid,
        reason text,
        answer text,
        answered_by text,
        answered_at timestamptz,
        due_at timestamptz NOT NULL,
        votes integer NOT NULL DEFAULT 0,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        CHECK (state <> 'declined' OR reason IS NOT NULL),
        CHECK (state <> 'opened' OR dataset_id IS NOT NULL),
        CHECK (state <> 'accepted' OR planned_date IS NOT NULL)
      );
      CREATE INDEX opendata_demand_list ON opendata_demand (region_code, created_at DESC, id);
      CREATE INDEX opendata_demand_open ON opendata_demand (region_code, state, due_at);
      CREATE TABLE opendata_demand_vote (
        demand_id uuid NOT NULL REFERENCES opendata_demand (id),
        account_id text NOT NULL,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (demand_id, account_id)
      );`,
  },
  {
    name: '1042_opendata_community_showcase',
    sql: `
      CREATE TABLE opendata_app (
        id uuid PRIMARY KEY,
        region_code text NOT NULL,
        name text NOT NULL,
        description text NOT NULL,
        url text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('web', 'app', 'miniprogram', 'research')),
        dataset_ids uuid[] NOT NULL,
        developer text NOT NULL,
        submitted_by text NOT NULL,
        state text NOT NULL CHECK (state IN ('pending', 'published', 'rejected')),
        reason text,
        reviewed_by text,
        reviewed_at timestamptz,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE INDEX opendata_app_list ON opendata_app (region_code, state, created_at DESC, id);
      CREATE INDEX opendata_app_datasets ON opendata_app USING gin (dataset_ids);
      CREATE TABLE opendata_product (
        id uuid PRIMARY KEY,
        region_code text NOT NULL,
        name text NOT NULL,
        description text NOT NULL,
        implementer text NOT NULL,
        operator text NOT NULL,
        dataset_ids uuid[] NOT NULL,
        services jsonb NOT NULL,
        pricing text NOT NULL,
        valid_from date NOT NULL,
        valid_to date NOT NULL,
        terms text NOT NULL,
        url text,
        state text NOT NULL CHECK (state IN ('listed', 'withdrawn')),
        version integer NOT NULL DEFAULT 1,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        CHECK (valid_to >= valid_from)
      );
      CREATE INDEX opendata_product_list ON opendata_product (region_code, state, created_at DESC, id);
      CREATE INDEX opendata_product_datasets ON opendata_product USING gin (dataset_ids);`,
  },
];
