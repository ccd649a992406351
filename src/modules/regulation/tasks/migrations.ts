import type { Migration } from '../../../kernel/db/migrate.ts';

/**
 * 检查任务, 结果, 异议, 行政处罚 and 一公开: migrations 0950–0969.
 *
 * A task carries its result on its own row (one result per task, recorded once), so the inspector's
 * list, the public results and the figures are each one indexed query. `publish_by` is the latest
 * moment its result may be published (20 working days after the due date), fixed when the task is
 * made, as every deadline here is. `published_seq` orders the public list for keyset paging.
 */
export const tasksMigrations: Migration[] = [
  {
    name: '0950_regulation_tasks',
    sql: `
      CREATE TABLE regulation_task (
        id uuid PRIMARY KEY,
        region_code text NOT NULL,
        number text NOT NULL UNIQUE,
        kind text NOT NULL,
        credit_code text NOT NULL,
        object_name text NOT NULL,
        item_ids text[] NOT NULL DEFAULT '{}',
        inspector_ids text[] NOT NULL DEFAULT '{}',
        department_ids text[] NOT NULL DEFAULT '{}',
        plan_id text,
        source_kind text,
        source_ref text,
        source_label text,
        due_on date NOT NULL,
        publish_by timestamptz NOT NULL,
        state text NOT NULL,
        inspected_on date,
        findings text,
        conclusion text,
        problem boolean,
        photo_ids text[] NOT NULL DEFAULT '{}',
        recorded_by text,
        recorded_at timestamptz,
        published_at timestamptz,
        published_seq bigint,
        correction jsonb,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE INDEX regulation_task_region ON regulation_task (region_code, state, due_on);
      CREATE INDEX regulation_task_inspectors ON regulation_task USING gin (inspector_ids);
      CREATE INDEX regulation_task_entity ON regulation_task (credit_code, recorded_at);
      CREATE INDEX regulation_task_plan ON regulation_task (plan_id);
      CREATE UNIQUE INDEX regulation_task_published ON regulation_task (published_seq) WHERE published_seq IS NOT NULL;
      CREATE SEQUENCE regulation_task_seq;
      CREATE SEQUENCE regulation_task_published_seq;

      CREATE TABLE regulation_task_objection (
        id uuid PRIMARY KEY,
        task_id uuid NOT NULL UNIQUE REFERENCES regulation_task (id),
        region_code text NOT NULL,
        credit_code text NOT NULL,
        account_id text NOT NULL,
        reason text NOT NULL,
        filed_at timestamptz NOT NULL,
        state text NOT NULL,
        answer text,
        previous_conclusion text NOT NULL,
        corrected_conclusion text,
        answered_by text,
        answered_at timestamptz
      );
      CREATE INDEX regulation_task_objection_region ON regulation_task_objection (region_code, state, filed_at);

      CREATE TABLE regulation_penalty (
        id uuid PRIMARY KEY,
        task_id uuid NOT NULL REFERENCES regulation_task (id),
        region_code text NOT NULL,
        credit_code text NOT NULL,
        decision_no text NOT NULL,
        kind text NOT NULL,
        amount_fen bigint,
        decided_on date NOT NULL,
        department_id text NOT NULL,
        recorded_by text NOT NULL,
        created_at timestamptz NOT NULL,
        UNIQUE (region_code, decision_no)
      );
      CREATE INDEX regulation_penalty_entity ON regulation_penalty (credit_code, decided_on);
      CREATE INDEX regulation_penalty_task ON regulation_penalty (task_id);`,
  },
];
