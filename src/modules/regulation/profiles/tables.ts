import type { Generated } from 'kysely';
import type { Executor } from '../../../kernel/db/index.ts';
import { tablesOf, type Timestamp } from '../../../kernel/db/tables.ts';

export type ComplaintMatch = 'credit-code' | 'name' | 'manual';

/** A 12345 case linked to the market entity it is about (画像, 线索). */
export interface RegulationComplaintTable {
  id: string;
  credit_code: string;
  entity_name: string;
  case_id: string;
  case_number: string;
  case_kind: string;
  summary: string;
  region_code: string;
  received_at: Timestamp;
  matched_by: ComplaintMatch;
  /** Account id of the regulator, or 'system' for a link made by the flow. */
  linked_by: string;
  linked_by_name: string;
  linked_at: Timestamp;
  unlinked_at: Timestamp | null;
  /** The 线索 inspection started from this complaint. */
  clue_task_id: string | null;
  clue_at: Timestamp | null;
}

/** 审管联动: an approved application and what it made in regulation. */
export interface RegulationApprovalLinkTable {
  application_id: string;
  application_number: string;
  credit_code: string;
  entity_name: string;
  region_code: string;
  service_item_code: string;
  service_item_name: string;
  object_id: string;
  supervision_item_ids: Generated<string[]>;
  commitment: boolean;
  task_ids: Generated<string[]>;
  /** The earliest due date of the verification tasks (YYYY-MM-DD). */
  due_on: string | null;
  /** Why no verification task could be made (e.g. too few inspectors); shown on the profile. */
  problem: string | null;
  approved_at: Timestamp;
}

/** The tables of 企业画像, 12345 线索 and 审管联动 (kept equal to the migrations by src/modules/tables.test.ts). */
export interface ProfilesTables {
  regulation_complaint: RegulationComplaintTable;
  regulation_approval_link: RegulationApprovalLinkTable;
}

export const profilesDb = (ex: Executor) => tablesOf<ProfilesTables>(ex);
