import type { Generated } from 'kysely';
import type { Executor } from '../../../kernel/db/index.ts';
import type { ActionLogRow } from '../../../kernel/workflow/index.ts';
import { tablesOf, type DefaultedJson, type DefaultedTimestamp, type Json, type Timestamp } from '../../../kernel/db/tables.ts';

/** A 督办 task as stored: its state, deadline and progress on the row, its steps in the action log. */
export interface OfficeSupervisionTaskTable {
  id: string;
  region_code: string;
  number: string;
  workflow_version: Generated<number>;
  title: string;
  detail: string | null;
  source_kind: string;
  source_ref: string | null;
  source_label: string | null;
  lead_department_id: string | null;
  helper_department_ids: Generated<string[]>;
  due_date: string | null;
  due_at: Timestamp | null;
  milestones: DefaultedJson<unknown>;
  progress: Generated<number>;
  state: string;
  version: Generated<number>;
  raised_by: string;
  assigned_at: Timestamp | null;
  signed_at: Timestamp | null;
  done_at: Timestamp | null;
  returned_count: Generated<number>;
  remind_level: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** The steps of a task (the kernel's one action-log shape). */
export type OfficeSupervisionTaskActionTable = ActionLogRow<'task_id'>;

export interface OfficeSupervisionWorkflowTable {
  version: number;
  definition: Json<unknown>;
  created_at: DefaultedTimestamp;
}

/** The row types of the supervision area's tables, as its migrations create them (kept equal by src/modules/tables.test.ts). */
export interface SupervisionTables {
  office_supervision_task: OfficeSupervisionTaskTable;
  office_supervision_task_action: OfficeSupervisionTaskActionTable;
  office_supervision_workflow: OfficeSupervisionWorkflowTable;
}

export const supervisionDb = (ex: Executor) => tablesOf<SupervisionTables>(ex);
