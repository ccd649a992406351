import type { Generated } from 'kysely';
import type { Executor } from '../../../kernel/db/index.ts';
import { tablesOf, type Timestamp } from '../../../kernel/db/tables.ts';
import type { ActionLogRow } from '../../../kernel/workflow/action-log.ts';

export type QuestionState = 'submitted' | 'answered' | 'published' | 'rejected' | 'unpublished';
export type QuestionChannel = 'document' | 'column';

/** A question or 留言: on a policy document, or in the 咨询 column to a department. */
export interface OpennessQuestionTable {
  id: string;
  /** People-facing number, e.g. 152201-ZX-20261201-000001. */
  number: string;
  region_code: string;
  channel: QuestionChannel;
  document_id: string | null;
  /** The document's title when asked (it may later change or be withdrawn). */
  document_title: string | null;
  /** The department that answers: the document's issuer, the one picked, or the 政务公开办. */
  department_id: string;
  asker_id: string;
  /** The asker as staff see them: family name and a mask (张*); never published. */
  asker_label: string;
  title: string;
  body: string;
  state: QuestionState;
  answer: string | null;
  answered_by: string | null;
  answered_by_name: string | null;
  answered_at: Timestamp | null;
  due_at: Timestamp;
  /** As published: ID and phone numbers masked. */
  public_title: string | null;
  public_body: string | null;
  public_answer: string | null;
  /** The 12345 knowledge-base entry the published Q&A is. */
  knowledge_id: string | null;
  reviewed_by: string | null;
  reviewed_by_name: string | null;
  reviewed_at: Timestamp | null;
  /** Why it was rejected (told to the asker), returned or unpublished. */
  reason: string | null;
  published_at: Timestamp | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Tables of the interaction area (kept equal to its migrations by src/modules/tables.test.ts). */
export interface InteractionTables {
  openness_question: OpennessQuestionTable;
  openness_question_action: ActionLogRow<'question_id'>;
}

export const interactionDb = (ex: Executor) => tablesOf<InteractionTables>(ex);
