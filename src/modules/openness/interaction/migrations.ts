import type { Migration } from '../../../kernel/db/migrate.ts';
import { actionLogTableSql } from '../../../kernel/workflow/action-log.ts';

/**
 * 政民互动: questions and 留言 asked on a published policy document or in the 咨询 column, routed to a
 * department, answered by its 政务公开专员 and published after review. A published answer lives in
 * the 12345 knowledge base (its entry's id is kept here); the question row keeps the masked text as
 * published, the state, the deadline and the version; the action log keeps every step.
 */
export const interactionMigrations: Migration[] = [
  {
    name: '1140_openness_interaction_questions',
    sql: `
      CREATE SEQUENCE openness_question_seq;
      CREATE TABLE openness_question (
        id uuid PRIMARY KEY,
        number text NOT NULL UNIQUE,
        region_code text NOT NULL,
        channel text NOT NULL CHECK (channel IN ('document', 'column')),
        document_id uuid,
        document_title text,
        department_id uuid NOT NULL,
        asker_id text NOT NULL,
        asker_label text NOT NULL,
        title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 100),
        body text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 2000),
        state text NOT NULL CHECK (state IN ('submitted', 'answered', 'published', 'rejected', 'unpublished')),
        answer text,
        answered_by text,
        answered_by_name text,
        answered_at timestamptz,
        due_at timestamptz NOT NULL,
        public_title text,
        public_body text,
        public_answer text,
        knowledge_id uuid,
        reviewed_by text,
        reviewed_by_name text,
        reviewed_at timestamptz,
        reason text,
        published_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        CHECK (channel <> 'document' OR document_id IS NOT NULL),
        CHECK (state NOT IN ('answered', 'published') OR answer IS NOT NULL),
        CHECK (state <> 'rejected' OR reason IS NOT NULL)
      );
      CREATE INDEX openness_question_inbox ON openness_question (region_code, department_id, state, created_at, id);
      CREATE INDEX openness_question_document ON openness_question (document_id, published_at DESC, id) WHERE state = 'published';
      CREATE INDEX openness_question_published ON openness_question (region_code, published_at DESC, id) WHERE state = 'published';
      CREATE INDEX openness_question_asker ON openness_question (asker_id, created_at DESC, id);
      ${actionLogTableSql('openness_question_action', 'question_id', 'openness_question')};`,
  },
];
