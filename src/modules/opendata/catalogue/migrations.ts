import type { Migration } from '../../../kernel/db/migrate.ts';

/**
 * 开放目录: one dataset per catalogue resource whose 开放类型 is 无条件 or 有条件 (made by the sync,
 * never deleted: a resource that is no longer open withdraws its dataset), the views counted per
 * dataset and day, and each region's 开放责任清单 setting (days a dataset may stay unpublished).
 * `withdrawn_by` tells a bureau's withdrawal (the dataset is still owed) from the sync's (the
 * resource is no longer open, so nothing is owed).
 */
export const catalogueMigrations: Migration[] = [
  {
    name: '1000_opendata_catalogue',
    sql: `
      CREATE TABLE opendata_dataset (
        id uuid PRIMARY KEY,
        name text NOT NULL UNIQUE CHECK (name ~ '^[a-z0-9_-]{2,100}$'),
        resource_code text NOT NULL UNIQUE,
        region_code text NOT NULL,
        title text NOT NULL,
        title_en text NOT NULL DEFAULT '',
        notes text NOT NULL DEFAULT '',
        notes_en text NOT NULL DEFAULT '',
        department_id uuid NOT NULL,
        open_type text NOT NULL CHECK (open_type IN ('open', 'conditional')),
        open_basis text,
        theme text NOT NULL,
        tags text[] NOT NULL DEFAULT '{}',
        licence text NOT NULL,
        frequency text NOT NULL,
        temporal_from text,
        temporal_to text,
        spatial text NOT NULL,
        items jsonb NOT NULL,
        formats text[] NOT NULL DEFAULT '{}',
        state text NOT NULL CHECK (state IN ('draft', 'published', 'withdrawn')),
        withdrawn_by text CHECK (withdrawn_by IN ('bureau', 'sync')),
        withdrawn_reason text,
        source_version integer NOT NULL,
        row_count integer,
        published_at timestamptz,
        catalogued_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL,
        modified_at timestamptz NOT NULL,
        version integer NOT NULL DEFAULT 1
      );
      CREATE INDEX opendata_dataset_region ON opendata_dataset (region_code, state, department_id);
      CREATE TABLE opendata_dataset_view (
        dataset_id uuid NOT NULL REFERENCES opendata_dataset (id),
        day text NOT NULL,
        views integer NOT NULL DEFAULT 0,
        PRIMARY KEY (dataset_id, day)
      );
      CREATE TABLE opendata_catalogue_setting (
        region_code text PRIMARY KEY,
        late_days integer NOT NULL CHECK (late_days BETWEEN 1 AND 365),
        updated_at timestamptz NOT NULL
      );`,
  },
];
