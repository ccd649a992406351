import type { Migration } from '../../../kernel/db/migrate.ts';

/**
 * 政策找人 on a policy document (migrations 1150–1159): one row per time a document carried a 主动服务
 * policy (政策找人 mode). A live row has no `detached_at`; detaching closes the row and keeps it, so the
 * history of what a document carried, who attached and detached it and why, stays readable. At most
 * one live rule per document and one live document per policy (the notice links to one document).
 * `retold_at` marks the first run after attaching, which also tells those matched before.
 */
export const matchingMigrations: Migration[] = [
  {
    name: '1150_openness_document_rules',
    sql: `
      CREATE TABLE openness_document_rule (
        id uuid PRIMARY KEY,
        region_code text NOT NULL,
        document_id uuid NOT NULL,
        policy_code text NOT NULL,
        policy_name text NOT NULL,
        subject text NOT NULL CHECK (subject IN ('person', 'entity')),
        department_id text NOT NULL,
        note text,
        attached_by text NOT NULL,
        attached_by_name text NOT NULL,
        attached_at timestamptz NOT NULL,
        detached_by text,
        detached_by_name text,
        detached_at timestamptz,
        detach_reason text,
        retold_at timestamptz,
        last_run_at timestamptz,
        last_matched integer,
        last_told integer,
        runs integer NOT NULL DEFAULT 0
      );
      CREATE UNIQUE INDEX openness_document_rule_live_document ON openness_document_rule (document_id) WHERE detached_at IS NULL;
      CREATE UNIQUE INDEX openness_document_rule_live_policy ON openness_document_rule (policy_code) WHERE detached_at IS NULL;
      CREATE INDEX openness_document_rule_history ON openness_document_rule (document_id, attached_at);
      CREATE INDEX openness_document_rule_region ON openness_document_rule (region_code, id);`,
  },
];
