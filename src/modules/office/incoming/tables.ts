import type { Generated } from 'kysely';
import type { Executor } from '../../../kernel/db/index.ts';
import type { ActionLogRow } from '../../../kernel/workflow/index.ts';
import { tablesOf, type DefaultedTimestamp, type Json, type Timestamp } from '../../../kernel/db/tables.ts';

/** The row types of the incoming area's tables, as its migrations create them (kept equal by src/modules/tables.test.ts). */
export interface OfficeIncomingTable {
  id: string;
  number: string;
  region_code: string;
  workflow_version: number;
  department_id: string;
  source: 'platform' | 'paper';
  source_document_id: string | null;
  recipient_kind: 'main' | 'cc';
  sender_department_id: string | null;
  sender_name: string;
  doc_number: string | null;
  title: string;
  doc_type: string | null;
  file_id: string | null;
  urgency: string | null;
  secrecy: string | null;
  state: string;
  version: Generated<number>;
  suggestion: string | null;
  instruction: string | null;
  lead_department_id: string | null;
  helper_department_ids: Generated<string[]>;
  due_at: Timestamp | null;
  supervision_task_id: string | null;
  summary: string | null;
  reply: string | null;
  replied_at: Timestamp | null;
  last_reminded_at: Timestamp | null;
  received_at: Timestamp;
  completed_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** The steps of a 收文 (the kernel's one action-log shape). */
export type OfficeIncomingActionTable = ActionLogRow<'incoming_id'>;

export interface OfficeIncomingWorkflowTable {
  version: number;
  definition: Json<unknown>;
  created_at: DefaultedTimestamp;
}

/** 传阅: who a 收文 was circulated to, and when each read it (the read receipt). */
export interface OfficeIncomingReaderTable {
  incoming_id: string;
  account_id: string;
  region_code: string;
  name: string;
  department_id: string | null;
  sent_by: string;
  sent_at: Timestamp;
  read_at: Timestamp | null;
}

export interface IncomingTables {
  office_incoming: OfficeIncomingTable;
  office_incoming_action: OfficeIncomingActionTable;
  office_incoming_workflow: OfficeIncomingWorkflowTable;
  office_incoming_reader: OfficeIncomingReaderTable;
}

export const incomingDb = (ex: Executor) => tablesOf<IncomingTables>(ex);
