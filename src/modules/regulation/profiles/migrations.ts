import type { Migration } from '../../../kernel/db/migrate.ts';

/**
 * 企业画像, 12345 线索 and 审管联动: migrations 0970–0989.
 *
 * `regulation_complaint` links a 12345 case to the market entity it is about (one row per entity and
 * case; an unlink keeps the row with `unlinked_at`, so a replayed registration does not link it back
 * and the audit trail and the row agree). `regulation_approval_link` is the 审管联动 ledger: one row
 * per approved application, written in the approval event's transaction — its primary key is what
 * makes a replayed event create the 告知承诺 verification task only once.
 */
export const profilesMigrations: Migration[] = [
  {
    name: '0970_regulation_profiles',
    sql: `
      CREATE TABLE regulation_complaint (
        id uuid PRIMARY KEY,
        credit_code text NOT NULL,
        entity_name text NOT NULL,
        case_id uuid NOT NULL,
        case_number text NOT NULL,
        case_kind text NOT NULL,
        summary text NOT NULL,
        region_code text NOT NULL,
        received_at timestamptz NOT NULL,
        matched_by text NOT NULL CHECK (matched_by IN ('credit-code', 'name', 'manual')),
        linked_by text NOT NULL,
        linked_by_name text NOT NULL,
        linked_at timestamptz NOT NULL,
        unlinked_at timestamptz,
        clue_task_id text,
        clue_at timestamptz,
        UNIQUE (credit_code, case_id)
      );
      CREATE INDEX regulation_complaint_entity ON regulation_complaint (credit_code, received_at DESC);
      CREATE INDEX regulation_complaint_region ON regulation_complaint (region_code, received_at);
      CREATE TABLE regulation_approval_link (
        application_id uuid PRIMARY KEY,
        application_number text NOT NULL,
        credit_code text NOT NULL,
        entity_name text NOT NULL,
        region_code text NOT NULL,
        service_item_code text NOT NULL,
        service_item_name text NOT NULL,
        object_id text NOT NULL,
        supervision_item_ids text[] NOT NULL DEFAULT '{}',
        commitment boolean NOT NULL,
        task_ids text[] NOT NULL DEFAULT '{}',
        due_on text,
        problem text,
        approved_at timestamptz NOT NULL
      );
      CREATE INDEX regulation_approval_link_entity ON regulation_approval_link (credit_code, approved_at DESC);
    `,
  },
];
