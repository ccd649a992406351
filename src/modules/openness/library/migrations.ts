import type { Migration } from '../../../kernel/db/migrate.ts';

const DAY = `'^[0-9]{4}-[0-9]{2}-[0-9]{2}$'`;

/**
 * 政策文件库: the documents as they stand (one row each, published or withdrawn, never deleted), an
 * append-only history of every publication, change, withdrawal, validity change, replacement and
 * import with a snapshot, the editable 主题分类 list (filled from vocabulary.ts THEMES when first needed, so a migrated database
 * stays empty and a backup can be restored into it) and the
 * 索引号 sequence per issuer code and year. A 文号 belongs to one document (unique index).
 */
export const libraryMigrations: Migration[] = [
  {
    name: '1100_openness_library',
    sql: `
      CREATE TABLE openness_theme (
        code text PRIMARY KEY CHECK (code ~ '^[0-9A-Za-z_-]{1,20}$'),
        name text NOT NULL,
        name_en text NOT NULL,
        position integer NOT NULL,
        active boolean NOT NULL DEFAULT true,
        updated_at timestamptz NOT NULL
      );
      CREATE TABLE openness_document (
        id uuid PRIMARY KEY,
        region_code text NOT NULL,
        index_no text NOT NULL UNIQUE,
        title text NOT NULL,
        title_en text,
        kind text NOT NULL CHECK (kind IN ('regulation', 'normative', 'policy', 'plan', 'notice', 'report', 'interpretation')),
        theme_code text NOT NULL REFERENCES openness_theme (code),
        issuer_department_id uuid,
        issuer_name text NOT NULL,
        number text,
        written_on text NOT NULL CHECK (written_on ~ ${DAY}),
        published_on text NOT NULL CHECK (published_on ~ ${DAY} AND published_on >= written_on),
        disclosure text NOT NULL CHECK (disclosure IN ('proactive', 'on_request')),
        summary text,
        body text NOT NULL,
        keywords text[] NOT NULL DEFAULT '{}',
        attachments jsonb NOT NULL,
        links jsonb NOT NULL,
        validity text NOT NULL CHECK (validity IN ('valid', 'expired', 'repealed', 'amended')),
        validity_note text,
        replaced_by uuid REFERENCES openness_document (id),
        interpretation_of uuid REFERENCES openness_document (id),
        interpretation_form text CHECK (interpretation_form IN ('text', 'graphic', 'video')),
        state text NOT NULL CHECK (state IN ('published', 'withdrawn')),
        withdrawn_reason text,
        origin text NOT NULL CHECK (origin IN ('review', 'import')),
        review_id text,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        version integer NOT NULL DEFAULT 1,
        CHECK ((kind = 'interpretation') = (interpretation_of IS NOT NULL))
      );
      CREATE UNIQUE INDEX openness_document_number ON openness_document (number) WHERE number IS NOT NULL;
      CREATE INDEX openness_document_region ON openness_document (region_code, state, published_on);
      CREATE INDEX openness_document_interpretation ON openness_document (interpretation_of) WHERE interpretation_of IS NOT NULL;
      CREATE TABLE openness_document_history (
        id uuid PRIMARY KEY,
        document_id uuid NOT NULL REFERENCES openness_document (id),
        region_code text NOT NULL,
        action text NOT NULL CHECK (action IN ('published', 'imported', 'changed', 'withdrawn', 'validity', 'replaced')),
        actor_id text NOT NULL,
        actor_name text NOT NULL,
        at timestamptz NOT NULL,
        reason text,
        review_id text,
        version integer NOT NULL,
        snapshot jsonb NOT NULL
      );
      CREATE INDEX openness_document_history_document ON openness_document_history (document_id, at);
      CREATE TABLE openness_index_counter (
        prefix text NOT NULL,
        year integer NOT NULL,
        last integer NOT NULL,
        PRIMARY KEY (prefix, year)
      );`,
  },
];
