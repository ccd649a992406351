import type { Migration } from '../../../kernel/db/migrate.ts';

/**
 * 监管事项清单 (照单监管): one row per 监管事项 of a region. Items are deactivated, never deleted,
 * because plans, draws and tasks keep referring to them. `licensing_item_codes` holds the service
 * item codes (行政许可) an item follows; the GIN index answers "which 监管事项 follow this 许可"
 * (审管联动) without a link table, since an item follows a handful of codes at most.
 */
export const itemsMigrations: Migration[] = [
  {
    name: '0900_regulation_items',
    sql: `
      CREATE TABLE regulation_item (
        id uuid PRIMARY KEY,
        region_code text NOT NULL,
        code text NOT NULL,
        name text NOT NULL,
        basis text NOT NULL,
        department_id uuid NOT NULL,
        level text NOT NULL CHECK (level IN ('general', 'key')),
        methods text[] NOT NULL DEFAULT '{}',
        entity_types text[] NOT NULL DEFAULT '{}',
        content text NOT NULL DEFAULT '',
        random_check boolean NOT NULL DEFAULT false,
        licensing_item_codes text[] NOT NULL DEFAULT '{}',
        commitment_verify_days integer CHECK (commitment_verify_days IS NULL OR commitment_verify_days BETWEEN 1 AND 365),
        active boolean NOT NULL DEFAULT true,
        version integer NOT NULL DEFAULT 1,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        UNIQUE (region_code, code)
      );
      CREATE INDEX regulation_item_department ON regulation_item (region_code, department_id, active);
      CREATE INDEX regulation_item_licensing ON regulation_item USING gin (licensing_item_codes);`,
  },
];
