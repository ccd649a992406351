import type { Migration } from '../../../kernel/db/migrate.ts';
import { actionLogTableSql, workflowVersionsTableSql } from '../../../kernel/workflow/index.ts';

/**
 * 收文 (incoming documents): one row per document a unit received (from 发文 on the platform, or
 * registered by hand from paper), its steps in an action log of the kernel's one shape, and the
 * people it was circulated to (传阅) with when each read it.
 */
export const incomingMigrations: Migration[] = [
  {
    name: '0820_office_incoming',
    sql: `
      CREATE SEQUENCE office_incoming_seq;
      ${workflowVersionsTableSql('office_incoming_workflow')};
      CREATE TABLE office_incoming (
        id uuid PRIMARY KEY,
        number text NOT NULL UNIQUE,
        region_code text NOT NULL,
        workflow_version integer NOT NULL,
        department_id uuid NOT NULL,
        source text NOT NULL CHECK (source IN ('platform', 'paper')),
        source_document_id uuid,
        recipient_kind text NOT NULL CHECK (recipient_kind IN ('main', 'cc')),
        sender_department_id uuid,
        sender_name text NOT NULL,
        doc_number text,
        title text NOT NULL,
        doc_type text,
        file_id uuid,
        urgency text,
        secrecy text,
        state text NOT NULL,
        version integer NOT NULL DEFAULT 1,
        suggestion text,
        instruction text,
        lead_department_id uuid,
        helper_department_ids uuid[] NOT NULL DEFAULT '{}',
        due_at timestamptz,
        supervision_task_id uuid,
        summary text,
        reply text,
        replied_at timestamptz,
        last_reminded_at timestamptz,
        received_at timestamptz NOT NULL,
        completed_at timestamptz,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
      -- One entry per recipient unit of a distributed document: a redelivered event finds it.
      CREATE UNIQUE INDEX office_incoming_source ON office_incoming (source_document_id, department_id) WHERE source_document_id IS NOT NULL;
      CREATE INDEX office_incoming_inbox ON office_incoming (region_code, department_id, state, received_at);
      CREATE INDEX office_incoming_lead ON office_incoming (lead_department_id, state) WHERE lead_department_id IS NOT NULL;
      CREATE INDEX office_incoming_helpers ON office_incoming USING gin (helper_department_ids);
      CREATE INDEX office_incoming_due ON office_incoming (due_at) WHERE state IN ('instructed', 'handling');
      ${actionLogTableSql('office_incoming_action', 'incoming_id', 'office_incoming')};
      CREATE TABLE office_incoming_reader (
        incoming_id uuid NOT NULL REFERENCES office_incoming (id),
        account_id text NOT NULL,
        region_code text NOT NULL,
        name text NOT NULL,
        department_id uuid,
        sent_by text NOT NULL,
        sent_at timestamptz NOT NULL,
        read_at timestamptz,
        PRIMARY KEY (incoming_id, account_id)
      );
      CREATE INDEX office_incoming_reader_unread ON office_incoming_reader (account_id) WHERE read_at IS NULL;
    `,
  },
];
