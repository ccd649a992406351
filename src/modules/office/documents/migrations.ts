import type { Migration } from '../../../kernel/db/migrate.ts';
import { actionLogTableSql, workflowVersionsTableSql } from '../../../kernel/workflow/index.ts';

/**
 * 发文: the 公文 (its current text on the row, every text version kept), 会签 answers (one row per
 * listed department, answered once), the 文号 sequences per (region, 机关代字, year) and the
 * 机关代字 each unit may use (configuration data: the demo region's are inserted here).
 */
export const documentsMigrations: Migration[] = [
  {
    name: '0800_office_documents',
    sql: `
      CREATE TABLE office_document (
        id uuid PRIMARY KEY,
        region_code text NOT NULL,
        issuing_department_id uuid NOT NULL,
        drafter_id text NOT NULL,
        drafter_name text NOT NULL,
        state text NOT NULL,
        version integer NOT NULL DEFAULT 1,
        workflow_version integer NOT NULL,
        title text NOT NULL,
        doc_type text NOT NULL,
        doc_word text NOT NULL,
        urgency text,
        secrecy text,
        text_version integer NOT NULL DEFAULT 1,
        content jsonb NOT NULL,
        recipient_ids uuid[] NOT NULL DEFAULT '{}',
        doc_year integer,
        doc_seq integer,
        doc_number text,
        signed_by text,
        signed_by_name text,
        signed_at timestamptz,
        sealed_identifier text,
        sealed_file_id uuid,
        seal_name text,
        sealed_at timestamptz,
        distributed_at timestamptz,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE UNIQUE INDEX office_document_number ON office_document (region_code, doc_word, doc_year, doc_seq) WHERE doc_seq IS NOT NULL;
      CREATE UNIQUE INDEX office_document_number_text ON office_document (region_code, doc_number) WHERE doc_number IS NOT NULL;
      CREATE INDEX office_document_unit ON office_document (region_code, issuing_department_id, state, created_at);
      CREATE INDEX office_document_drafter ON office_document (drafter_id, state, created_at);
      CREATE TABLE office_document_version (
        document_id uuid NOT NULL REFERENCES office_document (id),
        n integer NOT NULL,
        region_code text NOT NULL,
        content jsonb NOT NULL,
        step text NOT NULL,
        by_id text NOT NULL,
        by_name text NOT NULL,
        at timestamptz NOT NULL,
        PRIMARY KEY (document_id, n)
      );
      CREATE TABLE office_document_countersign (
        document_id uuid NOT NULL REFERENCES office_document (id),
        department_id uuid NOT NULL,
        region_code text NOT NULL,
        state text NOT NULL DEFAULT 'pending',
        opinion text,
        actor_id text,
        actor_name text,
        text_version integer,
        at timestamptz,
        PRIMARY KEY (document_id, department_id)
      );
      CREATE INDEX office_document_countersign_pending ON office_document_countersign (department_id, document_id) WHERE state = 'pending';
      CREATE TABLE office_document_numbering (
        region_code text NOT NULL,
        doc_word text NOT NULL,
        year integer NOT NULL,
        last integer NOT NULL,
        PRIMARY KEY (region_code, doc_word, year)
      );
      CREATE TABLE office_doc_word (
        region_code text NOT NULL,
        word text NOT NULL,
        department_code text NOT NULL,
        is_default boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (region_code, word)
      );
      ${workflowVersionsTableSql('office_document_workflow')};
      ${actionLogTableSql('office_document_action', 'document_id', 'office_document')}
    `,
  },
];
