import type { Migration } from '../../../kernel/db/migrate.ts';

/**
 * 年度报告: one row per edition of a region's report for a year. A draft is edited and regenerated;
 * publishing freezes it; a correction of a published report is a new draft (edition + 1) that, once
 * published, supersedes the old edition, which stays readable. Every act is a row of the action log.
 */
export const reportsMigrations: Migration[] = [
  {
    name: '1130_openness_reports',
    sql: `
      CREATE TABLE openness_report (
        id uuid PRIMARY KEY,
        region_code text NOT NULL,
        year integer NOT NULL CHECK (year BETWEEN 2008 AND 2999),
        edition integer NOT NULL CHECK (edition >= 1),
        state text NOT NULL CHECK (state IN ('draft', 'published', 'superseded')),
        figures jsonb NOT NULL,
        computed_at timestamptz NOT NULL,
        entered jsonb NOT NULL,
        texts jsonb NOT NULL,
        tables jsonb NOT NULL,
        checks jsonb NOT NULL,
        explanation text,
        corrects uuid REFERENCES openness_report (id),
        correction_reason text,
        generated_by text NOT NULL,
        generated_by_name text NOT NULL,
        published_by text,
        published_by_name text,
        published_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        UNIQUE (region_code, year, edition),
        CHECK (state = 'draft' OR published_at IS NOT NULL)
      );
      CREATE UNIQUE INDEX openness_report_one_draft ON openness_report (region_code, year) WHERE state = 'draft';
      CREATE UNIQUE INDEX openness_report_one_published ON openness_report (region_code, year) WHERE state = 'published';
      -- Who generated, edited, published or corrected an edition: an edit history like the library's,
      -- not a workflow action log (a report has no steps beyond draft → published).
      CREATE TABLE openness_report_history (
        id uuid PRIMARY KEY,
        report_id uuid NOT NULL REFERENCES openness_report (id),
        region_code text NOT NULL,
        action text NOT NULL CHECK (action IN ('generated', 'regenerated', 'edited', 'published', 'corrected', 'superseded')),
        actor_id text NOT NULL,
        actor_name text NOT NULL,
        note text,
        at timestamptz NOT NULL
      );
      CREATE INDEX openness_report_history_report ON openness_report_history (report_id, at, id);`,
  },
];
