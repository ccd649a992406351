import type { Migration } from '../../../kernel/db/migrate.ts';
import { actionLogTableSql, workflowVersionsTableSql } from '../../../kernel/workflow/index.ts';

/**
 * 发布审核 (migrations 1110–1119): drafts of a publication, change or withdrawal with their state and
 * the workflow version they run under, every step in the one action-log shape, the findings of each
 * automatic content check (masked, never the full ID number), and the editable sensitive-word lexicon
 * with its history.
 */
export const reviewMigrations: Migration[] = [
  {
    name: '1110_openness_review',
    sql: `
      CREATE TABLE openness_draft (
        id uuid PRIMARY KEY,
        region_code text NOT NULL,
        department_id uuid NOT NULL,
        drafter_id text NOT NULL,
        drafter_name text NOT NULL,
        purpose text NOT NULL,
        target_id uuid,
        reason text,
        kind text NOT NULL,
        title text NOT NULL,
        content jsonb,
        interpretation_of_draft uuid REFERENCES openness_draft (id),
        state text NOT NULL,
        version integer NOT NULL DEFAULT 1,
        workflow_version integer NOT NULL,
        check_round integer NOT NULL DEFAULT 0,
        check_state text NOT NULL DEFAULT 'unchecked',
        checked_at timestamptz,
        reviewer_id text,
        reviewer_name text,
        review_basis text,
        reviewed_at timestamptz,
        approver_id text,
        approver_name text,
        approved_at timestamptz,
        published_id uuid,
        published_index_no text,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE INDEX openness_draft_unit ON openness_draft (region_code, department_id, state, created_at);
      CREATE INDEX openness_draft_drafter ON openness_draft (drafter_id, created_at);
      CREATE INDEX openness_draft_original ON openness_draft (interpretation_of_draft) WHERE interpretation_of_draft IS NOT NULL;
      CREATE TABLE openness_draft_finding (
        id uuid PRIMARY KEY,
        draft_id uuid NOT NULL REFERENCES openness_draft (id),
        region_code text NOT NULL,
        round integer NOT NULL,
        kind text NOT NULL,
        field text NOT NULL,
        item integer NOT NULL DEFAULT 0,
        paragraph integer NOT NULL,
        "offset" integer NOT NULL,
        start integer NOT NULL,
        length integer NOT NULL,
        excerpt text NOT NULL,
        term text,
        waivable boolean NOT NULL,
        state text NOT NULL,
        waived_by text,
        waived_by_name text,
        waive_reason text,
        waived_at timestamptz,
        created_at timestamptz NOT NULL
      );
      CREATE INDEX openness_draft_finding_draft ON openness_draft_finding (draft_id, round, field, start);
      CREATE TABLE openness_lexicon_term (
        id uuid PRIMARY KEY,
        region_code text NOT NULL,
        term text NOT NULL,
        category text NOT NULL,
        note text,
        active boolean NOT NULL DEFAULT true,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE UNIQUE INDEX openness_lexicon_term_unique ON openness_lexicon_term (region_code, term);
      CREATE TABLE openness_lexicon_change (
        id uuid PRIMARY KEY,
        term_id uuid NOT NULL REFERENCES openness_lexicon_term (id),
        region_code text NOT NULL,
        action text NOT NULL,
        term text NOT NULL,
        category text NOT NULL,
        note text,
        active boolean NOT NULL,
        by_id text NOT NULL,
        by_name text NOT NULL,
        at timestamptz NOT NULL
      );
      CREATE INDEX openness_lexicon_change_at ON openness_lexicon_change (region_code, at, id);
      ${workflowVersionsTableSql('openness_draft_workflow')};
      ${actionLogTableSql('openness_draft_action', 'draft_id', 'openness_draft')}
    `,
  },
];
