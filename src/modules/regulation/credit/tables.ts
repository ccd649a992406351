import type { Generated } from 'kysely';
import type { Executor } from '../../../kernel/db/index.ts';
import { tablesOf, type Json, type Timestamp } from '../../../kernel/db/tables.ts';
import type { CreditClass } from '../ports.ts';

/** One reason as stored: the indicator that moved the score, its words and its points. */
export interface StoredReason {
  indicator: string;
  zh: string;
  en: string;
  points: number;
}

/** The current class of an entity. */
export interface RegulationCreditClassTable {
  credit_code: string;
  region_code: string;
  entity_type: string | null;
  class: CreditClass;
  score: number;
  reasons: Json<StoredReason[]>;
  computed_at: Timestamp;
  /** What caused the computation: `run:<id>`, `monthly:<YYYY-MM>` or the event's reason. */
  cause: string;
}

/** A change of class or score, kept for ever. */
export interface RegulationCreditHistoryTable {
  id: string;
  credit_code: string;
  region_code: string;
  class: CreditClass;
  score: number;
  previous_class: CreditClass | null;
  previous_score: number | null;
  reasons: Json<StoredReason[]>;
  computed_at: Timestamp;
  cause: string;
}

/** A whole-region classification and its progress. */
export interface RegulationCreditRunTable {
  id: string;
  region_code: string;
  kind: 'manual' | 'monthly';
  month: string | null;
  state: 'queued' | 'running' | 'done' | 'failed';
  total: number | null;
  done: Generated<number>;
  changed: Generated<number>;
  counts: Json<Record<CreditClass, number>> | null;
  failure: string | null;
  requested_by: string;
  queued_at: Timestamp;
  started_at: Timestamp | null;
  finished_at: Timestamp | null;
}

/** The tables of 信用风险分类 A–D (kept equal to the migrations by src/modules/tables.test.ts). */
export interface CreditTables {
  regulation_credit_class: RegulationCreditClassTable;
  regulation_credit_history: RegulationCreditHistoryTable;
  regulation_credit_run: RegulationCreditRunTable;
}

export const creditDb = (ex: Executor) => tablesOf<CreditTables>(ex);
