import type { Generated } from 'kysely';
import type { Executor } from '../../../kernel/db/index.ts';
import type { ActionLogRow } from '../../../kernel/workflow/index.ts';
import { tablesOf, type DefaultedTimestamp, type Json, type Timestamp } from '../../../kernel/db/tables.ts';
import type { DocumentContent } from './schema.ts';

/** The row types of the documents area's tables, as its migrations create them (kept equal by src/modules/tables.test.ts). */
export interface OfficeDocumentTable {
  id: string;
  region_code: string;
  issuing_department_id: string;
  drafter_id: string;
  drafter_name: string;
  state: string;
  version: Generated<number>;
  workflow_version: number;
  title: string;
  doc_type: string;
  doc_word: string;
  urgency: string | null;
  secrecy: string | null;
  text_version: Generated<number>;
  content: Json<DocumentContent>;
  recipient_ids: Generated<string[]>;
  doc_year: number | null;
  doc_seq: number | null;
  doc_number: string | null;
  signed_by: string | null;
  signed_by_name: string | null;
  signed_at: Timestamp | null;
  sealed_identifier: string | null;
  sealed_file_id: string | null;
  seal_name: string | null;
  sealed_at: Timestamp | null;
  distributed_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Each text version a step saw (修改痕迹 are diffs between two of them). */
export interface OfficeDocumentVersionTable {
  document_id: string;
  n: number;
  region_code: string;
  content: Json<DocumentContent>;
  step: string;
  by_id: string;
  by_name: string;
  at: Timestamp;
}

/** 会签: one row per listed department, answered once. */
export interface OfficeDocumentCountersignTable {
  document_id: string;
  department_id: string;
  region_code: string;
  state: Generated<string>;
  opinion: string | null;
  actor_id: string | null;
  actor_name: string | null;
  text_version: number | null;
  at: Timestamp | null;
}

/** The last 文号 taken per (region, 机关代字, year). */
export interface OfficeDocumentNumberingTable {
  region_code: string;
  doc_word: string;
  year: number;
  last: number;
}

/** 机关代字 a unit (by its department code) may issue under. */
export interface OfficeDocWordTable {
  region_code: string;
  word: string;
  department_code: string;
  is_default: Generated<boolean>;
  created_at: DefaultedTimestamp;
}

/** The steps of a 公文 (the kernel's one action-log shape). */
export type OfficeDocumentActionTable = ActionLogRow<'document_id'>;

export interface OfficeDocumentWorkflowTable {
  version: number;
  definition: Json<unknown>;
  created_at: DefaultedTimestamp;
}

export interface DocumentsTables {
  office_document: OfficeDocumentTable;
  office_document_version: OfficeDocumentVersionTable;
  office_document_countersign: OfficeDocumentCountersignTable;
  office_document_numbering: OfficeDocumentNumberingTable;
  office_doc_word: OfficeDocWordTable;
  office_document_action: OfficeDocumentActionTable;
  office_document_workflow: OfficeDocumentWorkflowTable;
}

export const documentsDb = (ex: Executor) => tablesOf<DocumentsTables>(ex);
