import type { Generated } from 'kysely';
import type { Executor } from '../../../kernel/db/index.ts';
import { tablesOf, type DefaultedTimestamp, type Json, type Timestamp } from '../../../kernel/db/tables.ts';
import type { ActionLogRow } from '../../../kernel/workflow/index.ts';
import type { DocumentInput } from '../ports.ts';

/** A proposed publication, change or withdrawal, with its state on the row. */
export interface OpennessDraftTable {
  id: string;
  region_code: string;
  department_id: string;
  drafter_id: string;
  drafter_name: string;
  /** publish | change | withdraw */
  purpose: string;
  /** The published document a change or withdrawal is about. */
  target_id: string | null;
  /** Why a change or withdrawal is made (kept in the library's history). */
  reason: string | null;
  kind: string;
  title: string;
  /** The document as it would be published (null for a withdrawal). */
  content: Json<DocumentInput> | null;
  /** A 解读 whose 原文 is itself still a draft. */
  interpretation_of_draft: string | null;
  state: string;
  version: Generated<number>;
  workflow_version: number;
  check_round: Generated<number>;
  /** unchecked | clear | blocked | review (findings a reviewer must decide) */
  check_state: Generated<string>;
  checked_at: Timestamp | null;
  reviewer_id: string | null;
  reviewer_name: string | null;
  review_basis: string | null;
  reviewed_at: Timestamp | null;
  approver_id: string | null;
  approver_name: string | null;
  approved_at: Timestamp | null;
  published_id: string | null;
  published_index_no: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** One finding of an automatic content check: where, what kind, a masked excerpt; waived with who and why. */
export interface OpennessDraftFindingTable {
  id: string;
  draft_id: string;
  region_code: string;
  round: number;
  kind: string;
  field: string;
  item: Generated<number>;
  paragraph: number;
  offset: number;
  start: number;
  length: number;
  excerpt: string;
  term: string | null;
  waivable: boolean;
  /** open | waived */
  state: string;
  waived_by: string | null;
  waived_by_name: string | null;
  waive_reason: string | null;
  waived_at: Timestamp | null;
  created_at: Timestamp;
}

/** 敏感词: one term of the region's lexicon. */
export interface OpennessLexiconTermTable {
  id: string;
  region_code: string;
  term: string;
  category: string;
  note: string | null;
  active: Generated<boolean>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Every change of the lexicon: who, when, what. */
export interface OpennessLexiconChangeTable {
  id: string;
  term_id: string;
  region_code: string;
  action: string;
  term: string;
  category: string;
  note: string | null;
  active: boolean;
  by_id: string;
  by_name: string;
  at: Timestamp;
}

export interface OpennessDraftWorkflowTable {
  version: number;
  definition: Json<unknown>;
  created_at: DefaultedTimestamp;
}

export type OpennessDraftActionTable = ActionLogRow<'draft_id'>;

/** Tables of the review area. */
export interface ReviewTables {
  openness_draft: OpennessDraftTable;
  openness_draft_finding: OpennessDraftFindingTable;
  openness_lexicon_term: OpennessLexiconTermTable;
  openness_lexicon_change: OpennessLexiconChangeTable;
  openness_draft_workflow: OpennessDraftWorkflowTable;
  openness_draft_action: OpennessDraftActionTable;
}

export const reviewDb = (ex: Executor) => tablesOf<ReviewTables>(ex);
