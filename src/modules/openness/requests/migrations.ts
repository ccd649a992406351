import type { Migration } from '../../../kernel/db/migrate.ts';
import { actionLogTableSql } from '../../../kernel/workflow/index.ts';

/**
 * 依申请公开: migrations 1120–1129.
 *
 * A request carries its applicant (account, kind; the name, the ID number or credit code and the
 * contact sealed with the platform key and kept masked beside them for lists), what is asked, the
 * answering department and the clock: the day it counts as received, the day the running 20-day
 * clock started (receipt, or the corrected request's arrival), the absolute `due_at` written at each
 * step, the 补正, consultation and extension facts, and, once answered, the answer. Every step is a
 * row of `openness_request_action` (the kernel's one action-log shape); every notice sent (受理回执,
 * 补正通知书, 第三方意见征询函, 延期答复告知书, 答复告知书) is a sealed PDF in the file store, listed in
 * `openness_request_notice`.
 */
export const requestsMigrations: Migration[] = [
  {
    name: '1120_openness_requests',
    sql: `
      CREATE SEQUENCE openness_request_seq;
      CREATE TABLE openness_request (
        id uuid PRIMARY KEY,
        number text NOT NULL,
        region_code text NOT NULL,
        version integer NOT NULL DEFAULT 1,
        state text NOT NULL,
        department_id uuid NOT NULL,
        applicant_account_id text NOT NULL,
        enterprise_id text,
        applicant_kind text NOT NULL,
        applicant_name_enc text NOT NULL,
        applicant_name_masked text NOT NULL,
        applicant_code_enc text,
        applicant_code_masked text,
        contact_enc text NOT NULL,
        phone_masked text NOT NULL,
        description text NOT NULL,
        purpose text,
        form text NOT NULL,
        delivery text NOT NULL,
        submitted_at timestamptz NOT NULL,
        received_on text NOT NULL,
        clock_started_on text NOT NULL,
        due_at timestamptz,
        correction_asked_at timestamptz,
        correction_due_at timestamptz,
        correction_request text,
        corrected_at timestamptz,
        consult_started_at timestamptz,
        consult_until timestamptz,
        consult_party text,
        consult_days integer NOT NULL DEFAULT 0,
        extension_state text,
        extension_days integer,
        extension_reason text,
        extended boolean NOT NULL DEFAULT false,
        supervised boolean NOT NULL DEFAULT false,
        supervision_task_id text,
        forwarded_from uuid,
        answer_type text,
        answer_reason text,
        answer_text text,
        right_body text,
        library_document_id text,
        answer_files jsonb NOT NULL DEFAULT '[]',
        answered_by text,
        answered_at timestamptz,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE UNIQUE INDEX openness_request_number ON openness_request (region_code, number);
      CREATE INDEX openness_request_applicant ON openness_request (applicant_account_id, id);
      CREATE INDEX openness_request_enterprise ON openness_request (enterprise_id, id);
      CREATE INDEX openness_request_inbox ON openness_request (region_code, department_id, state, id);
      CREATE INDEX openness_request_due ON openness_request (state, due_at);
      CREATE TABLE openness_request_notice (
        id uuid PRIMARY KEY,
        request_id uuid NOT NULL REFERENCES openness_request (id),
        region_code text NOT NULL,
        kind text NOT NULL,
        audience text NOT NULL,
        title text NOT NULL,
        file_id uuid NOT NULL,
        identifier text NOT NULL,
        document_hash text NOT NULL,
        created_at timestamptz NOT NULL
      );
      CREATE INDEX openness_request_notice_request ON openness_request_notice (request_id, created_at);
      ${actionLogTableSql('openness_request_action', 'request_id', 'openness_request')};`,
  },
];
