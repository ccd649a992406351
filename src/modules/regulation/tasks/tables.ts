import type { Generated } from 'kysely';
import type { Executor } from '../../../kernel/db/index.ts';
import { tablesOf, type Json, type Timestamp } from '../../../kernel/db/tables.ts';

/** A correction after an objection, kept on the result so the public page can say so. */
export interface Correction {
  previousConclusion: string;
  at: string;
  objectionId: string;
}

/** A 检查任务 with its result (once recorded) on the same row. */
export interface RegulationTaskTable {
  id: string;
  region_code: string;
  number: string;
  kind: string;
  credit_code: string;
  object_name: string;
  item_ids: Generated<string[]>;
  inspector_ids: Generated<string[]>;
  department_ids: Generated<string[]>;
  plan_id: string | null;
  source_kind: string | null;
  source_ref: string | null;
  source_label: string | null;
  due_on: string;
  publish_by: Timestamp;
  state: string;
  inspected_on: string | null;
  findings: string | null;
  conclusion: string | null;
  problem: boolean | null;
  photo_ids: Generated<string[]>;
  recorded_by: string | null;
  recorded_at: Timestamp | null;
  published_at: Timestamp | null;
  published_seq: number | null;
  correction: Json<Correction> | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** An enterprise's 异议 to a published result, and the regulator's answer (维持 / 更正). */
export interface RegulationTaskObjectionTable {
  id: string;
  task_id: string;
  region_code: string;
  credit_code: string;
  account_id: string;
  reason: string;
  filed_at: Timestamp;
  state: string;
  answer: string | null;
  previous_conclusion: string;
  corrected_conclusion: string | null;
  answered_by: string | null;
  answered_at: Timestamp | null;
}

/** A 行政处罚 decided after 立案查处. */
export interface RegulationPenaltyTable {
  id: string;
  task_id: string;
  region_code: string;
  credit_code: string;
  decision_no: string;
  kind: string;
  amount_fen: number | null;
  decided_on: string;
  department_id: string;
  recorded_by: string;
  created_at: Timestamp;
}

/** The tables of 检查任务, 结果, 异议, 行政处罚 and 一公开. */
export interface TasksTables {
  regulation_task: RegulationTaskTable;
  regulation_task_objection: RegulationTaskObjectionTable;
  regulation_penalty: RegulationPenaltyTable;
}

export const tasksDb = (ex: Executor) => tablesOf<TasksTables>(ex);
