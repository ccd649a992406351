import type { Migration } from '../../../kernel/db/migrate.ts';
import { actionLogTableSql } from '../../../kernel/workflow/action-log.ts';
import { workflowVersionsTableSql } from '../../../kernel/workflow/store.ts';

/**
 * 督查督办: one row per task with its state, deadline and progress written on it (so the board is
 * one indexed query), its steps in the kernel's one action-log shape, and the workflow versions
 * tasks were raised under. `remind_level` keeps which reminder the timer already sent (1 催办 at
 * yellow, 2 升级 at red), so each is sent once per task.
 */
export const supervisionMigrations: Migration[] = [
  {
    name: '0830_office_supervision_tasks',
    sql: `
      CREATE TABLE office_supervision_task (
        id uuid PRIMARY KEY,
        region_code text NOT NULL,
        number text NOT NULL UNIQUE,
        workflow_version integer NOT NULL DEFAULT 1,
        title text NOT NULL,
        detail text,
        source_kind text NOT NULL,
        source_ref text,
        source_label text,
        lead_department_id uuid,
        helper_department_ids uuid[] NOT NULL DEFAULT '{}',
        due_date text,
        due_at timestamptz,
        milestones jsonb NOT NULL DEFAULT '[]',
        progress integer NOT NULL DEFAULT 0,
        state text NOT NULL,
        version integer NOT NULL DEFAULT 1,
        raised_by text NOT NULL,
        assigned_at timestamptz,
        signed_at timestamptz,
        done_at timestamptz,
        returned_count integer NOT NULL DEFAULT 0,
        remind_level integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE INDEX office_supervision_task_board ON office_supervision_task (region_code, state, due_at);
      CREATE INDEX office_supervision_task_lead ON office_supervision_task (region_code, lead_department_id, state);
      CREATE SEQUENCE office_supervision_task_seq;
      ${workflowVersionsTableSql('office_supervision_workflow')};
      ${actionLogTableSql('office_supervision_task_action', 'task_id', 'office_supervision_task')}`,
  },
];
